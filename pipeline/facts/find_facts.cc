// FindFacts: runs each kind of rule over a page's folded text, interprets the captures,
// resolves overlaps between kinds, and maps every span back to the original text.
#include "facts/find_facts.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/folded_text.h"
#include "facts/numbers.h"
#include "facts/page_layout.h"
#include "facts/period.h"

namespace foicode::facts {
namespace {

bool Overlaps(ByteRange a, ByteRange b) { return a.begin < b.end && b.begin < a.end; }

// How many lines above its answer a numbered question may be ("1. Yes" under "Response",
// the questions restated at the top of a long letter).
constexpr int kQuestionReach = 300;

// How far before its figure, in bytes, a period may be written and still be its period.
constexpr std::size_t kPeriodBeforeReach = 300;

// A count fits a long long with room to spare ("25 million" does; a hostile "999...9k" not).
bool Countable(const Quantity& q) { return q.low >= 0 && q.high >= q.low && q.high < 1e15; }

// Ranges that never overlap one another, sorted, so that an overlap test is a binary search:
// a page of 40,000 numbers costs in proportion to its size, not its square.
class DisjointRanges {
 public:
  bool Overlaps(ByteRange r) const {
    auto it = ranges_.lower_bound(r.end);  // the first range that starts at or after r's end
    return it != ranges_.begin() && std::prev(it)->second > r.begin;
  }
  // True when a range overlaps `r` without lying inside it.
  bool OverlapsAcross(ByteRange r) const {
    for (auto it = ranges_.lower_bound(r.end); it != ranges_.begin();) {
      --it;
      if (it->second <= r.begin) break;
      if (it->first < r.begin || it->second > r.end) return true;
    }
    return false;
  }
  void Add(ByteRange r) { ranges_.emplace(r.begin, r.end); }

