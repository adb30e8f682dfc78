// Runs the examples and counters written in rules/ against FindFacts, for `foicode check`
// and tests/rules_examples_test.cc.
#ifndef FOICODE_PIPELINE_FACTS_RULE_EXAMPLES_H_
#define FOICODE_PIPELINE_FACTS_RULE_EXAMPLES_H_

#include <string>
#include <vector>

#include "facts/rule_set.h"

namespace foicode::facts {

struct ExampleResult {
  std::string file;     // "rules/usage.rules"
  int line = 0;         // 1-based line of the example or counter
  std::string rule;     // "usage.count_unit"
  std::string text;     // the example text
  bool counter = false;
  bool passed = false;
  std::string message;  // why it failed: what was expected and what was found; empty if passed
};

// Runs one example of one rule: FindFacts on the example text (with its `given` reply date),
// then checks that the rule found something (each `expect` line met by one of its facts), or
// for a counter that the rule found nothing.
ExampleResult RunRuleExample(const RuleSet& rules, const RuleInfo& rule, const RuleExample& example);

// Every example and counter of every rule, in load order.
std::vector<ExampleResult> RunRuleExamples(const RuleSet& rules);

}  // namespace foicode::facts

#endif  // FOICODE_PIPELINE_FACTS_RULE_EXAMPLES_H_
