// The facts stage's rules: loads rules/*.rules (RE2 patterns over folded text, each rule with
// its examples), compiles them once, and finds their matches. The syntax is in rules/README.md.
#ifndef FOICODE_PIPELINE_FACTS_RULE_SET_H_
#define FOICODE_PIPELINE_FACTS_RULE_SET_H_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace foicode::facts {

// Which recogniser a rules file feeds; the file's name says it (usage.rules -> kUsage).
enum class RuleKind {
  kCommon,     // common.rules: only `define` lines, visible in every file
  kUsage,      // usage.rules
  kPeriod,     // period.rules
  kDate,       // dates.rules
  kMoney,      // money.rules
  kExemption,  // exemptions.rules
  kCue,        // cues.rules
  kNotUsage,   // not_usage.rules: numbers that are never usage (references, phones, ...)
};

// "usage", "period", ... : the file stem of a kind.
std::string_view RuleKindName(RuleKind kind);

// One `example` or `counter` line of a rule, with the lines that qualify it.
struct RuleExample {
  int line = 0;          // 1-based line in the rules file
  std::string text;      // "\n" in the file is decoded to a line break
  bool counter = false;  // true: the rule must NOT find anything in `text`
  std::optional<std::string> reply_date;  // from `given reply_date=YYYY-MM-DD`
  // One entry per `expect` line: key=value pairs, in file order. Each line must be met by one
  // fact of the rule found in `text`.
  std::vector<std::vector<std::pair<std::string, std::string>>> expects;
};

// A rule as written, after {NAME} expansion.
struct RuleInfo {
  std::string name;     // "usage.count_unit"
  RuleKind kind = RuleKind::kUsage;
  std::string file;     // the path as loaded ("rules/usage.rules")
  int line = 0;         // 1-based line of `rule NAME`
  std::string pattern;  // expanded RE2 pattern
  std::optional<std::string> context;  // expanded `context` pattern, if any
  std::vector<RuleExample> examples;
};

// A capture group that took part in a match: byte offsets into the matched text.
struct GroupSpan {
  std::string name;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// One match of one rule: byte offsets into the text given to Match*.
struct RuleMatch {
  int rule = 0;  // index into RuleSet::rules()
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<GroupSpan> groups;  // named groups that participated, in pattern order

  // The named group's span, or nullptr when it did not take part.
  const GroupSpan* Group(std::string_view name) const;
};

// Compiled rules. Immutable after loading; safe for concurrent use. Not copyable: hold it in
// the std::unique_ptr LoadRuleSet gives and pass it as const&.
class RuleSet {
 public:
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // Every rule, in load order (files sorted by name, rules in file order).
  const std::vector<RuleInfo>& rules() const;
  // The index of the rule named `name`, or nullopt.
  std::optional<int> FindRule(std::string_view name) const;

  // Every match of every rule of `kind` in `text` (folded text; see core/folded_text.h).
  // Per rule, matches do not overlap and are leftmost-first. A match that starts or ends in
  // the middle of a word (a letter or digit on both sides, Unicode-aware) is skipped. The
  // `context` pattern is not checked here: the caller passes the match's sentence to
  // ContextMatches. Sorted by begin, then rule index. The usage.table_* rules, which are for
  // table cells, are not tried.
  std::vector<RuleMatch> MatchAll(RuleKind kind, std::string_view text) const;
  // The match of rule `rule` over the whole of `text` (anchored at both ends), or nullopt.
  std::optional<RuleMatch> FullMatch(int rule, std::string_view text) const;
  // The leftmost match of rule `rule` anywhere in `text` (no word-boundary check), or nullopt.
  std::optional<RuleMatch> FirstMatch(int rule, std::string_view text) const;
  // True when rule `rule` has no `context` pattern or it matches somewhere in `window`.
  bool ContextMatches(int rule, std::string_view window) const;

 private:
  friend Status LoadRuleSetFromFiles(const std::string& dir,
                                     const std::vector<std::pair<std::string, std::string>>& files,
                                     std::unique_ptr<const RuleSet>* out);
  struct Impl;
  RuleSet();
  std::unique_ptr<Impl> impl_;
};

// Loads every *.rules file in `dir`. On success sets *out. On failure returns an error whose
// message names file:line (with the line and a caret under the column for a bad pattern):
// an unknown file name or key, a rule without `match` or `example`, a duplicate rule name, an
// unknown or cyclic {NAME}, a bad pattern, an `expect` key the kind does not know, a missing
// required capture group. *out is untouched then.
Status LoadRuleSet(const std::filesystem::path& dir, std::unique_ptr<const RuleSet>* out);

// Loads rules from in-memory files (name -> contents), as LoadRuleSet does from disk; `dir`
// is only used in messages. For tests of the loader's error text.
Status LoadRuleSetFromFiles(const std::string& dir,
                            const std::vector<std::pair<std::string, std::string>>& files,
                            std::unique_ptr<const RuleSet>* out);

}  // namespace foicode::facts

#endif  // FOICODE_PIPELINE_FACTS_RULE_SET_H_