 private:
  std::map<std::size_t, std::size_t> ranges_;  // begin -> end
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<RatePer> ReadPer(std::string_view words) {
  if (Contains(words, "hour")) return RatePer::kHour;
  if (Contains(words, "day") || Contains(words, "daily")) return RatePer::kDay;
  if (Contains(words, "week")) return RatePer::kWeek;
  if (Contains(words, "month") || Contains(words, "pcm")) return RatePer::kMonth;
  if (Contains(words, "annum") || Contains(words, "year") || Contains(words, "annual") ||
      Contains(words, "p.a") || words == "pa") {
    return RatePer::kYear;
  }
  return std::nullopt;
}

// "scan" -> "scans", "study" -> "studies", "analysis" -> "analyses": units are kept plural.
std::string PluralUnit(std::string_view unit) {
  std::string u;
  for (char c : unit) {
    if (c == '\n') c = ' ';
    if (c == ' ' && (u.empty() || u.back() == ' ')) continue;
    u.push_back(c);
  }
  while (!u.empty() && u.back() == ' ') u.pop_back();
  if (u.empty()) return u;
  const std::size_t space = u.rfind(' ');
  std::string last = u.substr(space == std::string::npos ? 0 : space + 1);
  const std::string head = space == std::string::npos ? "" : u.substr(0, space + 1);
  auto ends = [&](std::string_view s) {
    return last.size() >= s.size() && last.compare(last.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("sis")) {
    last = last.substr(0, last.size() - 3) + "ses";
  } else if (ends("ies") || ends("ses") || ends("s")) {
    // already plural
  } else if (ends("y") && last.size() > 1 && std::string_view("aeiou").find(last[last.size() - 2]) == std::string_view::npos) {
    last = last.substr(0, last.size() - 1) + "ies";
  } else {
    last += "s";
  }
  return head + last;
}

class Scanner {
 public:
  Scanner(std::string_view original, const RuleSet& rules, const FactContext& context)
      : original_(original),
        folded_(original, FoldOptions{.fold_line_breaks = false}),
        text_(folded_.text()),
        layout_(text_),
        rules_(rules),
        context_(context) {
    // Byte offset of every code point of the original, to cut quotes.
    const auto* s = reinterpret_cast<const unsigned char*>(original.data());
    for (std::size_t i = 0; i < original.size(); ++i) {
      if ((s[i] & 0xC0) != 0x80) cp_bytes_.push_back(i);
    }
    cp_bytes_.push_back(original.size());
    if (context.reply_date) reply_month_ = MonthOfIsoDate(*context.reply_date);
  }

  PageFacts Run() {
    PageFacts facts;
    // Dates are checked against the calendar, so they are trusted first; a time inside
    // "2024-10-15T12:07:55" is part of the date, not an other number.
    FindDates(&facts);
    FindMoney(&facts);
    FindOtherNumbers(&facts);
    FindPeriods(&facts);
    FindUsage(&facts);
    FindExemptions(&facts);
    FindCues(&facts);
    return facts;
  }

 private:
  struct Original {
    int start = 0;
    int end = 0;
    std::string quote;
  };

  Original Map(ByteRange r) const {
    Original o;
    o.start = folded_.OriginalStart(r.begin);
    o.end = std::max(o.start, folded_.OriginalEnd(r.end));
    const std::size_t b = cp_bytes_[static_cast<std::size_t>(o.start)];
    const std::size_t e = cp_bytes_[static_cast<std::size_t>(o.end)];
    o.quote = std::string(original_.substr(b, e - b));
    return o;
  }

  std::string_view Slice(std::size_t begin, std::size_t end) const {
    return text_.substr(begin, end - begin);
  }
  std::string_view GroupText(const RuleMatch& m, std::string_view name) const {
    const GroupSpan* g = m.Group(name);
    return g == nullptr ? std::string_view() : Slice(g->begin, g->end);
  }
  const RuleInfo& Info(const RuleMatch& m) const {
    return rules_.rules()[static_cast<std::size_t>(m.rule)];
  }
  // A fact never runs from one table row into the next line ("20\nOct 2023" is no date).
  bool CrossesTableRow(std::size_t begin, std::size_t end) const {
    const int first = layout_.LineOf(begin);
    const int last = layout_.LineOf(end > begin ? end - 1 : begin);
    if (first == last) return false;
    for (int l = first; l <= last; ++l) {
      if (!layout_.lines()[static_cast<std::size_t>(l)].cells.empty()) return true;
    }
    return false;
  }
  bool Claimed(ByteRange r) const { return claimed_.Overlaps(r); }
  // Keeps the context-accepted matches, then the longest of any overlapping group (ties: the
  // earlier rule, then the earlier start), returned in text order.
  std::vector<RuleMatch> Accepted(RuleKind kind, bool resolve_overlaps) const {
    std::vector<RuleMatch> matches;
    for (RuleMatch& m : rules_.MatchAll(kind, text_)) {
      if (CrossesTableRow(m.begin, m.end)) continue;
      const ByteRange sentence = layout_.SentenceAround(m.begin);
      const ByteRange window{std::min(sentence.begin, m.begin), std::max(sentence.end, m.end)};
      if (!rules_.ContextMatches(m.rule, Slice(window.begin, window.end))) continue;
      matches.push_back(std::move(m));
    }
    if (!resolve_overlaps) return matches;
    std::vector<std::size_t> order(matches.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const std::size_t la = matches[a].end - matches[a].begin;
      const std::size_t lb = matches[b].end - matches[b].begin;
      if (la != lb) return la > lb;
      if (matches[a].rule != matches[b].rule) return matches[a].rule < matches[b].rule;
      return matches[a].begin < matches[b].begin;
    });
    std::vector<RuleMatch> kept;
    DisjointRanges kept_ranges;
    for (std::size_t i : order) {
      const ByteRange r{matches[i].begin, matches[i].end};
      if (kept_ranges.Overlaps(r)) continue;
      kept_ranges.Add(r);
      kept.push_back(matches[i]);
    }
    std::sort(kept.begin(), kept.end(), [](const RuleMatch& a, const RuleMatch& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
    });
    return kept;
  }

  void FindOtherNumbers(PageFacts* facts) {
    for (const RuleMatch& m : Accepted(RuleKind::kNotUsage, true)) {
      if (Claimed({m.begin, m.end})) continue;
      const Original o = Map({m.begin, m.end});
      facts->other_numbers.push_back(OtherNumber{o.start, o.end, o.quote, Info(m).name});
      claimed_.Add({m.begin, m.end});
    }
  }

  void FindMoney(PageFacts* facts) {
    for (const RuleMatch& m : Accepted(RuleKind::kMoney, true)) {
      if (Claimed({m.begin, m.end})) continue;
      std::optional<double> low = ParseAmount(GroupText(m, "num"));
      std::optional<double> high = low;
      if (m.Group("num2") != nullptr) high = ParseAmount(GroupText(m, "num2"));
      if (!low || !high) continue;
      // "£25-30k": the multiplier on the high bound applies to the low one too.
      if (m.Group("num2") != nullptr) {
        if (std::optional<Quantity> q = ParseQuantity(std::string(GroupText(m, "num")) + "-" +
                                                       std::string(GroupText(m, "num2")))) {
          low = q->low;
          high = q->high;
        }
      }
      const std::string_view whole = Slice(m.begin, m.end);
      std::string currency = "GBP";
      if (Contains(whole, "$") || Contains(whole, "dollar") || Contains(whole, "usd")) currency = "USD";
      if (Contains(whole, "\u20ac") || Contains(whole, "euro") || Contains(whole, "eur")) currency = "EUR";
      Money money;
      money.low = *low;
      money.high = std::max(*low, *high);
      money.currency = currency;
      money.approximate = m.Group("approx") != nullptr;
      if (m.Group("per") != nullptr) money.per = ReadPer(GroupText(m, "per"));
      const Original o = Map({m.begin, m.end});
      money.start = o.start;
      money.end = o.end;
      money.quote = o.quote;
      money.rule = Info(m).name;
      facts->money.push_back(money);
      claimed_.Add({m.begin, m.end});
    }
  }

  DateRole RoleOf(const RuleMatch& m) const {
    const int line = layout_.LineOf(m.begin);
    const Line& l = layout_.lines()[static_cast<std::size_t>(line)];
    const std::string_view before = Slice(l.range.begin, m.begin);
    const std::string_view after = Slice(m.end, l.range.end);
    if (StartsWith(before, "sent:") || (StartsWith(before, "date:") && Contains(Slice(m.begin, m.end), ":"))) {
      return DateRole::kEmailHeader;
    }
    // A label on the line above, as saved disclosure-log pages lay out "Date of response" and
    // its value.
    if (line > 0 && before.find_first_not_of(" ") == std::string_view::npos) {
      const Line& above = layout_.lines()[static_cast<std::size_t>(line - 1)];
      const std::string_view label = Slice(above.range.begin, above.range.end);
      if (label.size() <= 30) {
        if (Contains(label, "received")) return DateRole::kReceived;
        if (Contains(label, "date of response") || Contains(label, "response date") ||
            Contains(label, "date responded") || Contains(label, "date sent") ||
            Contains(label, "response sent"))
          return DateRole::kLetterDate;
      }
    }
    if (Contains(before, "received") || Contains(before, "request dated") ||
        Contains(before, "request of") || Contains(before, "dated")) {
      return DateRole::kReceived;
    }
    if (StartsWith(before, "date:") || Contains(before, "date of response") ||
        Contains(before, "response date") || Contains(before, "date responded") ||
        Contains(before, "date of reply") || Contains(before, "date sent") ||
        Contains(before, "date completed") || Contains(before, "date issued") ||
        Contains(before, "response sent")) {
      return DateRole::kLetterDate;
    }
    // A date alone on its line near the top of a page is a letter's date.
    auto only_filler = [](std::string_view s) {
      for (char c : s) {
        if (c != ' ' && c != ',' && c != '.' && !(c >= 'a' && c <= 'z')) return false;
      }
      return s.size() <= 12;  // room for a weekday name
    };
    if (line < 40 && only_filler(before) && only_filler(after) && after.size() <= 1) {
      return DateRole::kLetterDate;
    }
    return DateRole::kOther;
  }

  static bool ValidDay(int year, int month, int day) {
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    if (month == 2 && day == 29) return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1];
  }

