// Finds dictionary names in one page (see name_matcher.h).
#include "normalise/name_matcher.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <tuple>

#include "normalise/context_words.h"
#include "normalise/near_miss.h"
#include "normalise/page_view.h"

namespace foicode::normalise {
namespace {

// Twelve words either side: wide enough for "Mia (Kheiron's mammography AI)", narrow
// enough that one "AI" in a heading does not vouch for a whole letter.
constexpr std::size_t kContextWords = 12;
// How far along its own line, in words, an ambiguous name looks for context.
constexpr std::size_t kLineReach = 200;

struct Hit {
  std::size_t begin = 0;  // folded bytes
  std::size_t end = 0;
  int name = 0;  // index into Dictionary::names()
};

// The letters and digits of `text`, case kept: "Red\nDot" -> "RedDot".
std::u32string AlnumOf(const PageView& page, int start, int end) {
  std::u32string out;
  for (int i = start; i < end; ++i) {
    if (u_isalnum(static_cast<UChar32>(page.At(i)))) out.push_back(page.At(i));
  }
  return out;
}

std::u32string AlnumOf(std::string_view utf8) {
  std::u32string out;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isalnum(c)) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// Leftmost-longest exact matches on word boundaries, over the whole page.
std::vector<Hit> ExactHits(const PageView& page, const Dictionary& dictionary) {
  std::vector<Hit> hits;
  const std::string& text = page.folded();
  std::vector<std::pair<std::size_t, int>> matches;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t step =
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;  // UTF-8 sequence length
    // RE2's \b is ASCII-only; a name must not start inside a word in any script.
    if (page.AlnumAt(i) && page.AlnumBefore(i)) {
      i += step;
      continue;
    }
    dictionary.trie().MatchesAt(text, i, &matches);
    bool found = false;
    for (auto it = matches.rbegin(); it != matches.rend(); ++it) {
      const std::size_t end = it->first;
      if (page.AlnumBefore(end) && page.AlnumAt(end)) continue;  // ends inside a word
      hits.push_back(Hit{i, end, it->second});
      i = end;
      found = true;
      break;
    }
    if (!found) i += step;
  }
  return hits;
}

// True when the hit is written with the dictionary's capitals ("DERM", not "derm").
bool WrittenAsInDictionary(const PageView& page, const Dictionary& dictionary, const Hit& hit) {
  const DictionaryName& name = dictionary.names()[hit.name];
  return AlnumOf(page, page.OriginalStart(hit.begin), page.OriginalEnd(hit.end)) == AlnumOf(name.written);
}

// True when an ambiguous hit has the dictionary's capitals and a context word or a sure
// vendor, product or tool near it.
bool AmbiguousHitHolds(const PageView& page, const Dictionary& dictionary, const Hit& hit,
                       const std::vector<Hit>& hits) {
  if (!WrittenAsInDictionary(page, dictionary, hit)) return false;
  const int start = page.OriginalStart(hit.begin);

  const auto& words = page.words();
  const std::size_t first = page.WordAt(hit.begin);
  std::size_t last = page.WordAt(hit.end);  // first word after the hit
  const std::size_t lo = first > kContextWords ? first - kContextWords : 0;
  const std::size_t hi = std::min(words.size(), last + kContextWords);
  const int line = page.LineOf(start);
  // The window of words, widened to the rest of the line up to kLineReach words either side
  // (a page that is one enormous line must not make every hit read all of it).
  std::size_t from = lo;
  while (from > 0 && from + kLineReach > lo && page.LineOf(words[from - 1].start) == line) --from;
  const std::size_t to = std::min(words.size(), hi + kLineReach);
  for (std::size_t w = from; w < to; ++w) {
    const bool near = w >= lo && w < hi;
    if (!near && page.LineOf(words[w].start) != line) {
      if (w > hi) break;
      continue;
    }
    if (w >= first && w < last) continue;  // the name itself ("Behold AI" is its own alias)
    if (IsContextWordAt(page, w)) return true;
  }
  // Other names in the same window; hits are in text order.
  const std::size_t window_begin = from < words.size() ? words[from].begin : hit.begin;
  const std::size_t window_end = to < words.size() ? words[to].begin : page.folded().size();
  const auto first_hit = std::lower_bound(hits.begin(), hits.end(), window_begin,
                                          [](const Hit& h, std::size_t at) { return h.begin < at; });
  for (auto it = first_hit; it != hits.end() && it->begin < window_end; ++it) {
    const Hit& other = *it;
    const DictionaryName& o = dictionary.names()[other.name];
    if (o.ambiguous || o.kind == NameKind::kOrganisation || &other == &hit) continue;
    const std::size_t ow = page.WordAt(other.begin);
    const bool near = ow + kContextWords >= first && ow <= last + kContextWords;
    if (near || page.LineOf(page.OriginalStart(other.begin)) == line) return true;
  }
  return false;
}

NameMention Place(NameMention mention, const PageView& page, int start, int end) {
  mention.start = start;
  mention.end = end;
  mention.quote = page.Quote(start, end);
  return mention;
}

}  // namespace

