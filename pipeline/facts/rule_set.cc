// Parses and compiles rules/*.rules: `define`, `rule`, `match`, `context`, `example`,
// `given`, `expect`, `counter`. Errors point at file:line, with a caret for bad patterns.
#include "facts/rule_set.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>

#include "core/facts.h"
#include "core/utf8.h"

namespace foicode::facts {
namespace {

struct KindInfo {
  RuleKind kind;
  std::string_view stem;
  std::vector<std::string_view> required_groups;
  std::vector<std::string_view> expect_keys;
};

const std::vector<KindInfo>& Kinds() {
  static const auto* kinds = new std::vector<KindInfo>{
      {RuleKind::kCommon, "common", {}, {}},
      {RuleKind::kUsage, "usage", {"num"},
       {"low", "high", "approx", "per", "unit", "period_start", "period_end", "months",
        "period", "quote", "cell", "row_label"}},
      {RuleKind::kPeriod, "period", {}, {"start", "end", "months", "quote"}},
      {RuleKind::kDate, "dates", {"d", "m", "y"}, {"iso", "role", "letter", "quote"}},
      {RuleKind::kMoney, "money", {"num"},
       {"low", "high", "currency", "approx", "per", "quote"}},
      {RuleKind::kExemption, "exemptions", {"sec"}, {"section", "quote"}},
      {RuleKind::kCue, "cues", {},
       {"type", "quote", "scope", "question_line", "question_number"}},
      {RuleKind::kNotUsage, "not_usage", {}, {"quote"}},
  };
  return *kinds;
}

const KindInfo* KindByStem(std::string_view stem) {
  for (const KindInfo& k : Kinds()) {
    if (k.stem == stem) return &k;
  }
  return nullptr;
}

const KindInfo& KindOf(RuleKind kind) {
  for (const KindInfo& k : Kinds()) {
    if (k.kind == kind) return k;
  }
  return Kinds().front();
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool IsDefineName(std::string_view name) {
  if (name.empty() || !(name[0] >= 'A' && name[0] <= 'Z')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsRuleName(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

// "\n" in an example stands for a line break, so table rows fit on one line of the file.
std::string DecodeExample(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      out.push_back('\n');
      ++i;
    } else if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '\\') {
      out.push_back('\\');
      ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// Reads `key=value key="value with spaces"` pairs. False (with *error) on a malformed pair.
bool ParsePairs(std::string_view text, std::vector<std::pair<std::string, std::string>>* pairs,
                std::string* error) {
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size()) return true;
    const std::size_t eq = text.find('=', i);
    if (eq == std::string_view::npos) {
      *error = "expected key=value, got \"" + std::string(text.substr(i)) + "\"";
      return false;
    }
    std::string key(Trim(text.substr(i, eq - i)));
    std::string value;
    i = eq + 1;
    if (i < text.size() && text[i] == '"') {
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          value.push_back(text[i + 1] == 'n' ? '\n' : text[i + 1]);
          i += 2;
        } else if (text[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          value.push_back(text[i++]);
        }
      }
      if (!closed) {
        *error = "unterminated quoted value for " + key;
        return false;
      }
    } else {
      while (i < text.size() && text[i] != ' ') value.push_back(text[i++]);
    }
    if (key.empty()) {
      *error = "empty key before '='";
      return false;
    }
    pairs->emplace_back(std::move(key), std::move(value));
  }
}

struct Define {
  std::string body;
  std::string file;
  int line = 0;
};

struct Expander {
  const std::map<std::string, Define>* common;
  const std::map<std::string, Define>* local;
  std::vector<std::string> stack;

  // Expands {NAME} references; false with *error on an unknown name or a cycle.
  bool Expand(std::string_view pattern, std::string* out, std::string* error) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '\\' && i + 1 < pattern.size()) {
        out->push_back(pattern[i]);
        out->push_back(pattern[++i]);
        continue;
      }
      if (pattern[i] == '{') {
        const std::size_t close = pattern.find('}', i);
        if (close != std::string_view::npos) {
          const std::string_view name = pattern.substr(i + 1, close - i - 1);
          // "{2,3}" is an RE2 repetition; only upper-case names are references.
          if (IsDefineName(name)) {
            const Define* define = Lookup(name);
            if (define == nullptr) {
              *error = "unknown name {" + std::string(name) + "}";
              return false;
            }
            if (std::find(stack.begin(), stack.end(), name) != stack.end()) {
              std::string cycle;
              for (const std::string& s : stack) cycle += s + " -> ";
              *error = "cyclic define: " + cycle + std::string(name);
              return false;
            }
            stack.emplace_back(name);
            out->append("(?:");
            if (!Expand(define->body, out, error)) return false;
            out->append(")");
            stack.pop_back();
            i = close;
            continue;
          }
        }
      }
      out->push_back(pattern[i]);
    }
    return true;
  }