  void FindDates(PageFacts* facts) {
    for (const RuleMatch& m : Accepted(RuleKind::kDate, true)) {
      if (Claimed({m.begin, m.end})) continue;
      const std::string_view ms = GroupText(m, "m");
      std::optional<int> month = MonthNumber(ms);
      if (!month && !ms.empty() && IsDigit(ms.front())) {
        const int v = std::stoi(std::string(ms));
        if (v >= 1 && v <= 12) month = v;
      }
      const std::string_view ds = GroupText(m, "d");
      const std::optional<int> year = ParseYear(GroupText(m, "y"));
      if (!month || !year || ds.empty() || !IsDigit(ds.front())) continue;
      const int day = std::stoi(std::string(ds));
      if (!ValidDay(*year, *month, day)) continue;
      char iso[40];  // room for any int, so the compiler can prove no truncation
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", *year, *month, day);
      DateMention date;
      date.iso = iso;
      date.role = RoleOf(m);
      date.letter_date_hint = date.role == DateRole::kLetterDate;
      const Original o = Map({m.begin, m.end});
      date.start = o.start;
      date.end = o.end;
      date.quote = o.quote;
      date.rule = Info(m).name;
      date.line = layout_.LineOf(m.begin);
      facts->dates.push_back(date);
      claimed_.Add({m.begin, m.end});
    }
  }

  std::optional<int> MonthsCount(std::string_view text) const {
    const std::optional<double> v = ParseAmount(text);
    if (!v || *v < 1 || *v > 600) return std::nullopt;
    return static_cast<int>(*v);
  }