std::vector<NameMention> FindNames(std::string_view page_text, const Dictionary& dictionary) {
  const PageView page(page_text);
  const std::vector<Hit> hits = ExactHits(page, dictionary);
  std::vector<NameMention> mentions;
  std::vector<bool> taken(page.words().size(), false);
  // Entries the page names unambiguously ("Skin Analytics DERM"): a later bare "DERM" on the
  // page is the reply's short name for the same thing, wherever it stands.
  std::set<std::pair<NameKind, int>> named_surely;
  for (const Hit& hit : hits) {
    const DictionaryName& name = dictionary.names()[hit.name];
    if (!name.ambiguous) named_surely.emplace(name.kind, name.entry);
  }
  for (const Hit& hit : hits) {
    const DictionaryName& name = dictionary.names()[hit.name];
    // The words are taken even when an ambiguous hit is dropped: "a Red Dot in the margin" is
    // not a near-miss of "RedDot" either.
    for (std::size_t w = page.WordAt(hit.begin);
         w < taken.size() && page.words()[w].begin < hit.end; ++w) {
      taken[w] = true;
    }
    if (name.ambiguous) {
      const bool short_name = named_surely.count({name.kind, name.entry}) > 0 &&
                              WrittenAsInDictionary(page, dictionary, hit);
      if (!short_name && !AmbiguousHitHolds(page, dictionary, hit, hits)) continue;
    }
    const int start = page.OriginalStart(hit.begin);
    const int end = page.OriginalEnd(hit.end);
    mentions.push_back(Place(dictionary.MentionOf(hit.name, MatchKind::kExact), page, start, end));
    if (name.kind != NameKind::kProduct) continue;
    // "Brainomix e-Stroke" names the vendor too: report it, so the system has vendor evidence.
    const std::string& vendor = dictionary.products()[name.entry].vendor;
    const std::string& text = page.folded();
    std::vector<std::pair<std::size_t, int>> inner_matches;
    for (std::size_t i = hit.begin; i < hit.end; ++i) {
      if ((i > hit.begin && page.AlnumBefore(i)) || !page.AlnumAt(i)) continue;
      dictionary.trie().MatchesAt(text, i, &inner_matches);
      for (const auto& [end_byte, index] : inner_matches) {
        const DictionaryName& inner = dictionary.names()[index];
        if (end_byte > hit.end || inner.kind != NameKind::kVendor ||
            dictionary.vendors()[inner.entry].name != vendor) {
          continue;
        }
        if (end_byte < hit.end && page.AlnumAt(end_byte)) continue;
        mentions.push_back(Place(dictionary.MentionOf(index, MatchKind::kExact), page,
                                 page.OriginalStart(i), page.OriginalEnd(end_byte)));
      }
    }
  }
  // Both later passes ask which words the page also writes in lower case: work it out once.
  const WordSet lower_case = LowerCaseWords(page);
  for (NameMention& m : FindNearMisses(page, dictionary, lower_case, taken)) {
    mentions.push_back(std::move(m));
  }
  for (NameMention& m : FindUnknownNames(page, lower_case, taken)) mentions.push_back(std::move(m));
  std::sort(mentions.begin(), mentions.end(), [](const NameMention& a, const NameMention& b) {
    return std::make_tuple(a.start, -a.end, a.kind, a.canonical) <
           std::make_tuple(b.start, -b.end, b.kind, b.canonical);
  });
  return mentions;
}

}  // namespace foicode::normalise
