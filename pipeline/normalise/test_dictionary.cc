#include "normalise/test_dictionary.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

namespace foicode::normalise::testing {

const Dictionary& RealDictionary() {
  static const Dictionary* dictionary = [] {
    static std::unique_ptr<const Dictionary> loaded;
    const Status status =
        LoadDictionary(std::filesystem::path(FOICODE_SOURCE_DIR) / "dictionaries", &loaded);
    EXPECT_TRUE(status.ok()) << status.message();
    // Every caller dereferences the result: stop here rather than crash somewhere less clear.
    if (loaded == nullptr) std::abort();
    return loaded.get();
  }();
  return *dictionary;
}

}  // namespace foicode::normalise::testing
