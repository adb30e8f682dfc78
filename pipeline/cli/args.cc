#include "cli/args.h"

#include <algorithm>
#include <numeric>

namespace foicode::cli {
namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string ClosestMatch(std::string_view typed, const std::vector<std::string_view>& candidates) {
  std::string best;
  std::size_t best_distance = 0;
  for (std::string_view c : candidates) {
    const std::size_t d = EditDistance(typed, c);
    if (best.empty() || d < best_distance) {
      best = std::string(c);
      best_distance = d;
    }
  }
  // A third of the word may be wrong and it still reads as a typo ("rn", "extarct", "--jbos").
  const std::size_t allowed = std::max<std::size_t>(1, typed.size() / 3);
  return best_distance <= allowed ? best : "";
}

Status ParseArgs(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs,
                 ParsedArgs* parsed) {
  bool flags_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (flags_done || arg.size() < 2 || arg[0] != '-') {
      parsed->positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    const auto eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    const auto spec = std::find_if(specs.begin(), specs.end(),
                                   [&](const FlagSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      std::vector<std::string_view> names;
      for (const FlagSpec& s : specs) names.push_back(s.name);
      const std::string suggestion = ClosestMatch(name, names);
      return Status::Error("unknown flag " + name +
                           (suggestion.empty() ? "" : "; did you mean " + suggestion + "?"));
    }
    if (!spec->takes_value) {
      if (eq != std::string::npos) return Status::Error(name + " takes no value");
      parsed->values[name] = "";
      continue;
    }
    std::string value;
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return Status::Error(name + " needs a value");
    }
    if (value.empty()) return Status::Error(name + " needs a value");
    std::string& stored = parsed->values[name];
    stored = spec->repeatable && !stored.empty() ? stored + "," + value : value;
  }
  return Status::Ok();
}

}  // namespace foicode::cli
