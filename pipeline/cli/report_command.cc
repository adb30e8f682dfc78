#include "cli/report_command.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "batch/atomic_file.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "dataset/publish.h"
#include "report/cohort.h"
#include "report/report_data.h"
#include "report/report_html.h"
#include "report/report_text.h"
#include "store/dataset_store.h"

namespace foicode::cli {

const std::string_view kReportUsage =
    "usage: foicode report DIR [--format html|md|csv] [--out PATH]\n"
    "\n"
    "Writes the report of the dataset in DIR from its records with every review decision\n"
    "applied: response and adoption figures, non-responders (when a run named a --cohort),\n"
    "vendor and product presence by deployment state, subspecialty and deployment charts, usage\n"
    "figures with annualised values, one line per respondent, and the review state of each.\n"
    "'foicode run' and each review decision rewrite DIR/report.html on their own.\n"
    "\n"
    "  --format html   one self-contained page (default): DIR/report.html\n"
    "  --format md     Markdown tables for a paper: DIR/report.md\n"
    "  --format csv    each table as a CSV file in the folder DIR/report/\n"
    "  --out PATH      write there instead (a folder for csv)\n";

int ReportCommand(const std::vector<std::string>& args) {
  ParsedArgs parsed;
  if (Status s = ParseArgs(args, {{"--format", true}, {"--out", true}, {"--help", false}, {"-h", false}}, &parsed);
      !s.ok())
    return UsageError("report", s.message());
  if (parsed.Has("--help") || parsed.Has("-h")) {
    std::cout << kReportUsage;
    return kOk;
  }
  if (parsed.positionals.size() != 1) return UsageError("report", "name exactly one dataset folder DIR");
  const std::string format = parsed.Has("--format") ? parsed.values["--format"] : "html";
  if (format != "html" && format != "md" && format != "csv")
    return UsageError("report", "--format is html, md or csv, not '" + format + "'");
  const std::filesystem::path dir = parsed.positionals[0];
  std::unique_ptr<store::DatasetStore> store;
  if (Status s = store::DatasetStore::OpenExisting(dir, &store); !s.ok()) {
    std::cerr << "foicode report: " << s.message() << "\n";
    return kRunFailed;
  }
  // The records as last written: decisions applied, as responses.jsonl has them.
  dataset::Published published;
  if (Status s = dataset::LoadApplied(store.get(), nullptr, &published); !s.ok()) {
    std::cerr << "foicode report: " << s.message() << "\n";
    return kRunFailed;
  }
  std::vector<report::CohortMember> cohort;
  if (Status s = dataset::StoredCohort(store.get(), &cohort); !s.ok()) {
    std::cerr << "foicode report: " << s.message() << "\n";
    return kRunFailed;
  }
  const report::ReportData data = report::ComputeReport(published.applied.records, cohort);
  const std::string name = dataset::DatasetName(dir);

  std::filesystem::path out = parsed.Has("--out") ? std::filesystem::path(parsed.values["--out"])
                              : format == "csv"   ? dir / "report"
                                                  : dir / (format == "md" ? "report.md" : "report.html");
  if (format == "csv") {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) {
      std::cerr << "foicode report: cannot create " << out.string() << ": " << ec.message() << "\n";
      return kRunFailed;
    }
    for (const auto& [file, text] : report::ReportCsvTables(data)) {
      if (Status s = batch::WriteFileAtomically(out / file, text); !s.ok()) {
        std::cerr << "foicode report: " << s.message() << "\n";
        return kRunFailed;
      }
    }
  } else {
    const std::string text =
        format == "md" ? report::ReportMarkdown(data, name) : report::ReportHtml(data, name, dataset::UtcNow());
    if (Status s = batch::WriteFileAtomically(out, text); !s.ok()) {
      std::cerr << "foicode report: " << s.message() << "\n";
      return kRunFailed;
    }
  }
  std::cout << "report (" << format << ") in " << out.string() << "\n";
  return kOk;
}

}  // namespace foicode::cli