  const Define* Lookup(std::string_view name) const {
    const std::string key(name);
    if (auto it = local->find(key); it != local->end()) return &it->second;
    if (auto it = common->find(key); it != common->end()) return &it->second;
    return nullptr;
  }
};

// Where in `line` the caret goes for an RE2 error: under RE2's offending fragment when it
// can be found in the written pattern, else under the pattern's first character.
std::string CaretMessage(const std::string& where, const std::string& what,
                         std::string_view line, std::size_t pattern_column,
                         const std::string& fragment) {
  const std::size_t lead = std::min(line.find_first_not_of(" \t"), pattern_column);
  const std::string shown(Trim(line));
  std::size_t column = pattern_column - lead;
  if (!fragment.empty()) {
    const std::size_t at = shown.find(fragment, column);
    if (at != std::string::npos) column = at;
  }
  return where + ": " + what + "\n  " + shown + "\n  " + std::string(column, ' ') + "^ near here";
}

struct PendingRule {
  RuleInfo info;
  std::string raw_line_text;   // the `match` line as written
  std::size_t pattern_column = 0;
  int match_line = 0;
  std::string raw_context_line;
  std::size_t context_column = 0;
  int context_line = 0;
  bool has_match = false;
};

}  // namespace

std::string_view RuleKindName(RuleKind kind) { return KindOf(kind).stem; }

