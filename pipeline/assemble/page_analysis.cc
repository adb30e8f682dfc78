#include "assemble/page_analysis.h"

#include <algorithm>
#include <array>
#include <set>
#include <span>
#include <string_view>

#include "core/ascii.h"
#include "core/stage_times.h"
#include "core/utf8.h"
#include "facts/find_facts.h"
#include "normalise/name_matcher.h"

namespace foicode::assemble {
namespace {

// Words on the first lines of an attached document that make it a reference document rather
// than the reply (a long policy attached in answer to "please provide your policies").
bool LooksLikeReferenceDocument(const Part& part, const TextUnits& first_page) {
  if (part.pages.size() < 3) return false;
  static constexpr std::array<std::string_view, 8> kTitles = {
      "policy", "procedure", "strategy", "framework", "guidance", "standard operating",
      "terms of reference", "guideline"};
  const int lines = std::min(first_page.line_count(), 15);
  for (int line = 0; line < lines; ++line) {
    const std::string text = first_page.LineText(line);
    for (std::string_view title : kTitles) {
      if (ContainsIgnoreCase(text, title)) return true;
    }
  }
  return false;
}

// Headings that open the trust's answer after a restated request.
constexpr std::string_view kAnswerHeadings[] = {
    "response", "our response", "the trust's response", "trust response", "answer", "reply",
    "responses", "we said", "what we said", "our answer", "our reply"};

// The line is one of `words`, ignoring case and a trailing ":" or ".".
bool LineIs(const std::string& line, std::span<const std::string_view> words) {
  std::string_view text = line;
  while (!text.empty() && (text.back() == ':' || text.back() == '.')) text.remove_suffix(1);
  for (std::string_view w : words) {
    if (EqualsIgnoreCase(text, w)) return true;
  }
  return false;
}
bool LineIs(const std::string& line, std::initializer_list<std::string_view> words) {
  return LineIs(line, std::span<const std::string_view>(words.begin(), words.size()));
}

// A "Request" heading up to the next "Response" heading: the request restated in full.
void AddRestatedRequest(const TextUnits& units, std::vector<Span>* spans) {
  int open = -1;
  for (int line = 0; line < units.line_count(); ++line) {
    const std::string text = units.LineText(line);
    if (open < 0 && LineIs(text, {"request", "your request", "the request", "original request",
                                  "information requested", "request details", "details of request",
                                  "you asked", "what you asked", "you asked for"})) {
      open = units.LineStart(line);
    } else if (open >= 0 && LineIs(text, kAnswerHeadings)) {
      spans->push_back({open, units.LineStart(line)});
      open = -1;
    }
  }
}

bool StartsWithAny(const std::string& line, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (StartsWithIgnoreCase(line, p)) return true;
  }
  return false;
}

// A letter addressed to the trust ("Dear <trust>,", "Dear FOI Team,") is the requester's, as a
// saved request thread or a restated request shows it: from its greeting (and the
// "Name date" line above it on a thread page) to the end of its sign-off.
void AddRequesterLetters(const AnalysedPage& page, std::vector<Span>* spans) {
  const TextUnits& units = page.units;
  std::set<int> trust_lines;  // lines where a trust's name follows "Dear " at once
  for (const NameMention& m : page.names) {
    const int line = units.LineOf(m.start);
    if (m.org_type == OrgType::kTrust && m.start - units.LineStart(line) <= 9) trust_lines.insert(line);
  }
  for (int line = 0; line < units.line_count(); ++line) {
    const std::string text = units.LineText(line);
    if (!StartsWithIgnoreCase(text, "dear ")) continue;
    const bool to_trust = trust_lines.count(line) > 0 ||
                          StartsWithAny(text, {"dear foi", "dear freedom of information",
                                               "dear information governance"});
    if (!to_trust) continue;
    int first = line;
    for (int above = line - 1; above >= 0 && above >= line - 2; --above) {
      const std::string prev = units.LineText(above);
      if (prev.empty()) continue;
      if (prev.size() < 70 && prev.find("20") != std::string::npos) first = above;  // "Name 18 September 2024"
      break;
    }
    // To its sign-off, or to the heading of the trust's answer, whichever comes first; with
    // neither, only the greeting is known to be the requester's.
    int last = line;
    for (int below = line + 1; below < units.line_count() && below <= line + 80; ++below) {
      if (LineIs(units.LineText(below), kAnswerHeadings)) {
        last = below - 1;
        break;
      }
      if (StartsWithAny(units.LineText(below), {"yours faithfully", "yours sincerely", "kind regards",
                                                "many thanks", "best wishes", "regards"})) {
        // The signature: the next non-blank line.
        last = below;
        int next = below + 1;
        while (next < units.line_count() && units.LineText(next).empty()) ++next;
        if (next < units.line_count() && units.LineText(next).size() < 40) last = next;
        break;
      }
    }
    spans->push_back({units.LineStart(first), units.LineEnd(last)});
    line = last;
  }
}

// Site navigation around a saved web page: a "Similar requests" heading and its list.
void AddNavigationLists(const TextUnits& units, std::vector<Span>* spans) {
  for (int line = 0; line < units.line_count(); ++line) {
    if (!LineIs(units.LineText(line), {"similar requests", "related requests", "other requests",
                                       "see also", "more requests", "popular requests"}))
      continue;
    int last = line;
    int below = line + 1;
    while (below < units.line_count() && units.LineText(below).empty()) ++below;
    while (below < units.line_count() && !units.LineText(below).empty()) last = below++;
    spans->push_back({units.LineStart(line), units.LineEnd(last)});
  }
}

void FindNotAnswer(AnalysedPage& page) {
  const TextUnits& units = page.units;
  std::vector<Span>& spans = page.not_answer;
  spans = page.page->quoted;
  AddRestatedRequest(units, &spans);
  AddRequesterLetters(page, &spans);
  AddNavigationLists(units, &spans);
  for (const Cue& cue : page.facts.cues) {
    if (cue.type != CueType::kRequestEcho) continue;
    const int s = units.SentenceAt(cue.start);
    if (s < 0 || units.sentences()[s].table_row) {
      spans.push_back({cue.start, cue.end});  // in a table only the question cell is echo
      continue;
    }
    // The whole sentence, and the whole cue when it runs on ("Question 2: ... For example").
    const Sentence& sentence = units.sentences()[s];
    spans.push_back({std::min(sentence.start, cue.start), std::max(sentence.end, cue.end)});
  }
  // Sorted and merged, so InAnswer is a binary search however many echo lines a page has.
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  std::vector<Span> merged;
  for (const Span& span : spans) {
    if (span.start >= span.end) continue;
    if (!merged.empty() && span.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
    } else {
      merged.push_back(span);
    }
  }
  spans = std::move(merged);
}

std::optional<std::string> IsoDay(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  for (int i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return std::nullopt;
  }
  return std::string(text.substr(0, 10));
}

std::optional<std::string> ReplyDate(const AnalysedSource& source) {
  for (const AnalysedPage& page : source.pages) {
    if (page.top_level && page.part->headers) {
      if (auto day = IsoDay(page.part->headers->date)) return day;
    }
  }
  for (DateRole role : {DateRole::kLetterDate, DateRole::kEmailHeader}) {
    for (const AnalysedPage& page : source.pages) {
      if (page.reference) continue;
      for (const DateMention& date : page.facts.dates) {
        if (date.role == role && page.InAnswer(date.start, date.end)) return date.iso;
      }
    }
  }
  return std::nullopt;
}

bool HasUnresolvedPeriod(const PageFacts& facts) {
  auto unresolved = [](const Period& p) { return p.months && !p.start_month && !p.end_month; };
  if (std::any_of(facts.periods.begin(), facts.periods.end(), unresolved)) return true;
  return std::any_of(facts.usage.begin(), facts.usage.end(), [&](const UsageFigure& u) {
    return u.period && unresolved(*u.period);
  });
}

// The facts stage on one page, less what assemble does not read: numbers that are not
// figures only show the stage's reasons, and would be most of what an analysis keeps.
PageFacts PageFactsOf(const Page& page, const facts::RuleSet& rules, const FactContext& context) {
  const StageTimer timer(Stage::kRules);
  PageFacts facts = facts::FindFacts(page.text, rules, context);
  facts.other_numbers.clear();
  return facts;
}

}  // namespace

