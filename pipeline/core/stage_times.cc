#include "core/stage_times.h"

#include <atomic>

namespace foicode {
namespace {

constexpr std::size_t kStages = static_cast<std::size_t>(Stage::kCount);
std::array<std::atomic<std::int64_t>, kStages> g_nanoseconds{};
thread_local StageTimer* t_current = nullptr;

}  // namespace

std::string_view StageName(Stage stage) {
  switch (stage) {
    case Stage::kExtract: return "extract";
    case Stage::kOcr: return "ocr";
    case Stage::kNormalise: return "normalise";
    case Stage::kRules: return "rules";
    case Stage::kAssemble: return "assemble";
    case Stage::kWrite: return "write";
    case Stage::kCount: break;
  }
  return "?";
}

void AddStageTime(Stage stage, std::chrono::nanoseconds time) {
  g_nanoseconds[static_cast<std::size_t>(stage)].fetch_add(time.count(), std::memory_order_relaxed);
}

std::array<double, kStages> StageSeconds() {
  std::array<double, kStages> seconds{};
  for (std::size_t i = 0; i < kStages; ++i) seconds[i] = static_cast<double>(g_nanoseconds[i].load()) / 1e9;
  return seconds;
}

StageTimer::StageTimer(Stage stage) : stage_(stage), started_(std::chrono::steady_clock::now()), outer_(t_current) {
  if (outer_ != nullptr) AddStageTime(outer_->stage_, started_ - outer_->started_);
  t_current = this;
}

StageTimer::~StageTimer() {
  const auto now = std::chrono::steady_clock::now();
  AddStageTime(stage_, now - started_);
  t_current = outer_;
  if (outer_ != nullptr) outer_->started_ = now;
}

void ResetStageTimes() {
  for (auto& n : g_nanoseconds) n.store(0);
}

}  // namespace foicode