const GroupSpan* RuleMatch::Group(std::string_view name) const {
  for (const GroupSpan& g : groups) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

struct CompiledRule {
  std::unique_ptr<RE2> re;
  std::unique_ptr<RE2> context;
  std::vector<std::string> group_names;  // by group number; empty for unnamed groups
};

struct RuleSet::Impl {
  std::vector<RuleInfo> rules;
  std::vector<CompiledRule> compiled;
  // One prefilter per kind: RE2::Set says which rules can match a page at all.
  std::map<RuleKind, std::unique_ptr<RE2::Set>> sets;
  std::map<RuleKind, std::vector<int>> set_rules;  // set index -> rule index
};

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::~RuleSet() = default;

const std::vector<RuleInfo>& RuleSet::rules() const { return impl_->rules; }

std::optional<int> RuleSet::FindRule(std::string_view name) const {
  for (std::size_t i = 0; i < impl_->rules.size(); ++i) {
    if (impl_->rules[i].name == name) return static_cast<int>(i);
  }
  return std::nullopt;
}

namespace {

bool IsWordCodePoint(UChar32 c) { return c >= 0 && (u_isalnum(c) != 0); }

std::size_t NextCodePoint(std::string_view text, std::size_t byte) {
  std::size_t next = byte + 1;
  while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
  return next;
}

// RE2's \b is ASCII-only, so boundaries are checked here with Unicode letter/digit classes.
bool AtWordBoundaries(std::string_view text, std::size_t begin, std::size_t end) {
  if (end <= begin) return false;
  if (IsWordCodePoint(CodePointAt(text, begin)) && IsWordCodePoint(CodePointBefore(text, begin))) {
    return false;
  }
  if (IsWordCodePoint(CodePointBefore(text, end)) && IsWordCodePoint(CodePointAt(text, end))) {
    return false;
  }
  return true;
}

RuleMatch MakeMatch(int rule, const CompiledRule& compiled, std::string_view text,
                    const std::vector<re2::StringPiece>& sub) {
  RuleMatch m;
  m.rule = rule;
  m.begin = static_cast<std::size_t>(sub[0].data() - text.data());
  m.end = m.begin + sub[0].size();
  for (std::size_t g = 1; g < sub.size(); ++g) {
    if (sub[g].data() == nullptr || compiled.group_names[g].empty()) continue;
    const auto b = static_cast<std::size_t>(sub[g].data() - text.data());
    m.groups.push_back({compiled.group_names[g], b, b + sub[g].size()});
  }
  return m;
}

}  // namespace

std::vector<RuleMatch> RuleSet::MatchAll(RuleKind kind, std::string_view text) const {
  std::vector<RuleMatch> out;
  auto set_it = impl_->sets.find(kind);
  if (set_it == impl_->sets.end()) return out;
  std::vector<int> hits;
  RE2::Set::ErrorInfo info;
  // A DFA out of memory is not "no match": fall back to trying every rule of the kind.
  if (!set_it->second->Match(text, &hits, &info)) {
    if (info.kind != RE2::Set::kNoError) {
      hits.clear();
      for (std::size_t i = 0; i < impl_->set_rules[kind].size(); ++i) hits.push_back(static_cast<int>(i));
    }
  }
  std::sort(hits.begin(), hits.end());
  for (int hit : hits) {
    const int rule = impl_->set_rules[kind][static_cast<std::size_t>(hit)];
    const CompiledRule& compiled = impl_->compiled[static_cast<std::size_t>(rule)];
    const int groups = compiled.re->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> sub(static_cast<std::size_t>(groups) + 1);
    std::size_t pos = 0;
    while (pos <= text.size()) {
      if (!compiled.re->Match(text, pos, text.size(), RE2::UNANCHORED, sub.data(),
                              groups + 1)) {
        break;
      }
      const auto begin = static_cast<std::size_t>(sub[0].data() - text.data());
      const std::size_t end = begin + sub[0].size();
      if (!AtWordBoundaries(text, begin, end)) {
        pos = NextCodePoint(text, begin);
        continue;
      }
      out.push_back(MakeMatch(rule, compiled, text, sub));
      pos = end > begin ? end : NextCodePoint(text, begin);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const RuleMatch& a, const RuleMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
  });
  return out;
}

std::optional<RuleMatch> RuleSet::FullMatch(int rule, std::string_view text) const {
  const CompiledRule& compiled = impl_->compiled[static_cast<std::size_t>(rule)];
  const int groups = compiled.re->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<std::size_t>(groups) + 1);
  if (!compiled.re->Match(text, 0, text.size(), RE2::ANCHOR_BOTH, sub.data(), groups + 1)) {
    return std::nullopt;
  }
  return MakeMatch(rule, compiled, text, sub);
}

std::optional<RuleMatch> RuleSet::FirstMatch(int rule, std::string_view text) const {
  const CompiledRule& compiled = impl_->compiled[static_cast<std::size_t>(rule)];
  const int groups = compiled.re->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<std::size_t>(groups) + 1);
  if (!compiled.re->Match(text, 0, text.size(), RE2::UNANCHORED, sub.data(), groups + 1)) {
    return std::nullopt;
  }
  return MakeMatch(rule, compiled, text, sub);
}

bool RuleSet::ContextMatches(int rule, std::string_view window) const {
  const CompiledRule& compiled = impl_->compiled[static_cast<std::size_t>(rule)];
  if (compiled.context == nullptr) return true;
  return RE2::PartialMatch(window, *compiled.context);
}

