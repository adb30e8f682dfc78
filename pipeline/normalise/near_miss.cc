// Near-miss vendor and product names, and unknown product-like names (see near_miss.h).
#include "normalise/near_miss.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "normalise/context_words.h"

namespace foicode::normalise {
namespace {

// Folded, sorted. Words of FOI letters and clinical text that sit within an edit or two of a
// product name ("Contour" for Contour+, "Lucid" for Lucida, "Limits" for Lunit), or that start
// sentences and headings before "AI" ("Clinical AI", "The AI tool").
constexpr std::array<std::string_view, 183> kCommonWords = {
    "about", "access", "accuracy", "act", "additional", "ai", "aiamd", "all", "also", "an",
    "analysis", "and", "annual", "any", "april", "are", "artificial", "as", "assessment", "at",
    "august", "based", "be", "below", "board", "bone", "both", "but", "by", "can", "care",
    "chest", "clear", "clinical", "committee", "contour", "could", "current", "currently",
    "data", "dear", "december", "deep", "department", "detection", "diagnostic", "digital",
    "do", "does", "each", "echo", "ehr", "ehrs", "england", "february", "flow", "foi", "for",
    "foundation", "freedom", "friday", "from", "further", "general", "generative", "genius",
    "governance", "has", "have", "health", "heart", "hospital", "however", "ico", "if",
    "imaging", "in", "information", "insight", "integrated", "intelligence", "ipad", "iphone",
    "is", "it", "its", "january", "july", "june", "learning", "limited", "linkedin", "london",
    "lung", "machine", "march", "may", "medical", "monday", "national", "network", "nhs",
    "nhsmail", "no", "not", "november", "october", "of", "on", "onedrive", "or", "other", "our",
    "patient", "patients", "phd", "please", "policy", "powerpoint", "practice", "question",
    "radiology", "rapid", "ray", "regards", "report", "reporting", "reports", "request",
    "research", "resolve", "response", "responsible", "review", "reviews", "royal", "samd",
    "saturday", "section", "september", "service", "services", "sharepoint", "smart",
    "software", "some", "speed", "station", "stroke", "such", "sunday", "support", "system",
    "systems", "teaching", "team", "that", "the", "their", "there", "these", "this", "thursday",
    "to", "tool", "tools", "trust", "tuesday", "university", "use", "used", "using", "view",
    "vision", "was", "we", "wednesday", "which", "with", "yes", "you", "your", "youtube"};

// Up to this many words make one candidate span ("Brain omix", "Heart - Flow").
constexpr std::size_t kMaxSpanWords = 3;

// Unknown names count within this many words of "AI", "algorithm", "machine learning" ...
constexpr std::size_t kUnknownWindow = 12;

bool IsUpper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }

// Allowed between the words of one name: spaces, dashes, dots, underscores, up to 2 bytes.
bool JoinsName(std::string_view gap) {
  if (gap.empty() || gap.size() > 2) return false;
  return gap.find_first_not_of(" -._") == std::string_view::npos;
}

// Edit-distance budget for a name of `length` letters: none up to 4, 1 up to 8, else 2.
int Budget(std::size_t length) { return length <= 4 ? 0 : length <= 8 ? 1 : 2; }

// A candidate span: words [first, last], whose fingerprint is the first `fingerprint_size` bytes
// of the fingerprint of the longest span at the same word.
struct Span {
  std::size_t first = 0;
  std::size_t last = 0;
  std::size_t fingerprint_size = 0;
};
using Spans = std::array<Span, kMaxSpanWords>;

// Nearest-name answers by span fingerprint, for one page: running headers and repeated names
// ask again for the same words.
using NearestNameMemo = std::unordered_map<std::string, int, StringHash, std::equal_to<>>;

bool HasCapital(const PageView& page, int start, int end) {
  for (int c = start; c < end; ++c) {
    if (IsUpper(page.At(c))) return true;
  }
  return false;
}

// The spans starting at word `w` (not taken), shortest first: up to kMaxSpanWords untaken
// words joined by JoinsName gaps. Leaves the longest span's fingerprint in `fingerprint`, so
// that buffer and `spans` are reused from word to word. Returns how many spans there are.
std::size_t SpansAt(const PageView& page, const std::vector<bool>& taken, std::size_t w,
                    std::string& fingerprint, Spans& spans) {
  const auto& words = page.words();
  const std::string_view text = page.folded();
  fingerprint.clear();
  std::size_t count = 0;
  for (std::size_t i = w; count < kMaxSpanWords && i < words.size() && !taken[i]; ++i) {
    if (i > w && !JoinsName(text.substr(words[i - 1].end, words[i].begin - words[i - 1].end))) {
      break;
    }
    fingerprint += WordText(page, i);
    spans[count++] = Span{w, i, fingerprint.size()};
  }
  return count;
}

// True when the span may be a misspelt name: a capitalised word or pair of words, none of
// them a common word, a word the page also writes in lower case, or a single character.
bool MayBeMisspelt(const PageView& page, const Span& span, const WordSet& lower_case) {
  const auto& words = page.words();
  if (span.last - span.first > 1 || !IsUpper(page.At(words[span.first].start))) return false;
  for (std::size_t i = span.first; i <= span.last; ++i) {
    const std::string_view word = WordText(page, i);
    if (IsCommonWord(word) || lower_case.count(word) != 0 || words[i].end - words[i].begin < 2) {
      return false;
    }
  }
  return true;
}

// True when `bits` has more than `limit` bits set. `limit` is 1 or 2: clearing the lowest set
// bit that often is cheaper than std::popcount, a library call on CPUs targeted without POPCNT.
bool MoreBitsThan(std::uint64_t bits, int limit) {
  for (int i = 0; i < limit && bits != 0; ++i) bits &= bits - 1;
  return bits != 0;
}

// False when the byte values of two strings differ by more than `budget` edits can make up
// (see ByteMask): their edit distance is then over the budget too.
bool ByteValuesWithinBudget(std::uint64_t a, std::uint64_t b, int budget) {
  return !MoreBitsThan(a & ~b, budget) && !MoreBitsThan(b & ~a, budget);
}

// The name (index into names()) nearest `fingerprint` within its budget, the earlier name on
// a tie, or -1.
int NearestName(std::string_view fingerprint, const std::vector<FingerprintEntry>& by_length) {
  const std::size_t length = fingerprint.size();
  const std::uint64_t mask = ByteMask(fingerprint);
  int best_name = -1;
  int best_distance = 3;
  // Only names within two letters of the span's length can be within budget.
  const auto from = std::lower_bound(
      by_length.begin(), by_length.end(), length - 2,
      [](const FingerprintEntry& e, std::size_t l) { return e.fingerprint.size() < l; });
  for (auto it = from; it != by_length.end() && it->fingerprint.size() <= length + 2; ++it) {
    const std::size_t key_length = it->fingerprint.size();
    const int budget = Budget(key_length);
    // Cheapest first: each inserted or deleted byte costs an edit.
    const std::size_t length_gap = key_length > length ? key_length - length : length - key_length;
    if (budget == 0 || length_gap > static_cast<std::size_t>(budget)) continue;
    if (!ByteValuesWithinBudget(mask, it->byte_mask, budget)) continue;
    const int d = EditDistance(fingerprint, it->fingerprint, budget);
    // Ties go to the earlier dictionary name, so the result never depends on hashing.
    if (d <= budget && (d < best_distance || (d == best_distance && it->name < best_name))) {
      best_distance = d;
      best_name = it->name;
    }
  }
  return best_name;
}

int MemoisedNearestName(std::string_view fingerprint, const Dictionary& dictionary,
                        NearestNameMemo& memo) {
  if (auto it = memo.find(fingerprint); it != memo.end()) return it->second;
  const int name = NearestName(fingerprint, dictionary.fingerprints_by_length());
  memo.emplace(std::string(fingerprint), name);
  return name;
}

// The vendor or product name (index into names()) that `span` writes with other spacing or a
// small misspelling, or -1.
int NameForSpan(const PageView& page, const Dictionary& dictionary, const WordSet& lower_case,
                const Span& span, std::string_view fingerprint, NearestNameMemo& memo) {
  const auto& words = page.words();
  // A name is written with a capital somewhere; lower-case text is ordinary words.
  if (!HasCapital(page, words[span.first].start, words[span.last].stop)) return -1;
  if (span.first == span.last && IsCommonWord(WordText(page, span.first))) return -1;
  if (fingerprint.size() < 5) return -1;
  const auto& exact = dictionary.vendor_product_fingerprints();
  if (auto it = exact.find(fingerprint); it != exact.end()) return it->second;
  if (!MayBeMisspelt(page, span, lower_case)) return -1;
  return MemoisedNearestName(fingerprint, dictionary, memo);
}

}  // namespace

