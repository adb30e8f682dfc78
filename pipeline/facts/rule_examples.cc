// Checks rules/ examples: each fact becomes key=value strings, compared with `expect` lines.
#include "facts/rule_examples.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "core/facts.h"
#include "facts/find_facts.h"

namespace foicode::facts {
namespace {

using Values = std::map<std::string, std::string>;

std::string Bool(bool b) { return b ? "true" : "false"; }
std::string Opt(const std::optional<std::string>& s) { return s ? *s : "null"; }
std::string OptInt(const std::optional<int>& i) { return i ? std::to_string(*i) : "null"; }
std::string Per(const std::optional<RatePer>& per) {
  return per ? std::string(RatePerName(*per)) : "none";
}
std::string Number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

// The original text between two code point offsets.
std::string Cut(const std::string& text, int start, int end) {
  std::string out;
  int index = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++index;
    if (index - 1 >= start && index - 1 < end) out.push_back(text[i]);
  }
  return out;
}

std::string_view RoleName(DateRole role) {
  switch (role) {
    case DateRole::kOther: return "other";
    case DateRole::kLetterDate: return "letter";
    case DateRole::kEmailHeader: return "email_header";
    case DateRole::kReceived: return "received";
  }
  return "";
}

std::vector<Values> FactsOfRule(const PageFacts& facts, const RuleInfo& rule, const std::string& text) {
  std::vector<Values> out;
  // The table header rule is shown through the cell figures it lets through.
  const std::string name = rule.name == "usage.table_header" ? "usage.table_cell" : rule.name;
  switch (rule.kind) {
    case RuleKind::kUsage:
      for (const UsageFigure& f : facts.usage) {
        if (f.rule != name) continue;
        out.push_back({{"low", std::to_string(f.low)}, {"high", std::to_string(f.high)},
                       {"approx", Bool(f.approximate)}, {"per", Per(f.per)}, {"unit", f.unit},
                       {"period_start", f.period ? Opt(f.period->start_month) : "null"},
                       {"period_end", f.period ? Opt(f.period->end_month) : "null"},
                       {"months", f.period ? OptInt(f.period->months) : "null"},
                       {"period", f.period ? f.period->text : ""}, {"quote", f.quote},
                       {"cell", OptInt(f.cell)}, {"row_label", f.row_label}});
      }
      break;
    case RuleKind::kPeriod:
      for (const Period& p : facts.periods) {
        if (p.rule != name) continue;
        out.push_back({{"start", Opt(p.start_month)}, {"end", Opt(p.end_month)},
                       {"months", OptInt(p.months)}, {"quote", p.quote}});
      }
      break;
    case RuleKind::kDate:
      for (const DateMention& d : facts.dates) {
        if (d.rule != name) continue;
        out.push_back({{"iso", d.iso}, {"role", std::string(RoleName(d.role))},
                       {"letter", Bool(d.letter_date_hint)}, {"quote", d.quote}});
      }
      break;
    case RuleKind::kMoney:
      for (const Money& m : facts.money) {
        if (m.rule != name) continue;
        out.push_back({{"low", Number(m.low)}, {"high", Number(m.high)}, {"currency", m.currency},
                       {"approx", Bool(m.approximate)}, {"per", Per(m.per)}, {"quote", m.quote}});
      }
      break;
    case RuleKind::kExemption:
      for (const Exemption& e : facts.exemptions) {
        if (e.rule != name) continue;
        out.push_back({{"section", e.section}, {"quote", e.quote}});
      }
      break;
    case RuleKind::kCue:
      for (const Cue& c : facts.cues) {
        if (c.rule != name) continue;
        out.push_back({{"type", std::string(CueTypeName(c.type))}, {"quote", c.quote},
                       {"scope", c.scope_end ? Cut(text, c.start, *c.scope_end) : "null"},
                       {"question_line", OptInt(c.question_line)},
                       {"question_number", OptInt(c.question_number)}});
      }
      break;
    case RuleKind::kNotUsage:
      for (const OtherNumber& n : facts.other_numbers) {
        if (n.rule != name) continue;
        out.push_back({{"quote", n.quote}});
      }
      break;
    case RuleKind::kCommon:
      break;
  }
  return out;
}

std::string Describe(const Values& values) {
  std::string out;
  for (const auto& [k, v] : values) {
    if (!out.empty()) out += " ";
    out += k + "=\"" + v + "\"";
  }
  return out;
}

}  // namespace

ExampleResult RunRuleExample(const RuleSet& rules, const RuleInfo& rule, const RuleExample& example) {
  ExampleResult result;
  result.file = rule.file;
  result.line = example.line;
  result.rule = rule.name;
  result.text = example.text;
  result.counter = example.counter;
  FactContext context;
  context.reply_date = example.reply_date;
  const PageFacts facts = FindFacts(example.text, rules, context);
  const std::vector<Values> found = FactsOfRule(facts, rule, example.text);
  std::string found_text;
  for (const Values& v : found) found_text += "\n    " + Describe(v);
  if (example.counter) {
    result.passed = found.empty();
    if (!result.passed) result.message = "counter example matched:" + found_text;
    return result;
  }
  if (found.empty()) {
    result.message = "rule " + rule.name + " found nothing in: " + example.text;
    return result;
  }
  for (const auto& expect : example.expects) {
    bool met = false;
    for (const Values& v : found) {
      bool all = true;
      for (const auto& [key, value] : expect) {
        auto it = v.find(key);
        all = all && it != v.end() && it->second == value;
      }
      met = met || all;
    }
    if (!met) {
      Values wanted(expect.begin(), expect.end());
      result.message = "expected " + Describe(wanted) + "\n  found:" + found_text;
      return result;
    }
  }
  result.passed = true;
  return result;
}

std::vector<ExampleResult> RunRuleExamples(const RuleSet& rules) {
  std::vector<ExampleResult> results;
  for (const RuleInfo& rule : rules.rules()) {
    for (const RuleExample& example : rule.examples) {
      results.push_back(RunRuleExample(rules, rule, example));
    }
  }
  return results;
}

}  // namespace foicode::facts
