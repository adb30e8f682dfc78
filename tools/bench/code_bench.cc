// Times the coding stages (names, facts, assemble) apart from extraction, and how their cost
// grows with page size and with the number of facts on a page, which is what a hostile reply
// would push on.
//   build/tools/bench/foicode_bench [DIR]     (default samples/replies; build with
//   cmake --build build --target foicode_bench)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "assemble/assemble_records.h"
#include "batch/input_walk.h"
#include "batch/run_batch.h"
#include "facts/rule_set.h"
#include "normalise/dictionary.h"

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// An input of one text page.
foicode::ExtractedSource OnePageSource(const std::string& path, std::string text) {
  foicode::ExtractedSource source;
  source.path = path;
  source.kind = foicode::Kind::kTxt;
  foicode::Part part;
  part.kind = foicode::Kind::kTxt;
  foicode::Page page;
  page.text = std::move(text);
  part.pages.push_back(std::move(page));
  source.parts.push_back(std::move(part));
  return source;
}

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace foicode;
  const std::filesystem::path source_dir = FOICODE_SOURCE_DIR;
  const std::string dir = argc > 1 ? argv[1] : (source_dir / "samples/replies").string();
  std::unique_ptr<const normalise::Dictionary> dictionary;
  std::unique_ptr<const facts::RuleSet> rules;
  auto start = Clock::now();
  if (Status s = normalise::LoadDictionary(source_dir / "dictionaries", &dictionary); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  if (Status s = facts::LoadRuleSet(source_dir / "rules", &rules); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  std::printf("load dictionaries and rules: %8.1f ms\n", MsSince(start));

  std::vector<batch::InputFile> inputs;
  if (Status s = batch::WalkInputs({dir}, "/nonexistent-out", &inputs); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 2;
  }
  start = Clock::now();
  const std::vector<ExtractedSource> sources = batch::ExtractInputs(inputs, batch::BatchOptions{1, {}, ""}, nullptr);
  std::printf("extract %zu inputs (1 thread): %8.1f ms\n", sources.size(), MsSince(start));

  constexpr int kRepeats = 5;
  start = Clock::now();
  std::size_t records = 0;
  for (int i = 0; i < kRepeats; ++i) records = assemble::AssembleRecords(sources, *dictionary, *rules, 1).size();
  const double per_batch = MsSince(start) / kRepeats;
  std::printf("code %zu inputs into %zu records (1 thread): %8.1f ms per batch, %.1f ms per input\n",
              sources.size(), records, per_batch, per_batch / std::max<std::size_t>(1, sources.size()));

  // One page holding all the sample text K times: cost should grow about linearly in K.
  std::string all_text;
  for (const ExtractedSource& s : sources) {
    for (const Part& part : s.parts) {
      for (const Page& page : part.pages) all_text += page.text + "\n\n";
    }
  }
  std::printf("%8s %10s %10s %12s\n", "copies", "chars", "ms", "ms per 100k");
  for (int copies : {1, 2, 4, 8}) {
    std::string text;
    for (int c = 0; c < copies; ++c) text += all_text;
    const std::size_t chars = text.size();
    start = Clock::now();
    (void)assemble::AssembleRecords({OnePageSource("big.txt", std::move(text))}, *dictionary, *rules, 1);
    const double ms = MsSince(start);
    std::printf("%8d %10zu %10.1f %12.1f\n", copies, chars, ms, ms * 100000.0 / chars);
  }
  // A hostile page: one short line after another, each with a system, a cue, a figure, a
  // period, a date and money, and no blank line. Time per line should stay flat.
  std::printf("%8s %10s %10s %12s\n", "lines", "chars", "ms", "us per line");
  for (int lines : {5000, 10000, 20000}) {
    std::string text = "East Sussex Healthcare NHS Trust\n";
    for (int i = 0; i < lines; ++i) {
      text += "Aidoc is in routine use and was used for " + std::to_string(i) +
              " scans in 23/24 on 1 October 2024; costs \u00a3" + std::to_string(i) + ".\n";
    }
    const std::size_t chars = text.size();
    start = Clock::now();
    (void)assemble::AssembleRecords({OnePageSource("dense.txt", std::move(text))}, *dictionary, *rules, 1);
    const double ms = MsSince(start);
    std::printf("%8d %10zu %10.1f %12.1f\n", lines, chars, ms, ms * 1000.0 / lines);
  }
  std::printf("peak RSS: %ld MB\n", PeakRssKb() / 1024);
  return 0;
}
