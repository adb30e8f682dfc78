#include "facts/test_rules.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

namespace foicode::facts::testing {

const RuleSet& RealRules() {
  static const RuleSet* rules = [] {
    static std::unique_ptr<const RuleSet> loaded;
    const Status status = LoadRuleSet(std::filesystem::path(FOICODE_SOURCE_DIR) / "rules", &loaded);
    EXPECT_TRUE(status.ok()) << status.message();
    // Every caller dereferences the result: stop here rather than crash somewhere less clear.
    if (loaded == nullptr) std::abort();
    return loaded.get();
  }();
  return *rules;
}

}  // namespace foicode::facts::testing