Status LoadRuleSetFromFiles(const std::string& dir,
                            const std::vector<std::pair<std::string, std::string>>& files,
                            std::unique_ptr<const RuleSet>* out) {
  auto sorted = files;
  std::sort(sorted.begin(), sorted.end());
  // common.rules first: its defines are visible in every other file.
  std::stable_partition(sorted.begin(), sorted.end(),
                        [](const auto& f) { return f.first == "common.rules"; });
  std::map<std::string, Define> common;
  std::vector<PendingRule> pending;
  std::map<std::string, std::string> rule_where;  // name -> "file:line"

  for (const auto& [name, contents] : sorted) {
    const std::string path = (std::filesystem::path(dir) / name).generic_string();
    const std::string stem = std::filesystem::path(name).stem().string();
    const KindInfo* kind = KindByStem(stem);
    if (kind == nullptr || std::filesystem::path(name).extension() != ".rules") {
      return Status::Error(path + ": unknown rules file (expected one of common, usage, period, "
                                  "dates, money, exemptions, cues, not_usage .rules)");
    }
    std::map<std::string, Define> local_defines;
    std::map<std::string, Define>& defines =
        kind->kind == RuleKind::kCommon ? common : local_defines;
    std::istringstream in(contents);
    std::string raw;
    int line_no = 0;
    PendingRule* current = nullptr;
    RuleExample* last_example = nullptr;
    auto where = [&](int line) { return path + ":" + std::to_string(line); };
    auto finish = [&](PendingRule* rule) -> Status {
      if (rule == nullptr) return Status::Ok();
      if (!rule->has_match) return Status::Error(where(rule->info.line) + ": rule " + rule->info.name + " has no match line");
      bool has_example = false;
      for (const RuleExample& e : rule->info.examples) has_example = has_example || !e.counter;
      if (!has_example) return Status::Error(where(rule->info.line) + ": rule " + rule->info.name + " has no example");
      return Status::Ok();
    };
    std::size_t first_pending = pending.size();
    while (std::getline(in, raw)) {
      ++line_no;
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      const std::string_view line = Trim(raw);
      if (line.empty() || line.front() == '#') continue;
      const bool indented = raw[0] == ' ' || raw[0] == '\t';
      const std::size_t key_end = line.find_first_of(" \t");
      const std::string key(line.substr(0, key_end));
      const std::string_view value =
          key_end == std::string_view::npos ? std::string_view() : Trim(line.substr(key_end));
      const std::size_t value_column =
          value.empty() ? raw.size() : static_cast<std::size_t>(value.data() - raw.data());
      if (!indented) {
        if (key == "define") {
          const std::size_t sp = value.find_first_of(" \t");
          const std::string dname(value.substr(0, sp));
          if (!IsDefineName(dname)) return Status::Error(where(line_no) + ": define needs an UPPER_CASE name");
          if (sp == std::string_view::npos || Trim(value.substr(sp)).empty()) {
            return Status::Error(where(line_no) + ": define " + dname + " has an empty pattern");
          }
          if (defines.count(dname) != 0 || (kind->kind != RuleKind::kCommon && common.count(dname) != 0)) {
            return Status::Error(where(line_no) + ": define " + dname + " is already defined");
          }
          defines[dname] = Define{std::string(Trim(value.substr(sp))), path, line_no};
          current = nullptr;
          continue;
        }
        if (key == "rule") {
          if (kind->kind == RuleKind::kCommon) return Status::Error(where(line_no) + ": common.rules holds only define lines");
          if (Status s = finish(current); !s.ok()) return s;
          const std::string rname(value);
          if (!IsRuleName(rname)) return Status::Error(where(line_no) + ": a rule name is lower case letters, digits, '_' and '.'");
          if (auto it = rule_where.find(rname); it != rule_where.end()) {
            return Status::Error(where(line_no) + ": duplicate rule " + rname + " (first at " + it->second + ")");
          }
          if (kind->kind == RuleKind::kCue) {
            bool known = false;
            for (CueType t : kAllCueTypes) {
              const std::string_view tn = CueTypeName(t);
              known = known || rname == tn ||
                      (rname.size() > tn.size() && rname.compare(0, tn.size(), tn) == 0 && rname[tn.size()] == '.');
            }
            if (!known) return Status::Error(where(line_no) + ": cue rule " + rname + " does not start with a cue type (deployment.live, negation, status.uses_ai, ...)");
          }
          rule_where[rname] = where(line_no);
          pending.push_back(PendingRule{});
          current = &pending.back();
          current->info.name = rname;
          current->info.kind = kind->kind;
          current->info.file = path;
          current->info.line = line_no;
          last_example = nullptr;
          continue;
        }
        return Status::Error(where(line_no) + ": unknown key \"" + key + "\" (expected define or rule)");
      }
      if (current == nullptr) return Status::Error(where(line_no) + ": \"" + key + "\" outside a rule");
      if (key == "match" || key == "context") {
        if (value.empty()) return Status::Error(where(line_no) + ": empty " + key + " pattern");
        if (key == "match") {
          if (current->has_match) return Status::Error(where(line_no) + ": rule " + current->info.name + " has a second match line");
          current->has_match = true;
          current->info.pattern = std::string(value);
          current->raw_line_text = raw;
          current->pattern_column = value_column;
          current->match_line = line_no;
        } else {
          current->info.context = std::string(value);
          current->raw_context_line = raw;
          current->context_column = value_column;
          current->context_line = line_no;
        }
      } else if (key == "example" || key == "counter") {
        if (value.empty()) return Status::Error(where(line_no) + ": empty " + key);
        RuleExample example;
        example.line = line_no;
        example.text = DecodeExample(value);
        example.counter = key == "counter";
        current->info.examples.push_back(std::move(example));
        last_example = &current->info.examples.back();
      } else if (key == "expect" || key == "given") {
        if (last_example == nullptr || last_example->counter) {
          return Status::Error(where(line_no) + ": " + key + " must follow an example line");
        }
        std::vector<std::pair<std::string, std::string>> pairs;
        std::string error;
        if (!ParsePairs(value, &pairs, &error)) return Status::Error(where(line_no) + ": " + error);
        if (key == "given") {
          for (const auto& [k, v] : pairs) {
            if (k != "reply_date") return Status::Error(where(line_no) + ": unknown given key \"" + k + "\" (expected reply_date)");
            last_example->reply_date = v;
          }
        } else {
          for (const auto& [k, v] : pairs) {
            if (std::find(kind->expect_keys.begin(), kind->expect_keys.end(), k) == kind->expect_keys.end()) {
              std::string known;
              for (std::string_view e : kind->expect_keys) known += (known.empty() ? "" : ", ") + std::string(e);
              return Status::Error(where(line_no) + ": unknown expect key \"" + k + "\" for " + std::string(kind->stem) + " rules (known: " + known + ")");
            }
          }
          last_example->expects.push_back(std::move(pairs));
        }
      } else {
        return Status::Error(where(line_no) + ": unknown key \"" + key + "\" (expected match, context, example, given, expect or counter)");
      }
    }
    if (Status s = finish(current); !s.ok()) return s;
    // Expand with this file's defines now, while they are in scope.
    for (std::size_t i = first_pending; i < pending.size(); ++i) {
      PendingRule& rule = pending[i];
      Expander expander{&common, &local_defines, {}};
      std::string expanded, error;
      if (!expander.Expand(rule.info.pattern, &expanded, &error)) {
        return Status::Error(where(rule.match_line) + ": " + error);
      }
      rule.info.pattern = expanded;
      if (rule.info.context) {
        std::string ctx;
        Expander cexp{&common, &local_defines, {}};
        if (!cexp.Expand(*rule.info.context, &ctx, &error)) {
          return Status::Error(where(rule.context_line) + ": " + error);
        }
        rule.info.context = ctx;
      }
    }
  }

  auto set = std::unique_ptr<RuleSet>(new RuleSet());
  RE2::Options options;
  options.set_log_errors(false);
  // Leftmost-longest: the order of alternatives in a rule never hides a longer word
  // ("refus(?:e|ed)" still matches all of "refused").
  options.set_longest_match(true);
  for (PendingRule& rule : pending) {
    CompiledRule compiled;
    const std::string at = rule.info.file + ":" + std::to_string(rule.match_line);
    compiled.re = std::make_unique<RE2>(rule.info.pattern, options);
    if (!compiled.re->ok()) {
      return Status::Error(CaretMessage(at, "bad pattern: " + compiled.re->error(), rule.raw_line_text,
                                        rule.pattern_column, compiled.re->error_arg()));
    }
    if (rule.info.context) {
      compiled.context = std::make_unique<RE2>(*rule.info.context, options);
      if (!compiled.context->ok()) {
        return Status::Error(CaretMessage(rule.info.file + ":" + std::to_string(rule.context_line),
                                          "bad pattern: " + compiled.context->error(),
                                          rule.raw_context_line, rule.context_column,
                                          compiled.context->error_arg()));
      }
    }
    compiled.group_names.assign(static_cast<std::size_t>(compiled.re->NumberOfCapturingGroups()) + 1, "");
    for (const auto& [gname, index] : compiled.re->NamedCapturingGroups()) {
      compiled.group_names[static_cast<std::size_t>(index)] = gname;
    }
    // The table header rule only says which columns hold usage: it reads no number.
    const bool header_rule = rule.info.name == "usage.table_header";
    for (std::string_view required : KindOf(rule.info.kind).required_groups) {
      if (header_rule) break;
      if (compiled.re->NamedCapturingGroups().count(std::string(required)) == 0) {
        return Status::Error(at + ": rule " + rule.info.name + " needs a (?P<" + std::string(required) + ">...) group");
      }
    }
    const int index = static_cast<int>(set->impl_->rules.size());
    // The table rules are tried on table cells only (FirstMatch, FullMatch): run over the whole
    // page they would match every number, only to be thrown away.
    const bool cells_only = rule.info.name.rfind("usage.table_", 0) == 0;
    if (!cells_only) {
      auto& prefilter = set->impl_->sets[rule.info.kind];
      if (prefilter == nullptr) prefilter = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
      std::string error;
      if (prefilter->Add(rule.info.pattern, &error) < 0) {
        return Status::Error(at + ": bad pattern: " + error);
      }
      set->impl_->set_rules[rule.info.kind].push_back(index);
    }
    set->impl_->rules.push_back(std::move(rule.info));
    set->impl_->compiled.push_back(std::move(compiled));
  }
  for (auto& [kind, prefilter] : set->impl_->sets) {
    if (!prefilter->Compile()) {
      return Status::Error(dir + ": the " + std::string(RuleKindName(kind)) + " rules are too large to compile together");
    }
  }
  *out = std::move(set);
  return Status::Ok();
}

Status LoadRuleSet(const std::filesystem::path& dir, std::unique_ptr<const RuleSet>* out) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::Error(dir.generic_string() + ": not a rules folder");
  }
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".rules") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    if (!in) return Status::Error(entry.path().generic_string() + ": cannot be read");
    std::ostringstream contents;
    contents << in.rdbuf();
    files.emplace_back(entry.path().filename().string(), contents.str());
  }
  if (ec) return Status::Error(dir.generic_string() + ": " + ec.message());
  if (files.empty()) return Status::Error(dir.generic_string() + ": no .rules files");
  return LoadRuleSetFromFiles(dir.generic_string(), files, out);
}

}  // namespace foicode::facts
