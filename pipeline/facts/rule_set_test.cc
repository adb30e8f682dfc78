// The rules loader: exact error text (file:line, the line and a caret) for every kind of
// mistake a researcher can make, and what a good file compiles to.
#include "facts/rule_set.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace foicode::facts {
namespace {

std::string LoadError(const std::string& file, const std::string& contents) {
  std::unique_ptr<const RuleSet> rules;
  const Status status = LoadRuleSetFromFiles("rules", {{file, contents}}, &rules);
  EXPECT_EQ(rules == nullptr, !status.ok());
  return status.message();
}

TEST(LoadRuleSetTest, ErrorsNameFileAndLine) {
  const std::pair<std::string, std::string> cases[] = {
      {"rule usage.a\n  match (?P<num>\\d+) (?P<unit>[a-z ]+\n  example 3 scans\n",
       "rules/usage.rules:2: bad pattern: missing ): (?P<num>\\d+) (?P<unit>[a-z ]+\n"
       "  match (?P<num>\\d+) (?P<unit>[a-z ]+\n"
       "        ^ near here"},
      {"rule usage.a\n  match (?P<num>\\d+) scans\n",
       "rules/usage.rules:1: rule usage.a has no example"},
      {"rule usage.a\n  example 3 scans\n",
       "rules/usage.rules:1: rule usage.a has no match line"},
      {"rule usage.a\n  match (?P<num>\\d+)\n  example 3\nrule usage.a\n  match (?P<num>\\d+)\n  example 4\n",
       "rules/usage.rules:4: duplicate rule usage.a (first at rules/usage.rules:1)"},
      {"rule usage.a\n  match (?P<num>\\d+) {NOPE}\n  example 3\n",
       "rules/usage.rules:2: unknown name {NOPE}"},
      {"define A {B}\ndefine B {A}\nrule usage.a\n  match (?P<num>{A})\n  example 3\n",
       "rules/usage.rules:4: cyclic define: A -> B -> A"},
      {"rule usage.a\n  match (?P<num>\\d+)\n  sample 3\n",
       "rules/usage.rules:3: unknown key \"sample\" (expected match, context, example, given, "
       "expect or counter)"},
      {"rule usage.a\n  match (?P<num>\\d+)\n  example 3\n  expect colour=red\n",
       "rules/usage.rules:4: unknown expect key \"colour\" for usage rules (known: low, high, "
       "approx, per, unit, period_start, period_end, months, period, quote, cell, row_label)"},
      {"rule usage.a\n  match \\d+\n  example 3\n",
       "rules/usage.rules:2: rule usage.a needs a (?P<num>...) group"},
      {"frobnicate\n", "rules/usage.rules:1: unknown key \"frobnicate\" (expected define or rule)"},
      {"define lower x\n", "rules/usage.rules:1: define needs an UPPER_CASE name"},
      {"rule usage.a\n  match (?P<num>\\d+)\n  expect low=3\n",
       "rules/usage.rules:3: expect must follow an example line"},
      {"rule usage.a\n  match (?P<num>\\d+)\n  example 3\n  expect unit=\"scans\n",
       "rules/usage.rules:4: unterminated quoted value for unit"},
  };
  for (const auto& [contents, want] : cases) {
    EXPECT_EQ(LoadError("usage.rules", contents), want) << contents;
  }
}

TEST(LoadRuleSetTest, RejectsUnknownFileAndCueType) {
  EXPECT_EQ(LoadError("colours.rules", "rule x\n"),
            "rules/colours.rules: unknown rules file (expected one of common, usage, period, "
            "dates, money, exemptions, cues, not_usage .rules)");
  EXPECT_EQ(LoadError("cues.rules", "rule maybe.x\n  match x\n  example x\n"),
            "rules/cues.rules:1: cue rule maybe.x does not start with a cue type "
            "(deployment.live, negation, status.uses_ai, ...)");
}

TEST(LoadRuleSetTest, ExpandsDefinesAndDecodesExamples) {
  std::unique_ptr<const RuleSet> rules;
  const Status status = LoadRuleSetFromFiles(
      "rules",
      {{"common.rules", "define N \\d+\n"},
       {"usage.rules", "# comment\ndefine U scans\nrule usage.a\n  match (?P<num>{N}) {U}\n"
                       "  example a | b\\nc 3 scans\n  given reply_date=2024-10-07\n"
                       "  expect low=3 unit=\"\"\n  counter none\n"}},
      &rules);
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(rules->rules().size(), 1u);
  const RuleInfo& rule = rules->rules()[0];
  EXPECT_EQ(rule.pattern, "(?P<num>(?:\\d+)) (?:scans)");
  EXPECT_EQ(rule.file, "rules/usage.rules");
  EXPECT_EQ(rule.line, 3);
  ASSERT_EQ(rule.examples.size(), 2u);
  EXPECT_EQ(rule.examples[0].text, "a | b\nc 3 scans");
  EXPECT_EQ(rule.examples[0].reply_date, "2024-10-07");
  ASSERT_EQ(rule.examples[0].expects.size(), 1u);
  EXPECT_EQ(rule.examples[0].expects[0][1], (std::pair<std::string, std::string>{"unit", ""}));
  EXPECT_TRUE(rule.examples[1].counter);
}

TEST(LoadRuleSetTest, MatchAllHonoursUnicodeWordBoundaries) {
  std::unique_ptr<const RuleSet> rules;
  ASSERT_TRUE(LoadRuleSetFromFiles("rules", {{"cues.rules", "rule negation.a\n  match ai\n  example ai\n"}},
                                   &rules).ok());
  // RE2's \b would accept "ai" after "é"; the loader's boundary check does not.
  EXPECT_TRUE(rules->MatchAll(RuleKind::kCue, "\xc3\xa9" "ai").empty());
  EXPECT_EQ(rules->MatchAll(RuleKind::kCue, "- ai -").size(), 1u);
  EXPECT_TRUE(rules->MatchAll(RuleKind::kCue, "said").empty());
}

TEST(LoadRuleSetTest, MissingFolderIsAnError) {
  std::unique_ptr<const RuleSet> rules;
  const Status status = LoadRuleSet("/nonexistent/rules", &rules);
  EXPECT_EQ(status.message(), "/nonexistent/rules: not a rules folder");
}

}  // namespace
}  // namespace foicode::facts