  // Interprets a period match by its named groups (see rules/README.md).
  std::optional<Period> MakePeriod(const RuleMatch& m) const {
    Period p;
    MonthRange range;
    if (m.Group("fy1") != nullptr) {
      const std::optional<int> y1 = ParseYear(GroupText(m, "fy1"));
      const std::optional<int> y2 = ParseYear(GroupText(m, "fy2"));
      // "23/24" is a financial year only when the second year follows the first.
      if (!y1 || !y2 || (*y2 % 100) != ((*y1 + 1) % 100)) return std::nullopt;
      range = FinancialYear(*y1);
    } else if (m.Group("m1") != nullptr) {
      const std::optional<int> m1 = MonthNumber(GroupText(m, "m1"));
      if (!m1) return std::nullopt;
      std::optional<int> y1 = ParseYear(GroupText(m, "y1"));
      if (m.Group("m2") != nullptr) {
        const std::optional<int> m2 = MonthNumber(GroupText(m, "m2"));
        const std::optional<int> y2 = ParseYear(GroupText(m, "y2"));
        if (!m2 || !y2) return std::nullopt;
        // "June - Sept 2024": the first month takes the year, or the one before if it is later.
        if (!y1) y1 = *m1 <= *m2 ? *y2 : *y2 - 1;
        range = {Month{*y1, *m1}, Month{*y2, *m2}};
        if (*y1 * 12 + *m1 > *y2 * 12 + *m2) return std::nullopt;
      } else {
        if (!y1) return std::nullopt;
        if (m.Group("since") != nullptr) {
          range = {Month{*y1, *m1}, reply_month_};
        } else if (m.Group("asof") != nullptr) {
          range = {std::nullopt, Month{*y1, *m1}};
        } else {
          range = {Month{*y1, *m1}, Month{*y1, *m1}};
        }
      }
    } else if (m.Group("months") != nullptr) {
      p.months = MonthsCount(GroupText(m, "months"));
      if (!p.months) return std::nullopt;
      if (m.Group("m2") != nullptr) {  // "the 12 months to 30 September 2024"
        const std::optional<int> m2 = MonthNumber(GroupText(m, "m2"));
        const std::optional<int> y2 = ParseYear(GroupText(m, "y2"));
        if (!m2 || !y2) return std::nullopt;
        const Month end{*y2, *m2};
        range = {AddMonths(end, 1 - *p.months), end};
      } else {
        range = PreviousMonths(reply_month_, *p.months);
      }
    } else if (m.Group("ryear") != nullptr) {
      if (m.Group("fin") != nullptr) {
        p.months = 12;
        range = PreviousFinancialYear(reply_month_);
      } else if (m.Group("cal") != nullptr) {
        p.months = 12;
        if (reply_month_) range = {Month{reply_month_->year - 1, 1}, Month{reply_month_->year - 1, 12}};
      } else {
        p.months = 12;
        range = PreviousMonths(reply_month_, 12);
      }
    } else if (m.Group("cy") != nullptr) {
      const std::optional<int> y = ParseYear(GroupText(m, "cy"));
      if (!y) return std::nullopt;
      range = {Month{*y, 1}, Month{*y, 12}};
    } else {
      return std::nullopt;
    }
    if (range.start) p.start_month = FormatMonth(*range.start);
    if (range.end) p.end_month = FormatMonth(*range.end);
    const Original o = Map({m.begin, m.end});
    p.start = o.start;
    p.end = o.end;
    p.quote = o.quote;
    p.text = o.quote;
    p.rule = Info(m).name;
    return p;
  }

  void FindPeriods(PageFacts* facts) {
    for (const RuleMatch& m : Accepted(RuleKind::kPeriod, true)) {
      // A period may hold whole dates ("between 1 October 2023 and 30 September 2024"), but
      // not part of a date, a sum of money or a reference.
      if (claimed_.OverlapsAcross({m.begin, m.end})) continue;
      std::optional<Period> p = MakePeriod(m);
      if (!p) continue;
      period_ranges_.push_back({m.begin, m.end});
      periods_.Add({m.begin, m.end});
      facts->periods.push_back(*p);
    }
  }

  // The period that the text ties to `figure`: one starting inside the figure or right after
  // it in the same sentence, with only a few non-digit characters between. An index into
  // period_ranges_.
  std::optional<std::size_t> PeriodAfter(ByteRange figure) const {
    const ByteRange sentence = layout_.SentenceAround(figure.begin);
    // period_ranges_ is in text order: start at the first that begins at the figure.
    auto from = std::lower_bound(period_ranges_.begin(), period_ranges_.end(), figure.begin,
                                 [](const ByteRange& r, std::size_t at) { return r.begin < at; });
    for (auto i = static_cast<std::size_t>(from - period_ranges_.begin()); i < period_ranges_.size(); ++i) {
      const ByteRange r = period_ranges_[i];
      if (r.begin >= figure.end) {
        if (r.begin > std::max(sentence.end, figure.end)) break;
        const std::string_view gap = Slice(figure.end, r.begin);
        if (gap.size() > 40) continue;
        if (std::any_of(gap.begin(), gap.end(), IsDigit) || Contains(gap, "|")) continue;
      }
      return i;
    }
    return std::nullopt;
  }

