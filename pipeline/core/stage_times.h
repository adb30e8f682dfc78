// Where a run's time goes, by stage, for `foicode run --stats`: each stage adds the time its
// threads spent in it to a process-wide counter. Cheap enough to leave on (two clock reads
// and one atomic add per page and stage).
#ifndef FOICODE_PIPELINE_CORE_STAGE_TIMES_H_
#define FOICODE_PIPELINE_CORE_STAGE_TIMES_H_

#include <array>
#include <chrono>
#include <cstdint>
#include <string_view>

namespace foicode {

enum class Stage { kExtract, kOcr, kNormalise, kRules, kAssemble, kWrite, kCount };

// "extract", "ocr", ... as --stats prints them.
std::string_view StageName(Stage stage);

void AddStageTime(Stage stage, std::chrono::nanoseconds time);

// Thread-seconds spent in each stage since the process started (or the last reset).
std::array<double, static_cast<std::size_t>(Stage::kCount)> StageSeconds();
void ResetStageTimes();

// Adds the time from construction to destruction to `stage`, less the time of timers nested
// inside it on the same thread: each stage counts only its own work.
class StageTimer {
 public:
  explicit StageTimer(Stage stage);
  ~StageTimer();
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

 private:
  Stage stage_;
  std::chrono::steady_clock::time_point started_;
  StageTimer* outer_;
};

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_STAGE_TIMES_H_
