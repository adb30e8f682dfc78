#include "cli/commands.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <iostream>
#include <thread>

#include "dataset/code_dataset.h"
#include "dataset/dataset_changes.h"
#include "batch/input_walk.h"
#include "batch/progress.h"
#include "batch/run_batch.h"
#include "cli/args.h"
#include "cli/exit_code.h"
#include "cli/extract_dump.h"
#include "cli/merge_command.h"
#include "cli/report_command.h"
#include "cli/run_stats.h"
#include "cli/review_command.h"
#include "cli/data_dirs.h"
#include "core/extracted_source_json.h"
#include "extract/isolated_extractor.h"
#include "extract/limit_options.h"
#include "extract/sha256.h"
#include "facts/rule_examples.h"
#include "facts/rule_set.h"
#include "normalise/dictionary.h"
#include "report/cohort.h"

namespace foicode::cli {
namespace {

constexpr std::string_view kRunUsage =
    "usage: foicode run PATH... --out DIR [--jobs N] [--cohort FILE] [--limit NAME=VALUE]... [--stats]\n"
    "\n"
    "Reads every reply in PATH (files, or folders walked recursively) and writes the coded\n"
    "dataset to DIR: responses.jsonl, responses.csv, systems.csv, changes.jsonl, report.html.\n"
    "\n"
    "On a DIR that holds a dataset the run is a refresh: inputs unchanged since the last run are\n"
    "not read again, a change to dictionaries/ or rules/ re-codes from the stored text, removed\n"
    "inputs drop out, and every review decision is applied again (or reported stale/orphaned).\n"
    "\n"
    "  --out DIR       the dataset folder (created if missing)\n"
    "  --jobs N        files read at once (default: the number of cores)\n"
    "  --cohort FILE   the organisations that were asked, one per line or CSV with a name column;\n"
    "                  the report lists those with no reply (kept for later runs of DIR)\n"
    "  --data DIR      the folder holding dictionaries/ and rules/ (default: the checkout the\n"
    "                  binary was built in)\n"
    "  --limit NAME=VALUE  raise (or lower) a reading limit; repeat it or join pairs with commas\n"
    "  --stats         at the end, print the time spent in each stage, files and pages per\n"
    "                  second, cache hits and peak memory\n"
    "\n"
    "Each input is read in a separate worker process within the limits below. An unreadable\n"
    "input never stops the batch: one that is malformed, encrypted, too big, crashes its reader\n"
    "or takes too long is recorded with an error that names the limit it reached. Exit status\n"
    "is 0 when every input was coded or recorded, 2 for a usage error, 1 when the run could not\n"
    "finish (the last good dataset is then left as it was).\n";

// The run command's help: the text above, then every limit with its default.
const std::string& RunUsage() {
  static const std::string usage = [] {
    std::string text(kRunUsage);
    text += "\nlimits (NAME, default, what it bounds); byte values take K, M or G:\n";
    const extract::Limits defaults;
    for (const extract::LimitInfo& info : extract::LimitTable()) {
      char line[160];
      std::snprintf(line, sizeof line, "  %-26s %-11s %s\n", std::string(info.name).c_str(),
                    extract::LimitValue(defaults, info.name).c_str(), std::string(info.what).c_str());
      text += line;
    }
    return text;
  }();
  return usage;
}

constexpr std::string_view kExtractUsage =
    "usage: foicode extract FILE [--json] [--limit NAME=VALUE]...\n"
    "\n"
    "Prints the text foicode reads from one reply: each part (the body, each attachment) and\n"
    "each page, with markers. Evidence offsets in the dataset count code points into this text.\n"
    "\n"
    "  --json   print {source, sha256, kind, error, parts: [{name, kind, pages: [{page, text, ocr}]}]}\n"
    "  --limit NAME=VALUE  a reading limit, as for foicode run (foicode run --help lists them)\n";

constexpr std::string_view kCheckUsage =
    "usage: foicode check [--data DIR]\n"
    "\n"
    "Loads the dictionaries (DIR/dictionaries) and rules (DIR/rules), reports every error with\n"
    "its file and line, and runs every rule's examples. Exit status 0 when all load and pass.\n"
    "\n"
    "  --data DIR   the folder holding dictionaries/ and rules/ (default: the checkout the\n"
    "               binary was built in)\n";

int RunCommand(const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::cout << RunUsage();
    return kOk;
  }
  ParsedArgs parsed;
  if (Status s = ParseArgs(args,
                           {{"--out", true}, {"--jobs", true}, {"--cohort", true}, {"--data", true},
                            {"--limit", true, true}, {"--stats", false}},
                           &parsed);
      !s.ok())
    return UsageError("run", s.message());
  if (parsed.positionals.empty()) return UsageError("run", "no PATH given: name the replies to read");
  const auto started = std::chrono::steady_clock::now();
  if (!parsed.Has("--out")) return UsageError("run", "--out DIR is required");

