// Test-only: the project's real rules/, loaded once for all tests that need them.
#ifndef FOICODE_PIPELINE_FACTS_TEST_RULES_H_
#define FOICODE_PIPELINE_FACTS_TEST_RULES_H_

#include "facts/rule_set.h"

namespace foicode::facts::testing {

// Loads rules/ from the source tree on first use; a load error fails the calling test.
const RuleSet& RealRules();

}  // namespace foicode::facts::testing

#endif  // FOICODE_PIPELINE_FACTS_TEST_RULES_H_
