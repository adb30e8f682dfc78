// Micro-benchmarks (Google Benchmark) of the coding stages on extracted text, one thread:
// - Normalise: normalise::FindNames with dictionaries/ (vendors, products, organisations);
// - Facts: facts::FindFacts with rules/ (figures, periods, dates, money, exemptions, cues);
// - NormaliseAndFacts: both on each page, as assemble's page analysis calls them;
// - AnalyseSource: assemble's whole per-input analysis (both stages, sentences, quoted and
//   echoed text, the second facts pass for relative periods);
// each on two texts: "samples", every page of samples/replies (extracted in this process at
// start-up), and "policy", one long page of policy text with few names in it (the largest
// attachment of the samples, repeated to at least 64 KB), as a policy attached to a reply is.
// bytes_per_second is UTF-8 bytes of page text per second of CPU time: throughput per core
// (printed in binary units: 1M/s is 1,048,576 bytes a second).
// - NormaliseDictSize/N and LoadDictionary/N: synthetic dictionaries of N names (canonical
//   names and aliases of made-up vendors and products, written as dictionaries/*.tsv to a
//   temporary folder and read by the real loader), to show how cost grows with the dictionary.
//
//   cmake --build build --target foicode_stage_bench
//   build/tools/bench/foicode_stage_bench [--benchmark_min_time=0.5] [--benchmark_filter=Facts]
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assemble/page_analysis.h"
#include "batch/input_walk.h"
#include "batch/run_batch.h"
#include "facts/find_facts.h"
#include "facts/rule_set.h"
#include "normalise/dictionary.h"
#include "normalise/name_matcher.h"

namespace {

using namespace foicode;
namespace fs = std::filesystem;

constexpr std::size_t kPolicyBytes = 64 * 1024;
constexpr int kDictSizes[] = {100, 1000, 10000};

// A text to measure on: its pages, and the same as inputs for AnalyseSource.
struct Text {
  std::vector<std::string_view> pages;
  const std::vector<ExtractedSource>* sources = nullptr;
  std::size_t bytes = 0;
};

// Loaded once in main, before any benchmark runs; read-only afterwards.
struct Data {
  std::unique_ptr<const normalise::Dictionary> dictionary;
  std::unique_ptr<const facts::RuleSet> rules;
  std::vector<ExtractedSource> samples;
  std::vector<ExtractedSource> policy_source;  // one input of one page: the policy text
  Text samples_text, policy_text;
  fs::path synthetic_root;  // <tmp>/foicode-stage-bench-XXXXXX/<N>/ hold the synthetic files
  std::map<int, std::unique_ptr<const normalise::Dictionary>> synthetic;
};
Data* bench_data = nullptr;

enum class Corpus { kSamples, kPolicy };

const Text& TextOf(Corpus corpus) {
  return corpus == Corpus::kSamples ? bench_data->samples_text : bench_data->policy_text;
}

Text MakeText(const std::vector<ExtractedSource>& sources) {
  Text text;
  text.sources = &sources;
  for (const ExtractedSource& s : sources) {
    for (const Part& part : s.parts) {
      for (const Page& page : part.pages) {
        text.pages.push_back(page.text);
        text.bytes += page.text.size();
      }
    }
  }
  return text;
}

std::size_t FactCount(const PageFacts& f) {
  return f.usage.size() + f.periods.size() + f.dates.size() + f.money.size() +
         f.exemptions.size() + f.cues.size() + f.other_numbers.size();
}

// Throughput in bytes per second, and what one pass over the text found, so that a change in
// speed can be told from a change in what is found.
void Report(benchmark::State& state, const Text& text, std::size_t names, std::size_t facts) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.bytes));
  state.counters["KB"] = static_cast<double>(text.bytes) / 1000.0;
  if (names > 0) state.counters["names"] = static_cast<double>(names);
  if (facts > 0) state.counters["facts"] = static_cast<double>(facts);
}

void BM_Normalise(benchmark::State& state, Corpus corpus) {
  const Text& text = TextOf(corpus);
  std::size_t names = 0;
  for (auto _ : state) {
    names = 0;
    for (std::string_view page : text.pages) {
      const auto found = normalise::FindNames(page, *bench_data->dictionary);
      names += found.size();
      benchmark::DoNotOptimize(found.data());
    }
  }
  Report(state, text, names, 0);
  state.counters["dict_names"] = static_cast<double>(bench_data->dictionary->names().size());
}

void BM_Facts(benchmark::State& state, Corpus corpus) {
  const Text& text = TextOf(corpus);
  std::size_t facts = 0;
  for (auto _ : state) {
    facts = 0;
    for (std::string_view page : text.pages) {
      const PageFacts found = facts::FindFacts(page, *bench_data->rules, FactContext{});
      facts += FactCount(found);
      benchmark::DoNotOptimize(&found);
    }
  }
  Report(state, text, 0, facts);
}