  // A period written before `figure` ("In 23/24, 887 scans were analysed"): the nearest one
  // that ends before it in the same sentence, with no clause break and no other figure (of
  // `figures`) between, and not already taken as the period after an earlier figure ("887
  // scans in 23/24 and 57 reports": the 57 has no period). An index into period_ranges_.
  std::optional<std::size_t> PeriodBefore(ByteRange figure, const DisjointRanges& figures,
                                          const std::vector<bool>& taken_after) const {
    const ByteRange sentence = layout_.SentenceAround(figure.begin);
    // Periods do not overlap and are in text order: the nearest before is the last that
    // begins before the figure, if it also ends before it.
    auto after = std::lower_bound(period_ranges_.begin(), period_ranges_.end(), figure.begin,
                                  [](const ByteRange& r, std::size_t at) { return r.begin < at; });
    if (after == period_ranges_.begin()) return std::nullopt;
    const std::size_t nearest = static_cast<std::size_t>(std::prev(after) - period_ranges_.begin());
    const ByteRange r = period_ranges_[nearest];
    if (r.begin < sentence.begin || r.end > figure.begin || taken_after[nearest]) return std::nullopt;
    // "In 23/24, 887 scans": a period that far back (a hostile run-on sentence) is not this
    // figure's; the cap also keeps the gap checks below cheap.
    if (figure.begin - r.end > kPeriodBeforeReach) return std::nullopt;
    const ByteRange gap{r.end, figure.begin};
    if (figures.Overlaps(gap)) return std::nullopt;
    if (layout_.ClauseBreakBetween(gap.begin, gap.end) || Contains(Slice(gap.begin, gap.end), "|")) {
      return std::nullopt;
    }
    return nearest;
  }

  std::optional<Period> PeriodWithin(const PageFacts& facts, ByteRange where) const {
    auto from = std::lower_bound(period_ranges_.begin(), period_ranges_.end(), where.begin,
                                 [](const ByteRange& r, std::size_t at) { return r.begin < at; });
    for (auto it = from; it != period_ranges_.end() && it->begin < where.end; ++it) {
      if (it->end <= where.end) return facts.periods[static_cast<std::size_t>(it - period_ranges_.begin())];
    }
    return std::nullopt;
  }

  void FindUsage(PageFacts* facts) {
    // Numbers inside money, dates, other numbers or periods are never usage.
    auto blocked = [&](ByteRange r) { return claimed_.Overlaps(r) || periods_.Overlaps(r); };
    struct Candidate {
      RuleMatch match;
      Quantity quantity;
    };
    std::vector<Candidate> candidates;
    for (const RuleMatch& m : Accepted(RuleKind::kUsage, false)) {
      const GroupSpan* num = m.Group("num");
      if (num == nullptr) continue;
      if (blocked({num->begin, num->end})) continue;
      std::optional<Quantity> q = ParseQuantity(GroupText(m, "num"));
      if (!q) continue;
      candidates.push_back({m, *q});
    }
    // Longest match wins among usage rules, then the earlier rule.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      const std::size_t la = a.match.end - a.match.begin;
      const std::size_t lb = b.match.end - b.match.begin;
      if (la != lb) return la > lb;
      return a.match.rule < b.match.rule;
    });
    DisjointRanges taken;
    // The figures kept here, parallel to facts->usage from `first` on, and which periods they
    // took as written after them.
    const std::size_t first = facts->usage.size();
    std::vector<ByteRange> figures;
    DisjointRanges figure_ranges;
    std::vector<bool> taken_after(period_ranges_.size(), false);
    for (const Candidate& c : candidates) {
      const ByteRange r{c.match.begin, c.match.end};
      if (taken.Overlaps(r)) continue;
      taken.Add(r);
      if (!Countable(c.quantity)) continue;
      UsageFigure f;
      f.low = std::llround(c.quantity.low);
      f.high = std::llround(c.quantity.high);
      f.approximate = c.match.Group("approx") != nullptr || c.quantity.approximate;
      if (c.match.Group("per") != nullptr) {
        f.per = ReadPer(GroupText(c.match, "per"));
        if (f.per == RatePer::kHour) continue;  // "£25 per hour" territory: not usage
      }
      f.unit = PluralUnit(GroupText(c.match, "unit"));
      if (const std::optional<std::size_t> after = PeriodAfter(r)) {
        f.period = facts->periods[*after];
        taken_after[*after] = true;
      }
      const Original o = Map(r);
      f.start = o.start;
      f.end = o.end;
      f.quote = o.quote;
      f.rule = Info(c.match).name;
      f.line = layout_.LineOf(r.begin);
      const Line& line = layout_.lines()[static_cast<std::size_t>(f.line)];
      if (!line.cells.empty()) f.cell = layout_.CellOf(f.line, r.begin);
      facts->usage.push_back(f);
      figures.push_back(r);
      figure_ranges.Add(r);
    }
    // Only once every figure and its period after are known: a period before a figure must
    // not reach past another figure or be one that an earlier figure already took.
    for (std::size_t i = 0; i < figures.size(); ++i) {
      UsageFigure& f = facts->usage[first + i];
      if (f.period) continue;
      if (const std::optional<std::size_t> before = PeriodBefore(figures[i], figure_ranges, taken_after)) {
        f.period = facts->periods[*before];
      }
    }
    FindTableUsage(facts, blocked, taken);
    std::sort(facts->usage.begin(), facts->usage.end(), [](const UsageFigure& a, const UsageFigure& b) {
      return a.start < b.start;
    });
  }