  batch::BatchOptions options;
  if (const int bad = ReadJobsFlag("run", parsed, &options.jobs); bad != kOk) return bad;
  if (parsed.Has("--limit")) {
    if (Status s = extract::SetLimits(parsed.values["--limit"], &options.limits); !s.ok())
      return UsageError("run", s.message());
  }
  const std::filesystem::path out_dir = parsed.values["--out"];
  CodingData data;
  if (const int failed = LoadCodingData("run", parsed.Has("--data") ? parsed.values["--data"] : "", &data);
      failed != kOk)
    return failed;
  const normalise::Dictionary* dictionary = data.dictionary.get();

  std::optional<nlohmann::json> cohort;
  if (parsed.Has("--cohort")) {
    const std::string& file = parsed.values["--cohort"];
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return UsageError("run", "no such cohort file: " + file);
    if (std::filesystem::file_size(file, ec) > (16u << 20)) return UsageError("run", "the cohort file " + file + " is over 16 MB");
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<report::CohortMember> members;
    if (Status s = report::ReadCohort(text.str(), dictionary, &members); !s.ok())
      return UsageError("run", file + ": " + s.message());
    int unknown = 0;
    for (const report::CohortMember& m : members) unknown += m.known ? 0 : 1;
    if (unknown > 0) {
      std::cerr << "foicode run: note: " << unknown << " of " << members.size() << " cohort names are not in "
                << "dictionaries/organisations.tsv; they are matched as written\n";
    }
    cohort = report::ToJson(members);
  }

  std::vector<batch::InputFile> inputs;
  if (Status s = batch::WalkInputs(parsed.positionals, out_dir, &inputs); !s.ok())
    return UsageError("run", s.message());

  dataset::RunOptions run_options;
  run_options.out_dir = out_dir;
  run_options.jobs = options.jobs;
  run_options.limits = options.limits;
  run_options.data_fingerprint = data.fingerprint;
  run_options.worker_program = extract::CurrentProgram();
  // The limits decide what is read, so a raised one reads the inputs again.
  run_options.extractor_version =
      ProgramFingerprint() + "+" + extract::Sha256Hex(extract::LimitsToJson(options.limits).dump()).substr(0, 12);
  run_options.cohort = cohort;
  dataset::RunResult result;
  {
    batch::Progress progress(stderr, static_cast<int>(inputs.size()));
    if (Status s = dataset::CodeDataset(inputs, *dictionary, *data.rules, run_options, &progress, &result); !s.ok()) {
      std::cerr << "foicode run: " << s.message() << "\n";
      if (!result.dataset_written) {
        std::cerr << "foicode run: the last good dataset in " << out_dir.string() << " is unchanged\n";
      }
      return kRunFailed;
    }
  }
  PrintRunSummary(std::cout, std::cerr, result, out_dir);
  if (parsed.Has("--stats")) {
    PrintRunStats(std::cout, result.counters, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                  options.jobs);
  }
  return kOk;
}

int ExtractCommand(const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::cout << kExtractUsage;
    return kOk;
  }
  ParsedArgs parsed;
  if (Status s = ParseArgs(args, {{"--json", false}, {"--limit", true, true}}, &parsed); !s.ok())
    return UsageError("extract", s.message());
  extract::Limits limits;
  if (parsed.Has("--limit")) {
    if (Status s = extract::SetLimits(parsed.values["--limit"], &limits); !s.ok())
      return UsageError("extract", s.message());
  }
  if (parsed.positionals.size() != 1) return UsageError("extract", "name exactly one FILE");
  const std::string& path = parsed.positionals[0];
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return UsageError("extract", "no such file: " + path);

  extract::IsolatedExtractor extractor(extract::CurrentProgram());
  const ExtractedSource source = batch::ExtractInputFile(batch::InputFile{path, path}, limits, extractor);
  if (parsed.Has("--json")) {
    std::cout << ExtractJsonText(source);
  } else {
    std::cout << ExtractDump(source);
  }
  return kOk;
}

