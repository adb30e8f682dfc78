#include "cli/review_command.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "batch/atomic_file.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/data_dirs.h"
#include "cli/exit_code.h"
#include "dataset/dataset_review.h"
#include "extract/isolated_extractor.h"
#include "normalise/dictionary.h"
#include "review/review_csv.h"
#include "server/review_server.h"

namespace foicode::cli {

const std::string_view kReviewUsage =
    "usage: foicode review DIR [--port N] [--reviewer NAME]\n"
    "       foicode review DIR --export FILE.csv\n"
    "       foicode review DIR --import FILE.csv [--partial] [--reviewer NAME]\n"
    "\n"
    "Serves the review page for the dataset in DIR on 127.0.0.1 and prints its URL (with a\n"
    "token: only that URL opens it). The queue holds every flagged item, and decisions that went\n"
    "stale or lost their fact after a refresh. Each decision is saved at once and the dataset\n"
    "files are rewritten with it. Ctrl-C stops serving.\n"
    "\n"
    "  --port N          the port to listen on (default: a free one)\n"
    "  --reviewer NAME   stored with each decision (default: $USER)\n"
    "  --export FILE     write the queue as CSV, one row per item, with a blank 'verdict' column\n"
    "  --import FILE     apply the verdicts of such a CSV (accept, correct with new_ columns,\n"
    "                    reject); a file with any bad row applies nothing and lists each error\n"
    "  --partial         with --import: apply the good rows even when others are bad\n"
    "  --data DIR        the folder holding dictionaries/ (names offered for corrections)\n";

namespace {

// Review files are spreadsheets a person saved: far below this.
constexpr std::uintmax_t kMaxImportBytes = 64u << 20;

std::string Reviewer(const ParsedArgs& parsed) {
  if (parsed.Has("--reviewer") && !parsed.values.at("--reviewer").empty()) return parsed.values.at("--reviewer");
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "reviewer";
}

int Export(dataset::DatasetReview& review, const std::string& file) {
  const nlohmann::json queue = review.Queue();
  if (queue.contains("error")) {
    std::cerr << "foicode review: " << queue["error"].get<std::string>() << "\n";
    return kRunFailed;
  }
  if (Status s = batch::WriteFileAtomically(file, review::ExportReviewCsv(queue)); !s.ok()) {
    std::cerr << "foicode review: " << s.message() << "\n";
    return kRunFailed;
  }
  std::cout << "wrote " << queue["items"].size() << " review items to " << file
            << ": fill in 'verdict' (accept, correct, reject) and import with --import\n";
  return kOk;
}

int Import(dataset::DatasetReview& review, const std::string& file, bool partial) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return UsageError("review", "cannot read " + file + ": " + ec.message());
  if (size > kMaxImportBytes) return UsageError("review", file + " is over 64 MB: not a review file");
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<review::ImportRow> rows;
  if (Status s = review::ParseReviewCsv(text.str(), &rows); !s.ok()) {
    std::cerr << file << ": " << s.message() << "\nfoicode review: nothing was applied\n";
    return kRunFailed;
  }
  std::vector<nlohmann::json> requests;
  std::vector<int> lines;
  int bad = 0;
  for (const review::ImportRow& row : rows) {
    if (!row.error.empty()) {
      std::cerr << file << ":" << row.line << ": " << row.error << "\n";
      ++bad;
      continue;
    }
    requests.push_back(row.request);
    lines.push_back(row.line);
  }
  std::vector<std::string> errors;
  int stored = 0;
  // Rows are checked against the queue even when a parse error already stops the import, so
  // that one pass lists every bad row.
  using Apply = dataset::DatasetReview::Apply;
  const Apply apply = partial ? Apply::kGoodOnes : bad > 0 ? Apply::kCheckOnly : Apply::kAllOrNothing;
  if (Status s = review.DecideAll(requests, apply, &errors, &stored); !s.ok()) {
    std::cerr << "foicode review: " << s.message() << "\n";
    return kRunFailed;
  }
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (errors[i].empty()) continue;
    std::cerr << file << ":" << lines[i] << ": " << errors[i] << "\n";
    ++bad;
  }
  if (bad > 0 && !partial) {
    std::cerr << "foicode review: " << bad << (bad == 1 ? " row has" : " rows have")
              << " errors: nothing was applied (fix them, or use --partial to apply the good rows)\n";
    return kRunFailed;
  }
  std::cout << "applied " << stored << (stored == 1 ? " decision" : " decisions") << " from " << file;
  if (bad > 0) std::cout << "; " << bad << " bad rows skipped (--partial)";
  std::cout << "\n";
  return bad > 0 ? kRunFailed : kOk;
}

}  // namespace

int ReviewCommand(const std::vector<std::string>& args) {
  ParsedArgs parsed;
  if (Status s = ParseArgs(args, {{"--port", true}, {"--reviewer", true}, {"--export", true}, {"--import", true},
                                  {"--partial", false}, {"--data", true}, {"--help", false}, {"-h", false}},
                           &parsed);
      !s.ok())
    return UsageError("review", s.message());
  if (parsed.Has("--help") || parsed.Has("-h")) {
    std::cout << kReviewUsage;
    return kOk;
  }
  if (parsed.positionals.size() != 1) return UsageError("review", "name exactly one dataset folder DIR");
  if (parsed.Has("--export") && parsed.Has("--import")) return UsageError("review", "--export and --import are separate runs");
  if (parsed.Has("--partial") && !parsed.Has("--import")) return UsageError("review", "--partial goes with --import");
  int port = 0;
  if (parsed.Has("--port")) {
    char* end = nullptr;
    const long p = std::strtol(parsed.values["--port"].c_str(), &end, 10);
    if (*end != '\0' || p < 0 || p > 65535) return UsageError("review", "--port needs a number from 0 to 65535");
    port = static_cast<int>(p);
  }

  // The dictionaries only offer names: without them, corrections are typed by hand.
  std::unique_ptr<const normalise::Dictionary> dictionary;
  const std::filesystem::path data = FindDataDir(parsed.Has("--data") ? parsed.values["--data"] : "", nullptr);
  if (data.empty() || !normalise::LoadDictionary(data / "dictionaries", &dictionary).ok()) {
    std::cerr << "foicode review: note: no usable dictionaries/: correction forms offer no names\n";
    dictionary.reset();
  }
  std::unique_ptr<dataset::DatasetReview> review;
  if (Status s = dataset::DatasetReview::Open(parsed.positionals[0], dictionary.get(), Reviewer(parsed), &review);
      !s.ok()) {
    std::cerr << "foicode review: " << s.message() << "\n";
    return kRunFailed;
  }
  if (parsed.Has("--export")) return Export(*review, parsed.values["--export"]);
  if (parsed.Has("--import")) return Import(*review, parsed.values["--import"], parsed.Has("--partial"));

  server::ServeOptions options;
  options.port = port;
  options.render_program = extract::CurrentProgram();
  options.on_ready = [](const std::string& url) {
    std::cout << url << std::endl;
    std::cerr << "foicode review: open the URL above in a browser; Ctrl-C stops\n";
  };
  if (Status s = server::ServeReview(*review, options); !s.ok()) {
    std::cerr << "foicode review: " << s.message() << "\n";
    return kRunFailed;
  }
  return kOk;
}

}  // namespace foicode::cli
