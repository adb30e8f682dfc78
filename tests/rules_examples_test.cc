// Every example and counter written in rules/ runs as its own test, named after its file and
// line (UsageRulesLine14), so a researcher's edit that breaks one fails by name.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <ostream>
#include <memory>
#include <string>
#include <vector>

#include "facts/rule_examples.h"
#include "facts/rule_set.h"

namespace foicode::facts {
namespace {

struct ExampleCase {
  const RuleInfo* rule = nullptr;
  const RuleExample* example = nullptr;
};

const RuleSet& Rules() {
  static const RuleSet* rules = [] {
    std::unique_ptr<const RuleSet> loaded;
    const Status status = LoadRuleSet(std::filesystem::path(FOICODE_SOURCE_DIR) / "rules", &loaded);
    if (!status.ok()) {
      ADD_FAILURE() << status.message();
      return static_cast<const RuleSet*>(nullptr);
    }
    return loaded.release();
  }();
  return *rules;
}

std::vector<ExampleCase> AllExamples() {
  std::vector<ExampleCase> cases;
  for (const RuleInfo& rule : Rules().rules()) {
    for (const RuleExample& example : rule.examples) cases.push_back({&rule, &example});
  }
  return cases;
}

// Failure messages show the rule and line rather than the case's bytes.
void PrintTo(const ExampleCase& c, std::ostream* os) {
  *os << c.rule->file << ":" << c.example->line << " " << c.rule->name;
}

// "rules/not_usage.rules" line 14 -> "NotUsageRulesLine14".
std::string CaseName(const ::testing::TestParamInfo<ExampleCase>& info) {
  const std::string stem = std::filesystem::path(info.param.rule->file).stem().string();
  std::string name;
  bool upper = true;
  for (char c : stem) {
    if (c == '_') {
      upper = true;
      continue;
    }
    name.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return name + "RulesLine" + std::to_string(info.param.example->line);
}

class RulesExamplesTest : public ::testing::TestWithParam<ExampleCase> {};

TEST_P(RulesExamplesTest, Holds) {
  const ExampleCase& c = GetParam();
  const ExampleResult result = RunRuleExample(Rules(), *c.rule, *c.example);
  EXPECT_TRUE(result.passed) << result.file << ":" << result.line << " rule " << result.rule
                             << (result.counter ? " counter: " : " example: ") << result.text
                             << "\n  " << result.message;
}

INSTANTIATE_TEST_SUITE_P(Rules, RulesExamplesTest, ::testing::ValuesIn(AllExamples()), CaseName);

TEST(RulesExamplesTest, EveryRuleHasAnExample) {
  for (const RuleInfo& rule : Rules().rules()) {
    bool has = false;
    for (const RuleExample& e : rule.examples) has = has || !e.counter;
    EXPECT_TRUE(has) << rule.name;
  }
  EXPECT_GT(Rules().rules().size(), 20u);
}

TEST(RulesExamplesTest, RunRuleExamplesCoversEveryExample) {
  std::size_t count = 0;
  for (const RuleInfo& rule : Rules().rules()) count += rule.examples.size();
  const std::vector<ExampleResult> results = RunRuleExamples(Rules());
  EXPECT_EQ(results.size(), count);
}

}  // namespace
}  // namespace foicode::facts