bool AnalysedPage::InAnswer(int start, int end) const {
  if (reference) return false;
  // The first span that ends after `start`: the only one that can overlap [start, end).
  auto it = std::upper_bound(not_answer.begin(), not_answer.end(), start,
                             [](int offset, const Span& span) { return offset < span.end; });
  return it == not_answer.end() || it->start >= end;
}

AnalysedSource AnalyseSource(const ExtractedSource& source, int index,
                             const normalise::Dictionary& dictionary, const facts::RuleSet& rules) {
  AnalysedSource out;
  out.source = &source;
  out.index = index;
  for (std::size_t p = 0; p < source.parts.size(); ++p) {
    const Part& part = source.parts[p];
    bool reference = false;
    for (std::size_t g = 0; g < part.pages.size(); ++g) {
      AnalysedPage page(&part, &part.pages[g], static_cast<int>(p), !part.name.has_value());
      if (g == 0) reference = !page.top_level && LooksLikeReferenceDocument(part, page.units);
      page.reference = reference;
      {
        const StageTimer timer(Stage::kNormalise);
        page.names = normalise::FindNames(page.page->text, dictionary);
      }
      page.facts = PageFactsOf(*page.page, rules, FactContext{});
      FindNotAnswer(page);
      out.pages.push_back(std::move(page));
    }
  }
  out.reply_date = ReplyDate(out);
  if (out.reply_date) {
    // Second pass only where it matters: relative periods need the reply's date.
    for (AnalysedPage& page : out.pages) {
      if (HasUnresolvedPeriod(page.facts)) page.facts = PageFactsOf(*page.page, rules, FactContext{out.reply_date});
    }
  }
  return out;
}

Evidence EvidenceAt(const AnalysedSource& source, const AnalysedPage& page, int start, int end) {
  Evidence e;
  e.source = source.source->path;
  e.part = page.part->name;
  e.page = page.page->number;
  e.start = start;
  e.end = end;
  const std::u32string& cps = page.units.code_points();
  for (int i = start; i < end && i < static_cast<int>(cps.size()); ++i) AppendUtf8(e.quote, cps[i]);
  return e;
}

}  // namespace foicode::assemble
