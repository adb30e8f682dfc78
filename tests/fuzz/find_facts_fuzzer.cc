// Fuzzes FindFacts (figures, periods, dates, money, exemptions, cues) over one page of text,
// with the checkout's rules loaded once. The first line of the input, when it is an ISO date,
// is the reply's date; the rest is the page. Pages are valid UTF-8, as extraction gives them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "facts/find_facts.h"
#include "facts/period.h"

namespace {

const foicode::facts::RuleSet& Rules() {
  static const foicode::facts::RuleSet* rules = [] {
    std::unique_ptr<const foicode::facts::RuleSet> loaded;
    if (foicode::Status s = foicode::facts::LoadRuleSet(FOICODE_SOURCE_DIR "/rules", &loaded);
        !s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      std::abort();
    }
    return loaded.release();
  }();
  return *rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  foicode::FactContext context;
  if (const std::size_t newline = input.find('\n'); newline != std::string_view::npos) {
    const std::string_view first = input.substr(0, newline);
    if (first.size() == 10 && foicode::facts::MonthOfIsoDate(first)) {
      context.reply_date = std::string(first);
      input.remove_prefix(newline + 1);
    }
  }
  const std::string page = foicode::ToValidUtf8(input);
  foicode::facts::FindFacts(page, Rules(), context);
  return 0;
}
