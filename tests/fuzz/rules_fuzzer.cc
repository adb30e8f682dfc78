// Fuzzes the rules loader. The input is one rules file: its name on the first line
// ("usage.rules", "common.rules", ...), then its text. It is loaded beside the checkout's
// common.rules (unless it replaces it), whose {NAME} definitions every file may use; when it
// loads, every rule's examples are matched, as `foicode check` does.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "facts/rule_set.h"

namespace {

const std::string& CommonRules() {
  static const auto* text = [] {
    std::ifstream in(FOICODE_SOURCE_DIR "/rules/common.rules", std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return new std::string(out.str());
  }();
  return *text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using foicode::facts::RuleSet;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  const std::string name(input.substr(0, newline));
  std::vector<std::pair<std::string, std::string>> files;
  if (name != "common.rules") files.emplace_back("common.rules", CommonRules());
  files.emplace_back(name, std::string(input.substr(newline + 1)));
  std::unique_ptr<const RuleSet> rules;
  if (!foicode::facts::LoadRuleSetFromFiles("rules", files, &rules).ok()) return 0;
  for (std::size_t i = 0; i < rules->rules().size(); ++i) {
    const int rule = static_cast<int>(i);
    for (const auto& example : rules->rules()[i].examples) {
      rules->MatchAll(rules->rules()[i].kind, example.text);
      rules->FullMatch(rule, example.text);
      rules->FirstMatch(rule, example.text);
      rules->ContextMatches(rule, example.text);
    }
  }
  return 0;
}