// As assemble/page_analysis.cc runs the two stages on each page.
void BM_NormaliseAndFacts(benchmark::State& state, Corpus corpus) {
  const Text& text = TextOf(corpus);
  std::size_t names = 0, facts = 0;
  for (auto _ : state) {
    names = facts = 0;
    for (std::string_view page : text.pages) {
      const auto found_names = normalise::FindNames(page, *bench_data->dictionary);
      const PageFacts found_facts = facts::FindFacts(page, *bench_data->rules, FactContext{});
      names += found_names.size();
      facts += FactCount(found_facts);
      benchmark::DoNotOptimize(found_names.data());
      benchmark::DoNotOptimize(&found_facts);
    }
  }
  Report(state, text, names, facts);
}

void BM_AnalyseSource(benchmark::State& state, Corpus corpus) {
  const Text& text = TextOf(corpus);
  std::size_t names = 0, facts = 0;
  for (auto _ : state) {
    names = facts = 0;
    for (std::size_t i = 0; i < text.sources->size(); ++i) {
      const assemble::AnalysedSource analysed = assemble::AnalyseSource(
          (*text.sources)[i], static_cast<int>(i), *bench_data->dictionary, *bench_data->rules);
      for (const assemble::AnalysedPage& page : analysed.pages) {
        names += page.names.size();
        facts += FactCount(page.facts);
      }
      benchmark::DoNotOptimize(&analysed);
    }
  }
  Report(state, text, names, facts);
}

// The normalise stage with a synthetic dictionary of state.range(0) names.
void BM_NormaliseDictSize(benchmark::State& state, Corpus corpus) {
  const Text& text = TextOf(corpus);
  const normalise::Dictionary& dictionary = *bench_data->synthetic.at(static_cast<int>(state.range(0)));
  std::size_t names = 0;
  for (auto _ : state) {
    names = 0;
    for (std::string_view page : text.pages) {
      const auto found = normalise::FindNames(page, dictionary);
      names += found.size();
      benchmark::DoNotOptimize(found.data());
    }
  }
  Report(state, text, names, 0);
  state.counters["dict_names"] = static_cast<double>(dictionary.names().size());
}

void LoadDictionaryFrom(benchmark::State& state, const fs::path& dir) {
  std::size_t names = 0;
  for (auto _ : state) {
    std::unique_ptr<const normalise::Dictionary> dictionary;
    if (Status s = normalise::LoadDictionary(dir, &dictionary); !s.ok()) {
      state.SkipWithError(s.message().c_str());
      return;
    }
    names = dictionary->names().size();
    benchmark::DoNotOptimize(dictionary.get());
  }
  state.counters["dict_names"] = static_cast<double>(names);
}

void BM_LoadDictionary(benchmark::State& state) {
  LoadDictionaryFrom(state, bench_data->synthetic_root / std::to_string(state.range(0)));
}

// The real dictionaries/ and rules/, for scale.
void BM_LoadRealDictionary(benchmark::State& state) {
  LoadDictionaryFrom(state, fs::path(FOICODE_SOURCE_DIR) / "dictionaries");
}

void BM_LoadRules(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<const facts::RuleSet> rules;
    (void)facts::LoadRuleSet(fs::path(FOICODE_SOURCE_DIR) / "rules", &rules);
    benchmark::DoNotOptimize(rules.get());
  }
}

BENCHMARK_CAPTURE(BM_Normalise, samples, Corpus::kSamples)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Normalise, policy, Corpus::kPolicy)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Facts, samples, Corpus::kSamples)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Facts, policy, Corpus::kPolicy)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NormaliseAndFacts, samples, Corpus::kSamples)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NormaliseAndFacts, policy, Corpus::kPolicy)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AnalyseSource, samples, Corpus::kSamples)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AnalyseSource, policy, Corpus::kPolicy)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NormaliseDictSize, samples, Corpus::kSamples)
    ->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NormaliseDictSize, policy, Corpus::kPolicy)
    ->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadDictionary)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadRealDictionary)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadRules)->Unit(benchmark::kMillisecond);

// A made-up product-like word ("Korvani"): a few consonant-vowel syllables from a fixed
// sequence, so every run measures the same dictionary.
std::string MadeUpWord(unsigned& seed) {
  static constexpr std::string_view kConsonants = "bdfgklmnprstvz";
  static constexpr std::string_view kVowels = "aeiou";
  std::string word;
  const int syllables = 3 + static_cast<int>(seed % 2);
  for (int i = 0; i < syllables; ++i) {
    seed = seed * 1103515245u + 12345u;
    word += kConsonants[(seed >> 16) % kConsonants.size()];
    seed = seed * 1103515245u + 12345u;
    word += kVowels[(seed >> 16) % kVowels.size()];
  }
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : " ; ") + v;
  return out;
}

