#include "assemble/analysis_json.h"

#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace foicode::assemble {
namespace {

using nlohmann::json;

// Each fact is an array of its fields in declaration order, enums as their numbers: the text is
// read back only by the build that wrote it (the cache key names the build).

template <typename T>
json Optional(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

template <typename E>
json OptionalEnum(const std::optional<E>& value) {
  return value ? json(static_cast<int>(*value)) : json(nullptr);
}

json PeriodJson(const Period& p) {
  return json::array({Optional(p.start_month), Optional(p.end_month), Optional(p.months), p.text, p.start, p.end,
                      p.quote, p.rule});
}

json FactsJson(const PageFacts& facts) {
  json usage = json::array();
  for (const UsageFigure& u : facts.usage) {
    usage.push_back(json::array({u.low, u.high, u.approximate, OptionalEnum(u.per), u.unit,
                                 u.period ? PeriodJson(*u.period) : json(nullptr), u.start, u.end, u.quote, u.rule,
                                 u.line, Optional(u.cell), u.row_label}));
  }
  json periods = json::array();
  for (const Period& p : facts.periods) periods.push_back(PeriodJson(p));
  json dates = json::array();
  for (const DateMention& d : facts.dates) {
    dates.push_back(json::array({d.iso, static_cast<int>(d.role), d.letter_date_hint, d.start, d.end, d.quote,
                                 d.rule, d.line}));
  }
  json money = json::array();
  for (const Money& m : facts.money) {
    money.push_back(json::array({m.low, m.high, m.currency, m.approximate, OptionalEnum(m.per), m.start, m.end,
                                 m.quote, m.rule}));
  }
  json exemptions = json::array();
  for (const Exemption& e : facts.exemptions) {
    exemptions.push_back(json::array({e.section, e.start, e.end, e.quote, e.rule}));
  }
  json cues = json::array();
  for (const Cue& c : facts.cues) {
    cues.push_back(json::array({static_cast<int>(c.type), c.start, c.end, c.quote, c.rule, c.line,
                                Optional(c.scope_end), Optional(c.question_line), Optional(c.question_number)}));
  }
  return json::array({usage, periods, dates, money, exemptions, cues});
}

json NameJson(const NameMention& m) {
  return json::array({static_cast<int>(m.kind), static_cast<int>(m.match), m.canonical, Optional(m.vendor),
                      Optional(m.subspecialty), m.modality, Optional(m.category), m.borderline,
                      OptionalEnum(m.org_type), m.matched_alias, m.start, m.end, m.quote});
}

// Reading back: any wrong type or count throws, and the caller treats the text as missing.

// Bounds that every offset and line on a page must keep, so that nothing downstream indexes
// past the page.
struct PageBounds {
  int code_points = 0;
  int lines = 0;
};

[[noreturn]] void Damaged() { throw std::out_of_range("damaged analysis"); }

const json& Field(const json& array, std::size_t i) {
  if (!array.is_array()) Damaged();
  return array.at(i);
}

template <typename T>
std::optional<T> OptionalAt(const json& array, std::size_t i) {
  const json& value = Field(array, i);
  if (value.is_null()) return std::nullopt;
  return value.get<T>();
}

template <typename E>
E EnumAt(const json& array, std::size_t i, E last) {
  const int value = Field(array, i).get<int>();
  if (value < 0 || value > static_cast<int>(last)) Damaged();
  return static_cast<E>(value);
}

template <typename E>
std::optional<E> OptionalEnumAt(const json& array, std::size_t i, E last) {
  if (Field(array, i).is_null()) return std::nullopt;
  return EnumAt(array, i, last);
}

void CheckSpan(int start, int end, const PageBounds& bounds) {
  if (start < 0 || end < start || end > bounds.code_points) Damaged();
}

void CheckLine(int line, const PageBounds& bounds) {
  if (line < 0 || line >= bounds.lines) Damaged();
}

template <typename T>
void CheckOffset(const std::optional<T>& offset, int limit) {
  if (offset && (*offset < 0 || *offset > limit)) Damaged();
}

Period PeriodFrom(const json& j, const PageBounds& bounds) {
  Period p;
  p.start_month = OptionalAt<std::string>(j, 0);
  p.end_month = OptionalAt<std::string>(j, 1);
  p.months = OptionalAt<int>(j, 2);
  p.text = Field(j, 3).get<std::string>();
  p.start = Field(j, 4).get<int>();
  p.end = Field(j, 5).get<int>();
  p.quote = Field(j, 6).get<std::string>();
  p.rule = Field(j, 7).get<std::string>();
  CheckSpan(p.start, p.end, bounds);
  return p;
}

PageFacts FactsFrom(const json& j, const PageBounds& bounds) {
  PageFacts facts;
  for (const json& u : Field(j, 0)) {
    UsageFigure f;
    f.low = Field(u, 0).get<long long>();
    f.high = Field(u, 1).get<long long>();
    f.approximate = Field(u, 2).get<bool>();
    f.per = OptionalEnumAt(u, 3, RatePer::kYear);
    f.unit = Field(u, 4).get<std::string>();
    if (!Field(u, 5).is_null()) f.period = PeriodFrom(Field(u, 5), bounds);
    f.start = Field(u, 6).get<int>();
    f.end = Field(u, 7).get<int>();
    f.quote = Field(u, 8).get<std::string>();
    f.rule = Field(u, 9).get<std::string>();
    f.line = Field(u, 10).get<int>();
    f.cell = OptionalAt<int>(u, 11);
    f.row_label = Field(u, 12).get<std::string>();
    CheckSpan(f.start, f.end, bounds);
    CheckLine(f.line, bounds);
    CheckOffset(f.cell, bounds.code_points);
    facts.usage.push_back(std::move(f));
  }
  for (const json& p : Field(j, 1)) facts.periods.push_back(PeriodFrom(p, bounds));
  for (const json& d : Field(j, 2)) {
    DateMention date;
    date.iso = Field(d, 0).get<std::string>();
    date.role = EnumAt(d, 1, DateRole::kReceived);
    date.letter_date_hint = Field(d, 2).get<bool>();
    date.start = Field(d, 3).get<int>();
    date.end = Field(d, 4).get<int>();
    date.quote = Field(d, 5).get<std::string>();
    date.rule = Field(d, 6).get<std::string>();
    date.line = Field(d, 7).get<int>();
    CheckSpan(date.start, date.end, bounds);
    CheckLine(date.line, bounds);
    facts.dates.push_back(std::move(date));
  }
  for (const json& m : Field(j, 3)) {
    Money money;
    money.low = Field(m, 0).get<double>();
    money.high = Field(m, 1).get<double>();
    money.currency = Field(m, 2).get<std::string>();
    money.approximate = Field(m, 3).get<bool>();
    money.per = OptionalEnumAt(m, 4, RatePer::kYear);
    money.start = Field(m, 5).get<int>();
    money.end = Field(m, 6).get<int>();
    money.quote = Field(m, 7).get<std::string>();
    money.rule = Field(m, 8).get<std::string>();
    CheckSpan(money.start, money.end, bounds);
    facts.money.push_back(std::move(money));
  }
  for (const json& e : Field(j, 4)) {
    Exemption exemption;
    exemption.section = Field(e, 0).get<std::string>();
    exemption.start = Field(e, 1).get<int>();
    exemption.end = Field(e, 2).get<int>();
    exemption.quote = Field(e, 3).get<std::string>();
    exemption.rule = Field(e, 4).get<std::string>();
    CheckSpan(exemption.start, exemption.end, bounds);
    facts.exemptions.push_back(std::move(exemption));
  }
  for (const json& c : Field(j, 5)) {
    Cue cue;
    cue.type = EnumAt(c, 0, CueType::kDescribedSystem);
    cue.start = Field(c, 1).get<int>();
    cue.end = Field(c, 2).get<int>();
    cue.quote = Field(c, 3).get<std::string>();
    cue.rule = Field(c, 4).get<std::string>();
    cue.line = Field(c, 5).get<int>();
    cue.scope_end = OptionalAt<int>(c, 6);
    cue.question_line = OptionalAt<int>(c, 7);
    cue.question_number = OptionalAt<int>(c, 8);
    CheckSpan(cue.start, cue.end, bounds);
    CheckLine(cue.line, bounds);
    CheckOffset(cue.scope_end, bounds.code_points);
    if (cue.question_line) CheckLine(*cue.question_line, bounds);
    facts.cues.push_back(std::move(cue));
  }
  return facts;
}

NameMention NameFrom(const json& j, const PageBounds& bounds) {
  NameMention m;
  m.kind = EnumAt(j, 0, NameKind::kUnknown);
  m.match = EnumAt(j, 1, MatchKind::kCandidate);
  m.canonical = Field(j, 2).get<std::string>();
  m.vendor = OptionalAt<std::string>(j, 3);
  m.subspecialty = OptionalAt<std::string>(j, 4);
  m.modality = Field(j, 5).get<std::vector<std::string>>();
  m.category = OptionalAt<std::string>(j, 6);
  m.borderline = Field(j, 7).get<bool>();
  m.org_type = OptionalEnumAt(j, 8, OrgType::kOther);
  m.matched_alias = Field(j, 9).get<std::string>();
  m.start = Field(j, 10).get<int>();
  m.end = Field(j, 11).get<int>();
  m.quote = Field(j, 12).get<std::string>();
  CheckSpan(m.start, m.end, bounds);
  return m;
}

}  // namespace

std::string AnalysisToJson(const AnalysedSource& analysed) {
  json pages = json::array();
  for (const AnalysedPage& page : analysed.pages) {
    json names = json::array();
    for (const NameMention& m : page.names) names.push_back(NameJson(m));
    json not_answer = json::array();
    for (const Span& span : page.not_answer) not_answer.push_back(json::array({span.start, span.end}));
    pages.push_back(json::array({page.reference, std::move(names), FactsJson(page.facts), std::move(not_answer)}));
  }
  // Strict: text that is not UTF-8 throws rather than being kept changed.
  return json::object({{"reply_date", Optional(analysed.reply_date)}, {"pages", std::move(pages)}}).dump();
}

bool AnalysisFromJson(std::string_view text, const ExtractedSource& source, int index, AnalysedSource* out) {
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return false;
  try {
    AnalysedSource analysed;
    analysed.source = &source;
    analysed.index = index;
    analysed.reply_date = j.at("reply_date").is_null() ? std::nullopt
                                                       : std::optional(j.at("reply_date").get<std::string>());
    const json& pages = j.at("pages");
    if (!pages.is_array()) return false;
    // One entry per page of every part, in order, as AnalyseSource makes them.
    std::size_t next = 0;
    for (std::size_t p = 0; p < source.parts.size(); ++p) {
      const Part& part = source.parts[p];
      for (const Page& page_of_part : part.pages) {
        if (next >= pages.size()) return false;
        const json& entry = pages[next++];
        AnalysedPage page(&part, &page_of_part, static_cast<int>(p), !part.name.has_value());
        const PageBounds bounds{static_cast<int>(page.units.code_points().size()), page.units.line_count()};
        page.reference = Field(entry, 0).get<bool>();
        for (const json& m : Field(entry, 1)) page.names.push_back(NameFrom(m, bounds));
        page.facts = FactsFrom(Field(entry, 2), bounds);
        for (const json& span : Field(entry, 3)) {
          const Span s{Field(span, 0).get<int>(), Field(span, 1).get<int>()};
          CheckSpan(s.start, s.end, bounds);
          page.not_answer.push_back(s);
        }
        analysed.pages.push_back(std::move(page));
      }
    }
    if (next != pages.size()) return false;
    *out = std::move(analysed);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace foicode::assemble
