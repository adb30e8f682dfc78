#include "cli/run_stats.h"

#include <sys/resource.h>

#include <cstdio>
#include <string>

#include "core/stage_times.h"
#include "dataset/dataset_changes.h"

namespace foicode::cli {
namespace {

std::string Format(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// Peak resident memory in MB: RUSAGE_SELF for foicode, RUSAGE_CHILDREN for the largest of
// its reader processes (they have all been waited for by the end of the run).
double PeakMegabytes(int who) {
  rusage usage{};
  if (getrusage(who, &usage) != 0) return 0;
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KB on Linux
}

}  // namespace

void PrintRunSummary(std::ostream& out, std::ostream& err, const dataset::RunResult& result,
                     const std::filesystem::path& out_dir) {
  for (const std::string& error : result.input_errors) err << error << "\n";
  const dataset::RunCounters& c = result.counters;
  out << "read " << c.inputs << (c.inputs == 1 ? " input" : " inputs") << " (" << c.extracted << " extracted, "
      << c.from_cache + c.unread << " unchanged from the last run)";
  if (c.input_errors > 0) out << ", " << c.input_errors << " with errors (recorded)";
  out << "; " << c.records << (c.records == 1 ? " record" : " records");
  if (c.decisions_applied + c.decisions_stale + c.decisions_orphaned + c.decisions_superseded > 0) {
    out << "; review decisions: " << c.decisions_applied << " applied, " << c.decisions_stale
        << " stale (back in the queue), " << c.decisions_orphaned << " orphaned (fact gone), "
        << c.decisions_superseded << " replaced by later ones";
  }
  out << "\nchanges: " << dataset::ChangesSummary(result.changes) << " (" << (out_dir / "changes.jsonl").string()
      << ")\ndataset in " << (out_dir / "responses.jsonl").string() << "; report in "
      << (out_dir / "report.html").string() << "\n";
}

void PrintRunStats(std::ostream& out, const dataset::RunCounters& counters, double wall_seconds, int jobs) {
  const auto seconds = StageSeconds();
  const auto stage = [&](Stage s) { return seconds[static_cast<std::size_t>(s)]; };
  const double wall = wall_seconds > 0 ? wall_seconds : 1e-9;
  out << "stats: " << Format("%.2f", wall_seconds) << " s wall, --jobs " << jobs << "\n"
      << "  stage       thread-seconds\n";
  for (Stage s : {Stage::kExtract, Stage::kOcr, Stage::kNormalise, Stage::kRules, Stage::kAssemble, Stage::kWrite}) {
    std::string name(StageName(s));
    if (s == Stage::kOcr) name = "  of it ocr";
    out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ') << Format("%10.2f", stage(s))
        << "\n";
  }
  out << "  inputs: " << counters.inputs << " (" << counters.extracted << " extracted, "
      << counters.from_cache + counters.unread << " cache hits: " << counters.unread << " not even read, "
      << counters.from_cache << " same content)\n"
      << "  records: " << counters.records << " ("
      << (counters.recoded ? std::to_string(counters.records_reused) + " taken unchanged from the last run)"
                           : "all taken unchanged from the last run)")
      << "\n"
      << "  rate: " << Format("%.1f", counters.inputs / wall) << " files/s, "
      << Format("%.1f", static_cast<double>(counters.extracted) / wall) << " extracted files/s, "
      << Format("%.1f", static_cast<double>(counters.pages_extracted) / wall) << " pages/s ("
      << counters.pages_extracted << " pages extracted)\n"
      << "  peak memory: foicode " << Format("%.0f", PeakMegabytes(RUSAGE_SELF)) << " MB; largest reader process "
      << Format("%.0f", PeakMegabytes(RUSAGE_CHILDREN)) << " MB (up to " << jobs << " at once)\n";
}

}  // namespace foicode::cli