// Writes dictionaries/*.tsv of `names` names to `dir`: pairs of a vendor and its product, each
// with its canonical name and four aliases, so that ten names make one pair. The
// organisation and not-clinical-AI files hold no entries, so every name is a vendor or product
// name, which is what the exact and the near-miss matching of vendors and products work on.
void WriteSyntheticDictionary(const fs::path& dir, int names) {
  fs::create_directories(dir);
  std::ofstream vendors(dir / "vendors.tsv"), products(dir / "products.tsv");
  std::ofstream(dir / "organisations.tsv") << "# synthetic: no organisations\n";
  std::ofstream(dir / "not_clinical_ai.tsv") << "# synthetic: no tools\n";
  vendors << "# synthetic vendors\n";
  products << "# synthetic products\n";
  std::set<std::string> used;  // names differ in their letters, as the loader requires
  unsigned seed = static_cast<unsigned>(names);
  auto fresh = [&] {
    std::string word = MadeUpWord(seed);
    while (!used.insert(word).second) word = MadeUpWord(seed);
    return word;
  };
  for (int pair = 0; pair < names / 10; ++pair) {
    const std::string v = fresh(), p = fresh();
    vendors << v << "\tRadiology\t"
            << Join({v + " Medical", v + " Ltd", v + " Health", v + " Imaging"})
            << "\tsynthetic\n";
    products << p << '\t' << v << "\tRadiology\tCT\t"
             << Join({v + " " + p, p + " AI", p + " Lite", p + " Pro"}) << "\tsynthetic\n";
  }
}

// The policy text: the largest attachment of the samples (a policy PDF), its pages joined and
// repeated to kPolicyBytes, as one page.
std::string PolicyText(const std::vector<ExtractedSource>& sources) {
  const Part* largest = nullptr;
  std::size_t largest_bytes = 0;
  for (const ExtractedSource& s : sources) {
    for (const Part& part : s.parts) {
      if (!part.name) continue;
      std::size_t bytes = 0;
      for (const Page& page : part.pages) bytes += page.text.size();
      if (bytes > largest_bytes) {
        largest = &part;
        largest_bytes = bytes;
      }
    }
  }
  std::string one;
  if (largest != nullptr) {
    for (const Page& page : largest->pages) one += page.text + "\n\n";
  }
  if (one.empty()) return one;
  std::string text;
  while (text.size() < kPolicyBytes) text += one;
  return text;
}

ExtractedSource PolicySource(std::string text) {
  Page page;
  page.text = std::move(text);
  Part letter;  // an e-mail body that only points at the attachment
  letter.kind = Kind::kEml;
  letter.pages.emplace_back();
  letter.pages.back().text = "Please find our policy attached.\n";
  Part attachment;
  attachment.name = "policy.docx";
  attachment.kind = Kind::kDocx;
  attachment.pages.push_back(std::move(page));
  ExtractedSource source;
  source.path = "policy.eml";
  source.kind = Kind::kEml;
  source.parts.push_back(std::move(letter));
  source.parts.push_back(std::move(attachment));
  return source;
}

bool Fail(const Status& s) {
  std::fprintf(stderr, "foicode_stage_bench: %s\n", s.message().c_str());
  return false;
}

bool Load(Data& d) {
  const fs::path source_dir = FOICODE_SOURCE_DIR;
  if (Status s = normalise::LoadDictionary(source_dir / "dictionaries", &d.dictionary); !s.ok()) {
    return Fail(s);
  }
  if (Status s = facts::LoadRuleSet(source_dir / "rules", &d.rules); !s.ok()) return Fail(s);

  std::vector<batch::InputFile> inputs;
  if (Status s = batch::WalkInputs({(source_dir / "samples/replies").string()},
                                   "/nonexistent-out", &inputs);
      !s.ok()) {
    return Fail(s);
  }
  d.samples = batch::ExtractInputs(inputs, batch::BatchOptions{1, {}, ""}, nullptr);
  d.samples_text = MakeText(d.samples);
  d.policy_source.push_back(PolicySource(PolicyText(d.samples)));
  d.policy_text = MakeText(d.policy_source);
  if (d.samples_text.bytes == 0 || d.policy_text.bytes == 0) {
    std::fprintf(stderr, "foicode_stage_bench: no text extracted from samples/replies\n");
    return false;
  }

  std::string root = (fs::temp_directory_path() / "foicode-stage-bench-XXXXXX").string();
  if (mkdtemp(root.data()) == nullptr) {
    std::perror("foicode_stage_bench: mkdtemp");
    return false;
  }
  d.synthetic_root = root;
  for (int names : kDictSizes) {
    const fs::path dir = d.synthetic_root / std::to_string(names);
    WriteSyntheticDictionary(dir, names);
    if (Status s = normalise::LoadDictionary(dir, &d.synthetic[names]); !s.ok()) return Fail(s);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  Data loaded;
  bench_data = &loaded;
  const bool ok = Load(loaded);
  if (ok) {
    std::fprintf(stderr, "samples: %zu pages, %zu bytes; policy: %zu bytes\n",
                 loaded.samples_text.pages.size(), loaded.samples_text.bytes,
                 loaded.policy_text.bytes);
    benchmark::RunSpecifiedBenchmarks();
  }
  benchmark::Shutdown();
  if (!loaded.synthetic_root.empty()) {
    std::error_code ignored;
    fs::remove_all(loaded.synthetic_root, ignored);
  }
  return ok ? 0 : 1;
}