  // Bare numbers in a table column whose header says usage ("Usage 23/24", "Studies").
  template <typename Blocked>
  void FindTableUsage(PageFacts* facts, const Blocked& blocked, const DisjointRanges& taken) {
    const std::optional<int> header_rule = rules_.FindRule("usage.table_header");
    const std::optional<int> cell_rule = rules_.FindRule("usage.table_cell");
    if (!header_rule || !cell_rule) return;
    for (const Table& table : layout_.tables()) {
      const Line& header = layout_.lines()[static_cast<std::size_t>(table.header_line)];
      for (int row = table.header_line + 1; row <= table.last_line; ++row) {
        const Line& line = layout_.lines()[static_cast<std::size_t>(row)];
        for (std::size_t c = 1; c < line.cells.size() && c < header.cells.size(); ++c) {
          const ByteRange cell = line.cells[c];
          const ByteRange head = header.cells[c];
          const std::optional<RuleMatch> h = rules_.FirstMatch(*header_rule, Slice(head.begin, head.end));
          if (!h) continue;
          const std::optional<RuleMatch> m = rules_.FullMatch(*cell_rule, Slice(cell.begin, cell.end));
          if (!m || m->Group("num") == nullptr) continue;
          if (blocked(cell) || taken.Overlaps(cell)) continue;
          std::optional<Quantity> q = ParseQuantity(Slice(cell.begin + m->Group("num")->begin, cell.begin + m->Group("num")->end));
          if (!q || !Countable(*q)) continue;
          UsageFigure f;
          f.low = std::llround(q->low);
          f.high = std::llround(q->high);
          f.approximate = m->Group("approx") != nullptr || q->approximate;
          const std::string_view head_text = Slice(head.begin, head.end);
          if (const GroupSpan* unit = h->Group("unit")) {
            const std::string_view written = head_text.substr(unit->begin, unit->end - unit->begin);
            // A column headed "Usage" holds usage; it does not name what was counted.
            if (written != "usage") f.unit = PluralUnit(written);
          }
          // The row's own label ("Oct 2023") says its period; else the header's ("Usage
          // 23/24"); else the table's title ("RapidAI - studies processed (previous year)").
          const ByteRange label = line.cells[0];
          f.period = PeriodWithin(*facts, label);
          if (!f.period) f.period = PeriodWithin(*facts, head);
          if (!f.period && table.title_line) {
            f.period = PeriodWithin(*facts, layout_.lines()[static_cast<std::size_t>(*table.title_line)].range);
          }
          const Original o = Map(cell);
          f.start = o.start;
          f.end = o.end;
          f.quote = o.quote;
          f.rule = "usage.table_cell";
          f.line = row;
          f.cell = static_cast<int>(c);
          f.row_label = Map(label).quote;
          facts->usage.push_back(f);
        }
      }
    }
  }

  void FindExemptions(PageFacts* facts) {
    for (const RuleMatch& m : Accepted(RuleKind::kExemption, false)) {
      std::vector<std::string> sections;
      sections.push_back("s" + std::to_string(std::stoi(std::string(GroupText(m, "sec")))));
      // "sections 40 and 43": the other numbers, skipping subsections in parentheses.
      const std::string_view more = GroupText(m, "more");
      int depth = 0;
      for (std::size_t i = 0; i < more.size(); ++i) {
        if (more[i] == '(') ++depth;
        if (more[i] == ')') --depth;
        if (depth == 0 && IsDigit(more[i]) && (i == 0 || !IsDigit(more[i - 1]))) {
          std::size_t j = i;
          while (j < more.size() && IsDigit(more[j])) ++j;
          sections.push_back("s" + std::to_string(std::stoi(std::string(more.substr(i, j - i)))));
        }
      }
      const Original o = Map({m.begin, m.end});
      std::set<std::string> seen;
      for (const std::string& s : sections) {
        if (!seen.insert(s).second) continue;
        facts->exemptions.push_back(Exemption{s, o.start, o.end, o.quote, Info(m).name});
      }
    }
  }