int EditDistance(std::string_view a, std::string_view b, int limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > static_cast<std::size_t>(limit)) return limit + 1;
  // Names are short: rows on the stack, so the per-word scan over every name allocates nothing.
  constexpr std::size_t kStackRow = 64;
  std::array<int, kStackRow> a2{}, a1{}, a0{};
  std::vector<int> v2, v1, v0;
  int* prev2 = a2.data();
  int* prev = a1.data();
  int* cur = a0.data();
  if (m + 1 > kStackRow) {
    v2.resize(m + 1);
    v1.resize(m + 1);
    v0.resize(m + 1);
    prev2 = v2.data();
    prev = v1.data();
    cur = v0.data();
  }
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;  // every later row is at least this far
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

bool IsCommonWord(std::string_view folded_word) {
  return std::binary_search(kCommonWords.begin(), kCommonWords.end(), folded_word);
}

WordSet LowerCaseWords(const PageView& page) {
  WordSet lower_case;
  const auto& words = page.words();
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (!HasCapital(page, words[w].start, words[w].stop)) lower_case.insert(WordText(page, w));
  }
  return lower_case;
}

std::vector<NameMention> FindNearMisses(const PageView& page, const Dictionary& dictionary,
                                        const WordSet& lower_case, std::vector<bool>& taken) {
  std::vector<NameMention> out;
  const auto& words = page.words();
  std::string fingerprint;
  Spans spans;
  NearestNameMemo memo;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (taken[w]) continue;
    const std::size_t count = SpansAt(page, taken, w, fingerprint, spans);
    // Longest first, so "Heart - Flow" beats "Heart".
    int name = -1;
    const Span* found = nullptr;
    for (std::size_t k = count; k-- > 0 && found == nullptr;) {
      const std::string_view span_fingerprint =
          std::string_view(fingerprint).substr(0, spans[k].fingerprint_size);
      name = NameForSpan(page, dictionary, lower_case, spans[k], span_fingerprint, memo);
      if (name >= 0) found = &spans[k];
    }
    if (found == nullptr) continue;
    NameMention m = dictionary.MentionOf(name, MatchKind::kFuzzy);
    m.start = words[found->first].start;
    m.end = words[found->last].stop;
    m.quote = page.Quote(m.start, m.end);
    out.push_back(std::move(m));
    for (std::size_t i = found->first; i <= found->last; ++i) taken[i] = true;
    w = found->last;
  }
  return out;
}

