// Context words for the normalise stage (see context_words.h).
#include "normalise/context_words.h"

#include <algorithm>
#include <array>

namespace foicode::normalise {
namespace {

// Folded, sorted. Kept short: each word here makes an ambiguous name ("Mia", "Red Dot") count
// on the whole line and twelve words either side.
constexpr std::array<std::string_view, 41> kContextWords = {
    "ai", "algorithm", "algorithms", "analytics", "app", "application", "applications", "ct",
    "dictation", "imaging", "licence", "license", "mammograms", "mammography", "module",
    "modules", "mri", "platform", "platforms", "product", "products", "radiology",
    "recognition", "scanning", "scribe", "software", "solution", "solutions", "speech",
    "supplier", "suppliers", "system", "systems", "tool", "tools", "transcription", "triage",
    "vendor", "vendors", "voice", "xray"};

bool WordIs(const PageView& page, std::size_t index, std::string_view word) {
  return index < page.words().size() && WordText(page, index) == word;
}

}  // namespace

std::string_view WordText(const PageView& page, std::size_t index) {
  const Word& w = page.words()[index];
  return std::string_view(page.folded()).substr(w.begin, w.end - w.begin);
}

bool IsAiWordAt(const PageView& page, std::size_t index) {
  if (index >= page.words().size()) return false;
  const std::string_view word = WordText(page, index);
  if (word == "ai" || word == "algorithm" || word == "algorithms") return true;
  if (word == "artificial") return WordIs(page, index + 1, "intelligence");
  if (word == "machine" || word == "deep") return WordIs(page, index + 1, "learning");
  return false;
}

bool IsContextWordAt(const PageView& page, std::size_t index) {
  if (index >= page.words().size()) return false;
  if (IsAiWordAt(page, index)) return true;
  return std::binary_search(kContextWords.begin(), kContextWords.end(), WordText(page, index));
}

}  // namespace foicode::normalise