  static std::optional<CueType> CueTypeOfRule(std::string_view name) {
    std::optional<CueType> best;
    std::size_t best_len = 0;
    for (CueType t : kAllCueTypes) {
      const std::string_view tn = CueTypeName(t);
      if ((name == tn || (StartsWith(name, tn) && name.size() > tn.size() && name[tn.size()] == '.')) &&
          tn.size() > best_len) {
        best = t;
        best_len = tn.size();
      }
    }
    return best;
  }

  // Does line `line` start with question number `n` ("Question 1:", "Q1.", "1.", "1)")?
  bool LineHasQuestionNumber(int line, int n) const {
    const Line& l = layout_.lines()[static_cast<std::size_t>(line)];
    std::string_view s = Slice(l.range.begin, l.range.end);
    if (StartsWith(s, "> ")) s.remove_prefix(2);
    if (StartsWith(s, "question ")) {
      s.remove_prefix(9);
    } else if (StartsWith(s, "q")) {
      s.remove_prefix(1);
    }
    const std::string number = std::to_string(n);
    return StartsWith(s, number) && (s.size() == number.size() || !IsDigit(s[number.size()]));
  }

  void FindCues(PageFacts* facts) {
    std::vector<RuleMatch> matches = Accepted(RuleKind::kCue, false);
    // The AI-use questions on the page, which one-word answers refer to.
    std::vector<std::pair<int, std::size_t>> ai_questions;  // (first line, end byte)
    for (const RuleMatch& m : matches) {
      if (StartsWith(Info(m).name, "request_echo.ai_use_question")) {
        ai_questions.emplace_back(layout_.LineOf(m.begin), m.end);
      }
    }
    std::sort(ai_questions.begin(), ai_questions.end());
    struct Found {
      Cue cue;
      ByteRange range;
    };
    std::vector<Found> found;
    for (const RuleMatch& m : matches) {
      const std::optional<CueType> type = CueTypeOfRule(Info(m).name);
      if (!type) continue;
      ByteRange range{m.begin, m.end};
      Cue cue;
      cue.type = *type;
      cue.rule = Info(m).name;
      cue.line = layout_.LineOf(m.begin);
      if (m.Group("answer") != nullptr) {
        const GroupSpan* answer = m.Group("answer");
        range = {answer->begin, answer->end};
        // A one-word answer answers the AI-use question on its own line or just above it,
        // or the question with the same number.
        if (const GroupSpan* q = m.Group("qnum")) {
          cue.question_number = std::stoi(std::string(Slice(q->begin, q->end)));
        }
        // Only questions above the answer, and not far above it, can be the one it answers:
        // a page of many answers and questions stays linear.
        // Without a number, only a question ending on the answer's line or up to 3 lines above
        // can count, and a question spans a few lines at most: look 10 back.
        const int answer_at = layout_.LineOf(answer->begin);
        const int reach = cue.question_number ? kQuestionReach : 10;
        const auto window_begin = std::lower_bound(ai_questions.begin(), ai_questions.end(),
                                                   std::make_pair(answer_at - reach, std::size_t{0}));
        const auto window_end = std::upper_bound(ai_questions.begin(), ai_questions.end(),
                                                 std::make_pair(answer_at, SIZE_MAX));
        for (auto q = window_begin; q != window_end; ++q) {
          const auto& [qline, qend] = *q;
          const int answer_line = answer_at;
          const int end_line = layout_.LineOf(qend > 0 ? qend - 1 : 0);
          bool answers = false;
          if (qend <= answer->begin && end_line == answer_line) answers = true;
          if (qend <= answer->begin && end_line < answer_line && answer_line - end_line <= 3) {
            int blank_or_text = 0;
            for (int k = end_line + 1; k < answer_line; ++k) {
              const Line& l = layout_.lines()[static_cast<std::size_t>(k)];
              if (l.range.end > l.range.begin) ++blank_or_text;
            }
            answers = blank_or_text == 0 && answer_line - end_line <= 3;
          }
          if (!answers && cue.question_number && LineHasQuestionNumber(qline, *cue.question_number)) {
            answers = true;
          }
          if (answers) {
            cue.question_line = qline;
            break;
          }
        }
        // A bare "Yes." with no question found and no number is not a status.
        if (!cue.question_line && !cue.question_number) continue;
      }
      if (cue.type == CueType::kNegation || cue.type == CueType::kHypothetical) {
        const std::size_t scope = layout_.ClauseEnd(m.end);
        cue.scope_end = Map({scope, scope}).start;
      }
      const Original o = Map(range);
      cue.start = o.start;
      cue.end = o.end;
      cue.quote = o.quote;
      found.push_back({cue, range});
    }
    // Deployment and status cues compete: the longest wins ("not in use" over "in use").
    // Deployment cues compete with each other, and status cues (with not_held) with each
    // other; a status cue does not hide the deployment cue inside it.
    auto family = [](CueType t) {
      switch (t) {
        case CueType::kDeploymentLive: case CueType::kDeploymentPilot:
        case CueType::kDeploymentPlanned: case CueType::kDeploymentNotInUse:
          return 1;
        case CueType::kStatusUsesAi: case CueType::kStatusNoAi: case CueType::kNotHeld:
          return 2;
        default:
          return 0;
      }
    };
    auto negative = [](CueType t) {
      return t == CueType::kStatusNoAi || t == CueType::kNotHeld || t == CueType::kDeploymentNotInUse ||
             t == CueType::kDeploymentPlanned;
    };
    std::vector<std::size_t> order(found.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return found[a].range.end - found[a].range.begin > found[b].range.end - found[b].range.begin;
    });
    // Only overlapping cues compete: list, for each, the overlapping ones later in `order`
    // (a sweep in text order), so a page of many cues costs no more than their overlaps.
    std::vector<std::size_t> rank(found.size());
    for (std::size_t oi = 0; oi < order.size(); ++oi) rank[order[oi]] = oi;
    std::vector<std::size_t> by_begin(found.size());
    for (std::size_t i = 0; i < by_begin.size(); ++i) by_begin[i] = i;
    std::sort(by_begin.begin(), by_begin.end(), [&](std::size_t a, std::size_t b) {
      return found[a].range.begin < found[b].range.begin;
    });
    std::vector<std::vector<std::size_t>> rivals(found.size());  // by rank, ascending
    for (std::size_t a = 0; a < by_begin.size(); ++a) {
      for (std::size_t b = a + 1; b < by_begin.size() &&
                                  found[by_begin[b]].range.begin < found[by_begin[a]].range.end;
           ++b) {
        const std::size_t x = by_begin[a];
        const std::size_t y = by_begin[b];
        if (!Overlaps(found[x].range, found[y].range)) continue;
        if (rank[x] < rank[y]) rivals[x].push_back(y);
        else rivals[y].push_back(x);
      }
    }
    for (auto& list : rivals) {
      std::sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) { return rank[a] < rank[b]; });
    }
    std::vector<bool> keep(found.size(), true);
    for (std::size_t oi = 0; oi < order.size(); ++oi) {
      const std::size_t i = order[oi];
      if (!keep[i]) continue;
      for (const std::size_t j : rivals[i]) {
        if (!keep[j]) continue;
        const CueType ti = found[i].cue.type;
        const CueType tj = found[j].cue.type;
        if (family(ti) != 0 && family(ti) == family(tj)) keep[j] = false;
        // A negation that overlaps a cue which already says "not" adds nothing.
        if (tj == CueType::kNegation && negative(ti)) keep[j] = false;
        if (ti == CueType::kNegation && negative(tj)) {
          keep[i] = false;
          break;
        }
        if (ti == tj) keep[j] = false;
        // "currently use" inside "does not currently use any AI" is not a live cue.
        if (negative(ti) && (tj == CueType::kDeploymentLive || tj == CueType::kStatusUsesAi) &&
            found[j].range.begin >= found[i].range.begin && found[j].range.end <= found[i].range.end) {
          keep[j] = false;
        }
      }
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (keep[i]) facts->cues.push_back(found[i].cue);
    }
    std::stable_sort(facts->cues.begin(), facts->cues.end(), [](const Cue& a, const Cue& b) {
      return a.start < b.start;
    });
  }

  std::string_view original_;
  FoldedText folded_;
  std::string_view text_;
  PageLayout layout_;
  const RuleSet& rules_;
  const FactContext& context_;
  std::vector<std::size_t> cp_bytes_;
  std::optional<Month> reply_month_;
  DisjointRanges claimed_;                // money, dates, other numbers
  std::vector<ByteRange> period_ranges_;  // parallel to PageFacts::periods, in text order
  DisjointRanges periods_;                // the same ranges, for overlap tests
};

}  // namespace

PageFacts FindFacts(std::string_view page_text, const RuleSet& rules, const FactContext& context) {
  Scanner scanner(page_text, rules, context);
  return scanner.Run();
}

}  // namespace foicode::facts