int CheckCommand(const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::cout << kCheckUsage;
    return kOk;
  }
  ParsedArgs parsed;
  if (Status s = ParseArgs(args, {{"--data", true}}, &parsed); !s.ok())
    return UsageError("check", s.message());
  if (!parsed.positionals.empty()) return UsageError("check", "takes no arguments");
  const std::string flag = parsed.Has("--data") ? parsed.values["--data"] : "";
  const std::filesystem::path data = FindDataDir(flag, nullptr);
  if (data.empty()) {
    return UsageError("check", flag.empty() ? "cannot find dictionaries/ and rules/: name their folder with --data"
                                            : "no dictionaries/ and rules/ in " + flag);
  }
  int problems = 0;
  std::unique_ptr<const normalise::Dictionary> dictionary;
  if (Status s = normalise::LoadDictionary(data / "dictionaries", &dictionary); !s.ok()) {
    std::cout << s.message() << "\n";
    ++problems;
  } else {
    std::cout << "dictionaries: " << dictionary->vendors().size() << " vendors, "
              << dictionary->products().size() << " products, "
              << dictionary->organisations().size() << " organisations, "
              << dictionary->other_tools().size() << " other tools\n";
  }
  std::unique_ptr<const facts::RuleSet> rules;
  if (Status s = facts::LoadRuleSet(data / "rules", &rules); !s.ok()) {
    std::cout << s.message() << "\n";
    ++problems;
  } else {
    int passed = 0;
    int failed = 0;
    for (const facts::ExampleResult& r : facts::RunRuleExamples(*rules)) {
      if (r.passed) {
        ++passed;
        continue;
      }
      ++failed;
      std::cout << r.file << ":" << r.line << ": " << r.rule << ": "
                << (r.counter ? "counter-example matched" : "example failed") << ": " << r.message
                << "\n";
    }
    std::cout << "rules: " << passed << " examples passed, " << failed << " failed\n";
    problems += failed;
  }
  return problems == 0 ? kOk : kRunFailed;
}

int HelpCommand(const std::vector<std::string>& args);

constexpr std::string_view kHelpUsage =
    "usage: foicode help [COMMAND]\n\nLists the commands, or prints one command's help.\n";

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"run", "code a folder of replies into a dataset", RunUsage(), &RunCommand},
      {"merge", "make one dataset from datasets coded apart (shards of one corpus)", kMergeUsage,
       &MergeCommand},
      {"extract", "print the text read from one reply, with parts and pages", kExtractUsage,
       &ExtractCommand},
      {"report", "write the report (tables, charts, per-respondent list) of a dataset", kReportUsage,
       &ReportCommand},
      {"review", "review flagged items in a browser, or as CSV out and back in", kReviewUsage,
       &ReviewCommand},
      {"check", "load dictionaries/ and rules/ and run every rule's examples", kCheckUsage,
       &CheckCommand},
      {"help", "list the commands, or show one command's help", kHelpUsage, &HelpCommand},
  };
  return commands;
}

bool WantsHelp(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(),
                     [](const std::string& a) { return a == "--help" || a == "-h"; });
}

int ReadJobsFlag(std::string_view command, const ParsedArgs& parsed, int* jobs) {
  *jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (!parsed.Has("--jobs")) return kOk;
  const std::string& value = parsed.values.at("--jobs");
  char* end = nullptr;
  const long n = std::strtol(value.c_str(), &end, 10);
  if (*end != '\0' || n < 1 || n > 256)
    return UsageError(command, "--jobs needs a whole number from 1 to 256, not '" + value + "'");
  *jobs = static_cast<int>(n);
  return kOk;
}

int UsageError(std::string_view command, std::string_view message) {
  std::cerr << "foicode " << command << ": " << message << " (see foicode " << command
            << " --help)\n";
  return kUsage;
}

namespace {

int HelpCommand(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] != "--help" && args[0] != "-h") {
    for (const Command& c : Commands()) {
      if (c.name == args[0]) {
        std::cout << c.usage;
        return kOk;
      }
    }
    return UsageError("help", "no command named '" + args[0] + "'");
  }
  std::cout << "usage: foicode COMMAND [ARGS]\n\n"
               "foicode turns Freedom of Information replies into a coded, reviewable dataset.\n\n"
               "commands:\n";
  for (const Command& c : Commands()) {
    std::printf("  %-9s %s\n", std::string(c.name).c_str(), std::string(c.summary).c_str());
  }
  std::cout << "\nRun 'foicode COMMAND --help' for a command's flags; 'foicode --version' for the "
               "version.\n";
  return kOk;
}

}  // namespace

}  // namespace foicode::cli