std::vector<NameMention> FindUnknownNames(const PageView& page, const WordSet& lower_case,
                                          const std::vector<bool>& taken) {
  std::vector<NameMention> out;
  const auto& words = page.words();
  const std::string& text = page.folded();
  // Words near an AI word: unknown names are only looked for there.
  std::vector<bool> near_ai(words.size(), false);
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (!IsAiWordAt(page, w)) continue;
    const std::size_t lo = w > kUnknownWindow ? w - kUnknownWindow : 0;
    const std::size_t hi = std::min(words.size(), w + kUnknownWindow + 1);
    for (std::size_t i = lo; i < hi; ++i) near_ai[i] = true;
  }
  const auto gap_after = [&](std::size_t w) {
    return w + 1 < words.size()
               ? std::string_view(text).substr(words[w].end, words[w + 1].begin - words[w].end)
               : std::string_view();
  };
  const auto is_ai = [&](std::size_t w) { return w < words.size() && WordText(page, w) == "ai"; };
  const auto is_tool_word = [&](std::size_t w) {
    if (w >= words.size()) return false;
    const std::string_view t = WordText(page, w);
    return t == "tool" || t == "software" || t == "platform" || t == "system" || t == "product";
  };
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (taken[w] || !near_ai[w]) continue;
    const std::string_view folded = WordText(page, w);
    if (IsCommonWord(folded) || folded.size() < 3) continue;
    const Word& word = words[w];
    // Inside an e-mail address or a web address: "@" or "/" or "www." around it.
    const std::string_view before = std::string_view(text).substr(0, word.begin);
    const std::string_view after = std::string_view(text).substr(word.end);
    if ((!before.empty() && (before.back() == '@' || before.back() == '/')) ||
        (!after.empty() && (after.front() == '@' || after.front() == '/'))) {
      continue;
    }
    int letters = 0, digits = 0, uppers = 0;
    bool camel = false;
    for (int c = word.start; c < word.stop; ++c) {
      const auto cp = static_cast<UChar32>(page.At(c));
      if (u_isdigit(cp)) {
        ++digits;
        continue;
      }
      ++letters;
      if (u_isupper(cp)) {
        ++uppers;
        // Lower then upper: "HeartFlow", "eStroke", "qXR". "Mc"/"Mac" names are not products.
        if (c > word.start && u_islower(static_cast<UChar32>(page.At(c - 1)))) {
          const std::string_view head = folded.substr(0, c - word.start);
          if (head != "mc" && head != "mac") camel = true;
        }
      }
    }
    const bool capitalised = IsUpper(page.At(word.start));
    const bool acronym = uppers == letters;
    // Letters and digits mixed, but not "23rd", "s31", "FY23", "HG2" or a reference number.
    const bool mixed = letters >= 2 && digits >= 1 && folded.size() >= 5 &&
                       !u_isdigit(static_cast<UChar32>(page.At(word.start))) && letters >= digits;
    // "Foo AI", "Foo.ai", "Foo AI tool", "AI platform Foo".
    const bool ai_suffix = capitalised && !(acronym && letters <= 4) && is_ai(w + 1) &&
                           (gap_after(w) == " " || gap_after(w) == ".");
    const bool after_ai_tool = capitalised && !(acronym && letters <= 4) && w >= 2 &&
                               is_ai(w - 2) && is_tool_word(w - 1) && gap_after(w - 1) == " ";
    if (!camel && !mixed && !ai_suffix && !after_ai_tool) continue;
    // A word the page also writes without capitals is an ordinary word; "cvi42" is written so.
    if (!mixed && lower_case.count(folded) != 0) continue;
    NameMention m;
    m.kind = NameKind::kUnknown;
    m.match = MatchKind::kCandidate;
    m.start = word.start;
    m.end = ai_suffix ? words[w + 1].stop : word.stop;
    m.quote = page.Quote(m.start, m.end);
    m.canonical = m.quote;
    out.push_back(std::move(m));
    if (ai_suffix) ++w;
  }
  return out;
}

}  // namespace foicode::normalise
