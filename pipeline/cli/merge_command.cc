#include "cli/merge_command.h"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/data_dirs.h"
#include "cli/exit_code.h"
#include "cli/run_stats.h"
#include "dataset/code_dataset.h"
#include "facts/rule_set.h"
#include "normalise/dictionary.h"

namespace foicode::cli {

const std::string_view kMergeUsage =
    "usage: foicode merge SHARD... --out DIR [--jobs N] [--data DIR] [--stats]\n"
    "\n"
    "Makes one dataset in DIR from datasets coded apart: a corpus split into shards, each\n"
    "coded with foicode run on its own machine (see README: running past one machine). The\n"
    "shards' inputs and extracted text are copied in, review decisions made on a shard carry\n"
    "over, and the whole is coded again with this foicode's dictionaries/ and rules/, so a\n"
    "respondent whose replies fell in two shards gets one record, the same as one run over the\n"
    "whole corpus gives. No reply is read again. An input (by its path in the dataset) may be\n"
    "in one shard only. Merging again into DIR reports what changed since the last merge.\n"
    "\n"
    "  --out DIR       the merged dataset folder (created if missing); not one of the shards\n"
    "  --jobs N        records coded at once (default: the number of cores)\n"
    "  --data DIR      the folder holding dictionaries/ and rules/ (default: the checkout the\n"
    "                  binary was built in)\n"
    "  --stats         at the end, print where the time and memory went\n";

int MergeCommand(const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::cout << kMergeUsage;
    return kOk;
  }
  const auto started = std::chrono::steady_clock::now();
  ParsedArgs parsed;
  if (Status s = ParseArgs(args, {{"--out", true}, {"--jobs", true}, {"--data", true}, {"--stats", false}}, &parsed);
      !s.ok())
    return UsageError("merge", s.message());
  if (parsed.positionals.empty()) return UsageError("merge", "no SHARD given: name the datasets to merge");
  if (!parsed.Has("--out")) return UsageError("merge", "--out DIR is required");
  int jobs = 1;
  if (const int bad = ReadJobsFlag("merge", parsed, &jobs); bad != kOk) return bad;
  std::vector<std::filesystem::path> shards;
  for (const std::string& shard : parsed.positionals) {
    std::error_code ec;
    if (!std::filesystem::is_directory(shard, ec)) return UsageError("merge", "no such dataset folder: " + shard);
    shards.emplace_back(shard);
  }
  CodingData data;
  if (const int failed = LoadCodingData("merge", parsed.Has("--data") ? parsed.values["--data"] : "", &data);
      failed != kOk)
    return failed;

  dataset::RunOptions options;
  options.out_dir = parsed.values["--out"];
  options.jobs = jobs;
  options.data_fingerprint = data.fingerprint;
  std::error_code ec;
  const bool existed = std::filesystem::exists(options.out_dir / "responses.jsonl", ec);
  dataset::RunResult result;
  if (Status s = dataset::MergeDatasets(shards, *data.dictionary, *data.rules, options, &result); !s.ok()) {
    std::cerr << "foicode merge: " << s.message() << "\n";
    if (!result.dataset_written && existed) {
      std::cerr << "foicode merge: the last good dataset in " << options.out_dir.string() << " is unchanged\n";
    }
    return kRunFailed;
  }
  PrintRunSummary(std::cout, std::cerr, result, options.out_dir);
  if (parsed.Has("--stats")) {
    PrintRunStats(std::cout, result.counters,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), jobs);
  }
  return kOk;
}

}  // namespace foicode::cli
