#include "assemble/analysis_json.h"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace foicode::assemble {
namespace {

using nlohmann::json;

// Each fact is an array of its fields in declaration order, enums as their numbers: the text is
// read back only by the build that wrote it (it is kept under a fingerprint that names the
// build as well as the dictionaries and rules). A fact's rule is
// an index into the analysis's table of rule names, and its quote is null when it is the
// page's text at the fact's span (as every quote is written): both are most of the bytes.

template <typename T>
json Optional(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

template <typename E>
json OptionalEnum(const std::optional<E>& value) {
  return value ? json(static_cast<int>(*value)) : json(nullptr);
}

// The text of code points [start, end).
std::string SpanText(const std::u32string& code_points, int start, int end) {
  std::string text;
  for (int i = std::max(start, 0); i < end && i < static_cast<int>(code_points.size()); ++i)
    AppendUtf8(text, code_points[i]);
  return text;
}

class Writer {
 public:
  void SetPage(const TextUnits& units) { units_ = &units; }

  json Rule(const std::string& name) {
    const auto [it, added] = index_.try_emplace(name, static_cast<int>(index_.size()));
    if (added) rules_.push_back(name);
    return it->second;
  }

  json Quote(const std::string& quote, int start, int end) const {
    return quote == SpanText(units_->code_points(), start, end) ? json(nullptr) : json(quote);
  }

  json Period(const foicode::Period& p) {
    const json quote = Quote(p.quote, p.start, p.end);
    return json::array({Optional(p.start_month), Optional(p.end_month), Optional(p.months),
                        p.text == p.quote ? json(nullptr) : json(p.text), p.start, p.end, quote, Rule(p.rule)});
  }

  json Facts(const PageFacts& facts) {
    json usage = json::array();
    for (const UsageFigure& u : facts.usage) {
      usage.push_back(json::array({u.low, u.high, u.approximate, OptionalEnum(u.per), u.unit,
                                   u.period ? Period(*u.period) : json(nullptr), u.start, u.end,
                                   Quote(u.quote, u.start, u.end), Rule(u.rule), u.line, Optional(u.cell),
                                   u.row_label}));
    }
    json periods = json::array();
    for (const foicode::Period& p : facts.periods) periods.push_back(Period(p));
    json dates = json::array();
    for (const DateMention& d : facts.dates) {
      dates.push_back(json::array({d.iso, static_cast<int>(d.role), d.letter_date_hint, d.start, d.end,
                                   Quote(d.quote, d.start, d.end), Rule(d.rule), d.line}));
    }
    json money = json::array();
    for (const Money& m : facts.money) {
      money.push_back(json::array({m.low, m.high, m.currency, m.approximate, OptionalEnum(m.per), m.start, m.end,
                                   Quote(m.quote, m.start, m.end), Rule(m.rule)}));
    }
    json exemptions = json::array();
    for (const Exemption& e : facts.exemptions) {
      exemptions.push_back(json::array({e.section, e.start, e.end, Quote(e.quote, e.start, e.end), Rule(e.rule)}));
    }
    json cues = json::array();
    for (const Cue& c : facts.cues) {
      cues.push_back(json::array({static_cast<int>(c.type), c.start, c.end, Quote(c.quote, c.start, c.end),
                                  Rule(c.rule), c.line, Optional(c.scope_end), Optional(c.question_line),
                                  Optional(c.question_number)}));
    }
    return json::array({usage, periods, dates, money, exemptions, cues});
  }

  json Name(const NameMention& m) const {
    return json::array({static_cast<int>(m.kind), static_cast<int>(m.match), m.canonical, Optional(m.vendor),
                        Optional(m.subspecialty), m.modality, Optional(m.category), m.borderline,
                        OptionalEnum(m.org_type), m.matched_alias, m.start, m.end, Quote(m.quote, m.start, m.end)});
  }

  json TakeRules() { return std::move(rules_); }

 private:
  const TextUnits* units_ = nullptr;
  std::map<std::string, int> index_;
  json rules_ = json::array();
};

// Reading back: any wrong type, count or index throws, and the caller treats the text as
// missing.

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

template <typename T>
void CheckOffset(const std::optional<T>& offset, int limit) {
  if (offset && (*offset < 0 || *offset > limit)) Damaged();
}

// Reads one page's entries, keeping every offset and line inside the page, so that nothing
// downstream indexes past it.
class Reader {
 public:
  Reader(const std::vector<std::string>& rules, const TextUnits& units)
      : rules_(rules), units_(units), code_points_(static_cast<int>(units.code_points().size())) {}

  // Fields i and i+1 as a span [start, end).
  std::pair<int, int> Span(const json& array, std::size_t i) const {
    const int start = Field(array, i).get<int>();
    const int end = Field(array, i + 1).get<int>();
    if (start < 0 || end < start || end > code_points_) Damaged();
    return {start, end};
  }

  std::string Quote(const json& array, std::size_t i, std::pair<int, int> span) const {
    const json& value = Field(array, i);
    if (value.is_null()) return SpanText(units_.code_points(), span.first, span.second);
    return value.get<std::string>();
  }

  std::string Rule(const json& array, std::size_t i) const {
    const std::size_t index = Field(array, i).get<std::size_t>();
    if (index >= rules_.size()) Damaged();
    return rules_[index];
  }

  int Line(const json& array, std::size_t i) const {
    const int line = Field(array, i).get<int>();
    if (line < 0 || line >= units_.line_count()) Damaged();
    return line;
  }

  foicode::Period Period(const json& j) const {
    foicode::Period p;
    p.start_month = OptionalAt<std::string>(j, 0);
    p.end_month = OptionalAt<std::string>(j, 1);
    p.months = OptionalAt<int>(j, 2);
    const auto span = Span(j, 4);
    std::tie(p.start, p.end) = span;
    p.quote = Quote(j, 6, span);
    p.text = Field(j, 3).is_null() ? p.quote : Field(j, 3).get<std::string>();
    p.rule = Rule(j, 7);
    return p;
  }

  PageFacts Facts(const json& j) const {
    PageFacts facts;
    for (const json& u : Field(j, 0)) {
      UsageFigure f;
      f.low = Field(u, 0).get<long long>();
      f.high = Field(u, 1).get<long long>();
      f.approximate = Field(u, 2).get<bool>();
      f.per = OptionalEnumAt(u, 3, RatePer::kYear);
      f.unit = Field(u, 4).get<std::string>();
      if (!Field(u, 5).is_null()) f.period = Period(Field(u, 5));
      const auto span = Span(u, 6);
      std::tie(f.start, f.end) = span;
      f.quote = Quote(u, 8, span);
      f.rule = Rule(u, 9);
      f.line = Line(u, 10);
      f.cell = OptionalAt<int>(u, 11);
      CheckOffset(f.cell, code_points_);
      f.row_label = Field(u, 12).get<std::string>();
      facts.usage.push_back(std::move(f));
    }
    for (const json& p : Field(j, 1)) facts.periods.push_back(Period(p));
    for (const json& d : Field(j, 2)) {
      DateMention date;
      date.iso = Field(d, 0).get<std::string>();
      date.role = EnumAt(d, 1, DateRole::kReceived);
      date.letter_date_hint = Field(d, 2).get<bool>();
      const auto span = Span(d, 3);
      std::tie(date.start, date.end) = span;
      date.quote = Quote(d, 5, span);
      date.rule = Rule(d, 6);
      date.line = Line(d, 7);
      facts.dates.push_back(std::move(date));
    }
    for (const json& m : Field(j, 3)) {
      Money money;
      money.low = Field(m, 0).get<double>();
      money.high = Field(m, 1).get<double>();
      money.currency = Field(m, 2).get<std::string>();
      money.approximate = Field(m, 3).get<bool>();
      money.per = OptionalEnumAt(m, 4, RatePer::kYear);
      const auto span = Span(m, 5);
      std::tie(money.start, money.end) = span;
      money.quote = Quote(m, 7, span);
      money.rule = Rule(m, 8);
      facts.money.push_back(std::move(money));
    }
    for (const json& e : Field(j, 4)) {
      Exemption exemption;
      exemption.section = Field(e, 0).get<std::string>();
      const auto span = Span(e, 1);
      std::tie(exemption.start, exemption.end) = span;
      exemption.quote = Quote(e, 3, span);
      exemption.rule = Rule(e, 4);
      facts.exemptions.push_back(std::move(exemption));
    }
    for (const json& c : Field(j, 5)) {
      Cue cue;
      cue.type = EnumAt(c, 0, CueType::kDescribedSystem);
      const auto span = Span(c, 1);
      std::tie(cue.start, cue.end) = span;
      cue.quote = Quote(c, 3, span);
      cue.rule = Rule(c, 4);
      cue.line = Line(c, 5);
      cue.scope_end = OptionalAt<int>(c, 6);
      CheckOffset(cue.scope_end, code_points_);
      if (!Field(c, 7).is_null()) cue.question_line = Line(c, 7);
      cue.question_number = OptionalAt<int>(c, 8);
      facts.cues.push_back(std::move(cue));
    }
    return facts;
  }

  NameMention Name(const json& j) const {
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
    const auto span = Span(j, 10);
    std::tie(m.start, m.end) = span;
    m.quote = Quote(j, 12, span);
    return m;
  }

 private:
  const std::vector<std::string>& rules_;
  const TextUnits& units_;
  const int code_points_;
};

}  // namespace

std::string AnalysisToJson(const AnalysedSource& analysed) {
  Writer writer;
  json pages = json::array();
  for (const AnalysedPage& page : analysed.pages) {
    writer.SetPage(page.units);
    json names = json::array();
    for (const NameMention& m : page.names) names.push_back(writer.Name(m));
    json not_answer = json::array();
    for (const foicode::Span& span : page.not_answer) not_answer.push_back(json::array({span.start, span.end}));
    pages.push_back(json::array({page.reference, std::move(names), writer.Facts(page.facts), std::move(not_answer)}));
  }
  // Strict: text that is not UTF-8 throws rather than being kept changed.
  return json::object({{"reply_date", Optional(analysed.reply_date)},
                       {"rules", writer.TakeRules()},
                       {"pages", std::move(pages)}})
      .dump();
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
    const std::vector<std::string> rules = j.at("rules").get<std::vector<std::string>>();
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
        const Reader reader(rules, page.units);
        page.reference = Field(entry, 0).get<bool>();
        for (const json& m : Field(entry, 1)) page.names.push_back(reader.Name(m));
        page.facts = reader.Facts(Field(entry, 2));
        for (const json& span : Field(entry, 3)) {
          const auto [start, end] = reader.Span(span, 0);
          page.not_answer.push_back(foicode::Span{start, end});
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
