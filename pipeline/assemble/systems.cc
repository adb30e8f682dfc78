#include "assemble/systems.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <deque>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "core/ascii.h"
#include "core/flag.h"
#include "core/utf8.h"

namespace foicode::assemble {
namespace {

constexpr std::size_t kMaxEvidence = 20;  // per system: enough to review, not the whole reply
// Figures kept per system and unattributed: a breakdown by day for years is not a review task;
// more are dropped with a limit_reached flag.
constexpr std::size_t kMaxUsage = 200;
constexpr int kLongestName = 200;    // code points: longer than any dictionary name
constexpr int kLongestScope = 4000;  // code points: a negation's clause is far shorter

struct Mention {
  const AnalysedSource* source = nullptr;
  const AnalysedPage* page = nullptr;
  const NameMention* name = nullptr;
  int sentence = -1;  // in page->units.sentences(); -1 when in no sentence
  bool negated = false;
  bool hypothetical = false;
  int system = -1;    // index of its group
};

struct NameGroup {
  std::optional<std::string> vendor;
  std::optional<std::string> product;
  std::optional<std::string> subspecialty;
  bool unknown = false;
  bool described = false;  // described, not named: vendor and product null
  int parent = -1;  // union-find: -1 for a root
  int first_mention = 0;
};

bool InScope(const Cue& cue, int offset) {
  return cue.scope_end && cue.start <= offset && offset < *cue.scope_end;
}

int Rank(Deployment d) {  // the stricter reading wins within one sentence
  switch (d) {
    case Deployment::kNotInUse: return 4;
    case Deployment::kPlanned: return 3;
    case Deployment::kPilot: return 2;
    case Deployment::kLive: return 1;
    case Deployment::kUnknown: return 0;
  }
  return 0;
}

std::optional<Deployment> DeploymentOf(CueType type) {
  switch (type) {
    case CueType::kDeploymentLive: return Deployment::kLive;
    case CueType::kDeploymentPilot: return Deployment::kPilot;
    case CueType::kDeploymentPlanned: return Deployment::kPlanned;
    case CueType::kDeploymentNotInUse: return Deployment::kNotInUse;
    default: return std::nullopt;
  }
}

// Code points [start, end) of the page, at most `limit` of them, as lower-case ASCII (anything
// else becomes a space): enough to look for English words.
std::string LowerAscii(const AnalysedPage& page, int start, int end, int limit) {
  std::string text;
  const std::u32string& cps = page.units.code_points();
  for (int i = std::max(start, 0); i < end && i < start + limit && i < static_cast<int>(cps.size()); ++i) {
    const char32_t c = cps[i];
    text += c < 0x80 ? static_cast<char>(std::tolower(static_cast<int>(c))) : ' ';
  }
  return text;
}

// Where a usage figure sat: a table cell (with its row's label and its table) or prose.
struct FigurePlace {
  bool in_table = false;
  std::string row_label;
  std::pair<const AnalysedPage*, int> table{nullptr, -1};  // page, first row of the table
};

class Builder {
 public:
  Builder(const std::vector<const AnalysedSource*>& sources, const normalise::Dictionary& dictionary)
      : sources_(sources), dictionary_(dictionary) {}

  SystemsFound Build() {
    CollectMentions();
    CollectDescribedSystems();
    JoinGroups();
    SystemsFound out;
    std::vector<int> roots;
    for (int g = 0; g < static_cast<int>(groups_.size()); ++g) {
      if (Root(g) == g) roots.push_back(g);
    }
    std::map<int, int> system_of_root;
    for (int root : roots) {
      system_of_root[root] = static_cast<int>(out.systems.size());
      if (groups_[root].described) described_systems_.insert(static_cast<int>(out.systems.size()));
      out.systems.push_back(MakeSystem(root));
    }
    for (Mention& m : mentions_) m.system = system_of_root[Root(m.system)];
    IndexMentions(out.systems.size());
    SetDeployments(&out.systems);
    FillProductsFromReferences(&out.systems);
    AttachUsage(&out);
    for (CodedSystem& s : out.systems) DedupeUsage(&s);
    std::stable_sort(out.systems.begin(), out.systems.end(), [](const CodedSystem& a, const CodedSystem& b) {
      return std::make_tuple(!a.vendor.has_value(), a.vendor.value_or(""), a.product.value_or("")) <
             std::make_tuple(!b.vendor.has_value(), b.vendor.value_or(""), b.product.value_or(""));
    });
    out.other_tools = OtherTools();
    return out;
  }

 private:
  void CollectMentions() {
    for (const AnalysedSource* source : sources_) {
      for (const AnalysedPage& page : source->pages) {
        const std::vector<NameMention>& names = page.names;
        for (std::size_t i = 0; i < names.size(); ++i) {
          const NameMention& n = names[i];
          if (n.kind != NameKind::kVendor && n.kind != NameKind::kProduct && n.kind != NameKind::kUnknown)
            continue;
          if (!page.InAnswer(n.start, n.end)) continue;
          // "Brainomix e-Stroke": the vendor inside a product's name is the same system.
          if (n.kind == NameKind::kVendor && InsideProduct(names, i)) continue;
          Mention m;
          m.source = source;
          m.page = &page;
          m.name = &n;
          m.sentence = page.units.SentenceAt(n.start);
          MarkScopes(page.facts.cues, &m);
          m.system = GroupFor(n, static_cast<int>(mentions_.size()));
          mentions_.push_back(m);
        }
      }
    }
  }

  // "An AI chest X-ray decision support tool": a system the answer describes without a name
  // (a described_system cue) is one system per subspecialty, when its sentence names no
  // vendor, product or tool, no named system of that subspecialty is in the reply, and it is
  // neither negated nor hypothetical.
  void CollectDescribedSystems() {
    std::set<std::string> named_subspecialties;
    for (const Mention& m : mentions_) {
      if (m.name->subspecialty) named_subspecialties.insert(*m.name->subspecialty);
    }
    for (const AnalysedSource* source : sources_) {
      for (const AnalysedPage& page : source->pages) {
        std::set<int> naming_sentences;
        for (const NameMention& n : page.names) {
          if (n.kind != NameKind::kOrganisation) naming_sentences.insert(page.units.SentenceAt(n.start));
        }
        for (const Cue& cue : page.facts.cues) {
          if (cue.type != CueType::kDescribedSystem || !page.InAnswer(cue.start, cue.end)) continue;
          const int sentence = page.units.SentenceAt(cue.start);
          const std::optional<std::string> subspecialty = SubspecialtyOfRule(cue.rule);
          if (!subspecialty || naming_sentences.count(sentence) || named_subspecialties.count(*subspecialty))
            continue;
          NameMention& name = described_names_.emplace_back();
          name.kind = NameKind::kUnknown;
          name.subspecialty = subspecialty;
          name.start = cue.start;
          name.end = cue.end;
          name.quote = cue.quote;
          Mention m;
          m.source = source;
          m.page = &page;
          m.name = &name;
          m.sentence = sentence;
          MarkScopes(page.facts.cues, &m);
          if (m.negated || m.hypothetical) continue;
          auto [it, added] = group_index_.try_emplace("d:" + *subspecialty, static_cast<int>(groups_.size()));
          if (added) {
            NameGroup g;
            g.described = true;
            g.subspecialty = subspecialty;
            g.first_mention = static_cast<int>(mentions_.size());
            groups_.push_back(g);
          }
          m.system = it->second;
          mentions_.push_back(m);
        }
      }
    }
  }

  // "described_system.radiology.imaging" -> "Radiology".
  static std::optional<std::string> SubspecialtyOfRule(std::string_view rule) {
    const std::size_t first = rule.find('.');
    if (first == std::string_view::npos) return std::nullopt;
    const std::size_t second = rule.find('.', first + 1);
    std::string name(rule.substr(first + 1, second == std::string_view::npos ? std::string_view::npos
                                                                             : second - first - 1));
    if (name.empty()) return std::nullopt;
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name;
  }

  // Names are sorted by start, so a product holding names[i] starts a little before it.
  static bool InsideProduct(const std::vector<NameMention>& names, std::size_t i) {
    const NameMention& vendor = names[i];
    auto holds = [&](const NameMention& p) {
      return p.kind == NameKind::kProduct && vendor.end <= p.end && p.vendor == vendor.vendor;
    };
    for (std::size_t j = i; j-- > 0 && names[j].start > vendor.start - kLongestName;) {
      if (holds(names[j])) return true;
    }
    for (std::size_t j = i + 1; j < names.size() && names[j].start == vendor.start; ++j) {
      if (holds(names[j])) return true;
    }
    return false;
  }

  // Negation and hypothesis scopes end with their clause, so only cues shortly before the
  // mention can hold it (cues are sorted by start).
  static void MarkScopes(const std::vector<Cue>& cues, Mention* m) {
    const int at = m->name->start;
    auto it = std::upper_bound(cues.begin(), cues.end(), at,
                               [](int offset, const Cue& cue) { return offset < cue.start; });
    while (it != cues.begin()) {
      --it;
      if (it->start < at - kLongestScope) break;
      if (it->type == CueType::kNegation && InScope(*it, at)) m->negated = true;
      if (it->type == CueType::kHypothetical && InScope(*it, at)) m->hypothetical = true;
    }
  }

  int GroupFor(const NameMention& n, int mention) {
    std::string key;
    switch (n.kind) {
      case NameKind::kProduct: key = "p:" + n.canonical; break;
      case NameKind::kVendor: key = "v:" + n.canonical; break;
      default: key = "u:" + AsciiLower(n.canonical); break;
    }
    auto [it, added] = group_index_.try_emplace(key, static_cast<int>(groups_.size()));
    if (added) {
      NameGroup g;
      if (n.kind == NameKind::kUnknown) {
        g.unknown = true;
        g.product = n.canonical;  // as written: no canonical name exists yet
      } else {
        g.vendor = n.vendor;
        if (n.kind == NameKind::kProduct) g.product = n.canonical;
        g.subspecialty = n.subspecialty;
      }
      g.first_mention = mention;
      groups_.push_back(g);
    }
    return it->second;
  }

  int Root(int g) {
    while (groups_[g].parent >= 0) g = groups_[g].parent;
    return g;
  }
  void Join(int into, int from) {
    into = Root(into);
    from = Root(from);
    if (into != from) groups_[from].parent = into;
  }

  void JoinGroups() {
    // Modules of one product written in brackets after it, "e-Stroke (e-ASPECTS / e-CTA)",
    // are one system; "Annalise CXR / Annalise CTB" or "... and ..." are two.
    struct Chain {
      const Mention* last = nullptr;
      bool in_brackets = false;
    };
    std::map<std::tuple<const AnalysedPage*, int, std::string>, Chain> chains;
    for (const Mention& m : mentions_) {
      if (m.name->kind != NameKind::kProduct || m.sentence < 0 || !m.name->vendor) continue;
      Chain& chain = chains[{m.page, m.sentence, *m.name->vendor}];
      if (chain.last != nullptr) {
        const std::u32string_view gap =
            std::u32string_view(m.page->units.code_points())
                .substr(chain.last->name->end, std::max(0, m.name->start - chain.last->name->end));
        const bool opens = gap.size() <= 4 && gap.find(U'(') != gap.npos;
        const bool continues = chain.in_brackets && gap.size() <= 4 && gap.find(U'/') != gap.npos &&
                               gap.find(U')') == gap.npos;
        chain.in_brackets = opens || continues;
        if (chain.in_brackets) Join(chain.last->system, m.system);
      }
      chain.last = &m;
    }
    // A vendor named alone joins its product's system (the first named) when there is one.
    for (int g = 0; g < static_cast<int>(groups_.size()); ++g) {
      if (groups_[g].product || groups_[g].unknown || !groups_[g].vendor) continue;
      int best = -1;
      for (int p = 0; p < static_cast<int>(groups_.size()); ++p) {
        if (groups_[p].product && !groups_[p].unknown && groups_[p].vendor == groups_[g].vendor &&
            (best < 0 || groups_[p].first_mention < groups_[best].first_mention))
          best = p;
      }
      if (best >= 0) Join(best, g);
    }
  }

  // Lookups that keep every later step linear in the number of mentions and facts.
  void IndexMentions(std::size_t systems) {
    for (const AnalysedSource* source : sources_) {
      for (const AnalysedPage& page : source->pages) {
        for (const NameMention& n : page.names) {
          if (n.kind == NameKind::kOtherTool || n.kind == NameKind::kOrganisation)
            names_other_things_.insert({&page, page.units.SentenceAt(n.start)});
        }
      }
    }
    by_system_.assign(systems, {});
    for (const Mention& m : mentions_) {
      by_system_[m.system].push_back(&m);
      if (m.sentence >= 0) {
        by_sentence_[{m.page, m.sentence}].push_back(&m);
        const Sentence& sentence = m.page->units.sentences()[m.sentence];
        if (!sentence.table_row) by_paragraph_[{m.page, sentence.paragraph}].insert(m.system);
      }
    }
    // In text order (described systems were collected after the named ones), for the binary
    // searches of SystemForFigure and CuesByMention.
    for (auto& [where, list] : by_sentence_) {
      std::stable_sort(list.begin(), list.end(),
                       [](const Mention* a, const Mention* b) { return a->name->start < b->name->start; });
    }
  }

  // The first row of the table holding sentence `row`, worked out once per page.
  int TableFirst(const AnalysedPage& page, int row) {
    auto [it, added] = table_first_.try_emplace(&page);
    if (added) {
      const std::vector<Sentence>& sentences = page.units.sentences();
      it->second.resize(sentences.size());
      for (std::size_t s = 0; s < sentences.size(); ++s) {
        // A blank line ends a table (it ends the paragraph too).
        const bool continues = s > 0 && sentences[s].table_row && sentences[s - 1].table_row &&
                               sentences[s].paragraph == sentences[s - 1].paragraph;
        it->second[s] = continues ? it->second[s - 1] : static_cast<int>(s);
      }
    }
    return it->second[row];
  }

  // The systems named in the table block holding sentence `row` (its rows and the line above).
  const std::set<int>& TableSystems(const AnalysedPage& page, int row) {
    const std::vector<Sentence>& sentences = page.units.sentences();
    const int first = TableFirst(page, row);
    auto [it, added] = table_systems_.try_emplace({&page, first});
    if (added) {
      for (int s = std::max(0, first - 1); s < static_cast<int>(sentences.size()); ++s) {
        if (s >= first && !sentences[s].table_row) break;
        if (auto found = by_sentence_.find({&page, s}); found != by_sentence_.end()) {
          for (const Mention* m : found->second) it->second.insert(m->system);
        }
      }
    }
    return it->second;
  }

  CodedSystem MakeSystem(int root) {
    const NameGroup& g = groups_[root];
    CodedSystem s;
    s.vendor = g.vendor;
    s.product = g.product;
    s.subspecialty = g.subspecialty;
    return s;
  }

  // Deployment cues of a sentence each go to the nearest system mention in it.
  std::map<const Mention*, std::vector<Deployment>> CuesByMention() {
    std::map<const Mention*, std::vector<Deployment>> out;
    for (const AnalysedSource* source : sources_) {
      for (const AnalysedPage& page : source->pages) {
        for (const Cue& cue : page.facts.cues) {
          const std::optional<Deployment> d = DeploymentOf(cue.type);
          if (!d) continue;
          const int sentence = page.units.SentenceAt(cue.start);
          SentenceMentions::const_iterator in_sentence = by_sentence_.find({&page, sentence});
          if (in_sentence == by_sentence_.end()) in_sentence = EarlierInParagraph(page, sentence);
          if (in_sentence == by_sentence_.end()) continue;
          // The nearest mention is one of the two either side of the cue's start (mentions are
          // in text order), or one that contains it.
          const std::vector<const Mention*>& in = in_sentence->second;
          const auto at = FirstStartingAt(in, cue.start);
          const Mention* nearest = nullptr;
          int best = 0;
          auto consider = [&](const Mention* m) {
            const int distance = cue.start >= m->name->end ? cue.start - m->name->end
                                 : m->name->start >= cue.end ? m->name->start - cue.end
                                                            : 0;
            if (nearest == nullptr || distance < best) {
              nearest = m;
              best = distance;
            }
          };
          if (at != in.begin()) consider(*std::prev(at));
          if (at != in.end()) consider(*at);
          out[nearest].push_back(*d);
        }
      }
    }
    return out;
  }

  // A sentence that goes on about the thing before it: it opens with a pronoun or "the
  // system" and does not bring in "another" or "other" product.
  static bool RefersBack(const AnalysedPage& page, const Sentence& sentence) {
    const std::string text = LowerAscii(page, sentence.start, sentence.end, 200);
    if (text.find("another") != std::string::npos || text.find("other ") != std::string::npos ||
        text.find("further") != std::string::npos || text.find("new ") != std::string::npos)
      return false;
    static constexpr std::string_view kOpenings[] = {
        "it ", "it's ", "its ", "this ", "these ", "they ", "we ", "the system", "the software",
        "the tool", "the product", "the platform", "the pilot", "the trial", "the evaluation",
        "the deployment", "the service", "go-live", "go live", "the trust expects", "the trust plans"};
    for (std::string_view opening : kOpenings) {
      if (text.starts_with(opening)) return true;
    }
    return false;
  }

  // "Annalise is being set up. We expect to go live in 2025.": a cue in a sentence that names
  // nothing speaks of the sentence just before it in its paragraph, when that names exactly
  // one system and nothing else.
  using SentenceMentions = std::map<std::pair<const AnalysedPage*, int>, std::vector<const Mention*>>;
  SentenceMentions::const_iterator EarlierInParagraph(const AnalysedPage& page, int sentence) {
    const int back = sentence - 1;
    if (sentence < 0 || back < 0) return by_sentence_.end();
    const std::vector<Sentence>& sentences = page.units.sentences();
    if (sentences[back].paragraph != sentences[sentence].paragraph || sentences[back].table_row)
      return by_sentence_.end();
    if (names_other_things_.count({&page, sentence}) || names_other_things_.count({&page, back}))
      return by_sentence_.end();
    if (!RefersBack(page, sentences[sentence])) return by_sentence_.end();
    const auto found = by_sentence_.find({&page, back});
    if (found == by_sentence_.end()) return found;
    return SystemsOf(page, back, found->second).size() == 1 ? found : by_sentence_.end();
  }

  bool ReplyConfirmsUse() const {
    for (const AnalysedSource* source : sources_) {
      for (const AnalysedPage& page : source->pages) {
        for (const Cue& cue : page.facts.cues) {
          if ((cue.type == CueType::kStatusUsesAi || cue.type == CueType::kDeploymentLive) &&
              page.InAnswer(cue.start, cue.end))
            return true;
        }
      }
    }
    return false;
  }

  void SetDeployments(std::vector<CodedSystem>* systems) {
    const auto cues = CuesByMention();
    const bool confirms_use = ReplyConfirmsUse();
    for (int s = 0; s < static_cast<int>(systems->size()); ++s) {
      CodedSystem& system = (*systems)[s];
      std::set<Deployment> stated;
      int plain = 0, negated = 0, fuzzy = 0, total = 0;
      bool from_ocr = false;
      for (const Mention* mention : by_system_[s]) {
        const Mention& m = *mention;
        ++total;
        if (m.name->match == MatchKind::kFuzzy) ++fuzzy;
        if (m.page->page->ocr) from_ocr = true;
        AddEvidence(&system, EvidenceAt(*m.source, *m.page, m.name->start, m.name->end));
        if (m.negated) {
          ++negated;
          continue;
        }
        if (m.hypothetical) continue;
        ++plain;
        if (auto it = cues.find(&m); it != cues.end()) {
          std::set<Deployment> here(it->second.begin(), it->second.end());
          // "Deployed but not in use": the contrast settles it, nothing to review.
          if (here.count(Deployment::kNotInUse)) here.erase(Deployment::kLive);
          stated.insert(here.begin(), here.end());
        }
      }
      const std::string name = Describe(system);
      if (plain == 0 && negated > 0) {
        system.deployment = Deployment::kNotInUse;
        system.flags.push_back({std::string(flag_codes::kNegatedMention), "The reply names " + name +
                                                       " only in a negated statement (\"not used\", "
                                                       "\"no\"); check it is not in use."});
      } else if (plain == 0) {
        system.flags.push_back({std::string(flag_codes::kHypotheticalMention),
                                "The reply names " + name +
                                    " only as a possibility (\"would consider\", \"may\"); check "
                                    "whether it is used."});
      } else if (!stated.empty()) {
        system.deployment = *std::max_element(stated.begin(), stated.end(),
                                              [](Deployment a, Deployment b) { return Rank(a) < Rank(b); });
        if (stated.size() > 1) {
          std::string states;
          for (Deployment d : stated) states += (states.empty() ? "" : ", ") + std::string(DeploymentName(d));
          system.flags.push_back({std::string(flag_codes::kDeploymentMixed),
                                  "The reply describes " + name + " as " + states + "; the strictest, " +
                                      std::string(DeploymentName(system.deployment)) + ", is recorded."});
        }
      } else if (confirms_use) {
        system.deployment = Deployment::kLive;
      }
      // A figure that names no system may go to the reply's only system in use.
      if (plain > 0 && system.deployment != Deployment::kNotInUse) in_use_.insert(s);
      if (plain > 0 && negated > 0) {
        if (const std::string denial = NegatedQuote(s); !denial.empty()) {
          system.flags.push_back({std::string(flag_codes::kNegatedMention),
                                  "The reply also names " + name + " in a negated statement (\"" + denial +
                                      "\"); check which use it denies."});
        }
      }
      if (fuzzy == total && total > 0) {
        system.flags.push_back({std::string(flag_codes::kFuzzyName),
                                "The name " + system.evidence.front().quote + " is close to, not equal to, " +
                                    name + " in dictionaries/; check the match."});
      }
      if (!system.vendor && system.product && IsUnknown(s)) {
        system.flags.push_back({std::string(flag_codes::kUnknownName),
                                "'" + *system.product + "' looks like the name of an AI product but is in "
                                "no dictionary; add it to dictionaries/ or ignore it."});
      }
      if (described_systems_.count(s)) {
        system.flags.push_back({std::string(flag_codes::kUnnamedSystem),
                                "The reply describes a " + system.subspecialty.value_or("clinical") +
                                    " AI system without naming it (\"" + system.evidence.front().quote +
                                    "\"); vendor and product are left empty."});
      }
      if (from_ocr) {
        system.flags.push_back({std::string(flag_codes::kTextFromOcr),
                                "Evidence for " + name + " was read by OCR from a scanned page; check the "
                                "spelling against the image."});
      }
    }
  }

  // A vendor the answer names without a product ("Heartflow - cardiology") takes the product
  // the respondent's own attached document gives for it (a register of its AI systems), when
  // that document names exactly one product of the vendor. Reference documents never add a
  // system; the evidence shows where the product came from.
  void FillProductsFromReferences(std::vector<CodedSystem>* systems) {
    for (CodedSystem& system : *systems) {
      if (system.product || !system.vendor) continue;
      std::set<std::string> products;
      std::optional<Evidence> where;
      for (const AnalysedSource* source : sources_) {
        for (const AnalysedPage& page : source->pages) {
          if (!page.reference) continue;
          for (const NameMention& n : page.names) {
            if (n.kind != NameKind::kProduct || n.vendor != system.vendor) continue;
            products.insert(n.canonical);
            if (!where) where = EvidenceAt(*source, page, n.start, n.end);
          }
        }
      }
      if (products.size() != 1) continue;
      system.product = *products.begin();
      if (const normalise::Product* p = dictionary_.FindProduct(*system.product)) system.subspecialty = p->subspecialty;
      AddEvidence(&system, *where);
    }
  }

  // The sentence of the system's first negated mention that speaks of using it ("does not use
  // Aidoc for chest X-ray", not "no minutes about Aidoc are held"), for a reviewer; else "".
  std::string NegatedQuote(int system) const {
    for (const Mention* m : by_system_[system]) {
      if (!m->negated || m->sentence < 0) continue;
      const Sentence& sentence = m->page->units.sentences()[m->sentence];
      std::string quote;
      for (int i = sentence.start; i < sentence.end; ++i) AppendUtf8(quote, m->page->units.code_points()[i]);
      if (!ContainsIgnoreCase(quote, " use") && !ContainsIgnoreCase(quote, "deploy")) continue;
      if (quote.size() > 200) quote = quote.substr(0, 200) + "...";
      return ToValidUtf8(quote);
    }
    return "";
  }

  bool IsUnknown(int system) const {
    return !by_system_[system].empty() && by_system_[system].front()->name->kind == NameKind::kUnknown;
  }

  static std::string Describe(const CodedSystem& s) {
    if (s.vendor && s.product) return *s.vendor + " " + *s.product;
    if (s.product) return *s.product;
    if (s.vendor) return *s.vendor;
    return "an unnamed system";
  }

  static void AddEvidence(CodedSystem* system, Evidence e) {
    if (system->evidence.size() >= kMaxEvidence) return;
    if (std::find(system->evidence.begin(), system->evidence.end(), e) != system->evidence.end()) return;
    system->evidence.push_back(std::move(e));
  }

  // Labels that head an answer rather than name something: "Response:", "Q3 -", "Yes –".
  static bool GenericLabel(std::u32string_view label) {
    std::string words;
    for (char32_t c : label) {
      if (c < 0x80 && std::isalpha(static_cast<unsigned char>(c))) words += static_cast<char>(std::tolower(static_cast<int>(c)));
      else if (!words.empty() && words.back() != ' ') words += ' ';
    }
    static constexpr std::string_view kGeneric[] = {
        "response", "answer", "reply", "q", "question", "note", "notes", "comment", "comments", "yes",
        "no", "usage", "total", "figures", "data", "information", "update", "trust response",
        "our response", "item", "part", "date", "period", "activity"};
    for (std::string_view g : kGeneric) {
      if (words == g || (words.starts_with(g) && words.size() > g.size() && words[g.size()] == ' '))
        return true;
    }
    return false;
  }

  // Where the table cell holding code point `offset` of row `row` begins (after " | ").
  static int CellStart(const AnalysedPage& page, const Sentence& row, int offset) {
    const std::u32string& cps = page.units.code_points();
    for (int i = offset - 1; i >= row.start + 2; --i) {
      if (cps[i] == ' ' && cps[i - 1] == '|' && cps[i - 2] == ' ') return i + 1;
    }
    return row.start;
  }

  // True when the figure's sentence says what a system did ("25-30k uses", "analysed"), or the
  // sentence before asks for usage ("... the usage frequency of these systems"), not only how
  // much a department did ("45,000 chest X-rays in 2023/24").
  static bool SpeaksOfUse(const AnalysedPage& page, const UsageFigure& figure) {
    const int s = page.units.SentenceAt(figure.start);
    if (s < 0) return false;
    auto lower_text = [&](const Sentence& sentence) {
      return LowerAscii(page, sentence.start, sentence.end, 400);
    };
    const std::string here = lower_text(page.units.sentences()[s]);
    for (std::string_view word : {"use", "usage", "analys", "process", "read by", "assessed by", "run "}) {
      if (here.find(word) != std::string::npos) return true;
    }
    if (s == 0) return false;
    const std::string before = lower_text(page.units.sentences()[s - 1]);
    return before.find("usage") != std::string::npos || before.find("frequency") != std::string::npos ||
           before.find("how many") != std::string::npos;
  }

  // The first of `mentions` (in text order) that starts at or after `offset`.
  static std::vector<const Mention*>::const_iterator FirstStartingAt(
      const std::vector<const Mention*>& mentions, int offset) {
    return std::lower_bound(mentions.begin(), mentions.end(), offset,
                            [](const Mention* m, int at) { return m->name->start < at; });
  }

  // The distinct systems named in one sentence or row, worked out once.
  const std::set<int>& SystemsOf(const AnalysedPage& page, int sentence,
                                 const std::vector<const Mention*>& in_sentence) {
    auto [it, added] = systems_of_sentence_.try_emplace({&page, sentence});
    if (added) {
      for (const Mention* m : in_sentence) it->second.insert(m->system);
    }
    return it->second;
  }

  // The first system named after `figure` (before the next figure) when the words between end
  // with "by", "using", "with", "via", "through", "for" or "on" and are few; else null.
  static const Mention* AgentAfter(const AnalysedPage& page, const UsageFigure& figure,
                                   const std::vector<const Mention*>& in_sentence, int next_start) {
    for (auto it = FirstStartingAt(in_sentence, figure.end); it != in_sentence.end(); ++it) {
      const Mention* m = *it;
      if (m->name->end > next_start || m->name->start - figure.end > 60) return nullptr;
      std::string gap = LowerAscii(page, figure.end, m->name->start, 60);
      while (!gap.empty() && gap.back() == ' ') gap.pop_back();
      for (std::string_view word : {" by", " using", " with", " via", " through", " for", " on"}) {
        if (gap.ends_with(word) || gap == word.substr(1)) return m;
      }
      return nullptr;
    }
    return nullptr;
  }

  // True when a word in [start, end) of the page begins with a capital letter.
  static bool CapitalisedWordIn(const AnalysedPage& page, int start, int end) {
    const std::u32string& cps = page.units.code_points();
    for (int i = std::max(start, 0); i < end && i < static_cast<int>(cps.size()); ++i) {
      const bool word_start = i == 0 || !u_isalnum(static_cast<UChar32>(cps[i - 1]));
      if (word_start && u_isupper(static_cast<UChar32>(cps[i]))) return true;
    }
    return false;
  }

  // Where the figures either side of `figure` on its page end and start (0 and the page's
  // length when there are none).
  static std::pair<int, int> NeighbourFigures(const AnalysedPage& page, const UsageFigure& figure) {
    const std::vector<UsageFigure>& usage = page.facts.usage;
    auto it = std::lower_bound(usage.begin(), usage.end(), figure.start,
                               [](const UsageFigure& u, int start) { return u.start < start; });
    const int previous_end = it == usage.begin() ? 0 : std::prev(it)->end;
    while (it != usage.end() && it->start <= figure.start) ++it;
    const int next_start = it == usage.end() ? static_cast<int>(page.units.code_points().size()) : it->start;
    return {previous_end, next_start};
  }

  // The system a figure at [start, end) of `page` belongs to, or -1; `inferred` is set when
  // it was tied only because the reply names one system.
  int SystemForFigure(const AnalysedPage& page, const UsageFigure& figure, bool* inferred) {
    *inferred = false;
    const int sentence = page.units.SentenceAt(figure.start);
    // "RAPID – approximately 35 a month": a figure on a labelled line belongs to its label,
    // a system only when the label names one.
    const TextUnits& units = page.units;
    const int line = units.LineOf(figure.start);
    const int line_start = units.LineStart(line);
    const std::u32string_view line_text =
        std::u32string_view(units.code_points()).substr(line_start, units.LineEnd(line) - line_start);
    if (const int label_end = LabelEnd(line_text);
        label_end > 0 && line_start + label_end <= figure.start &&
        line_text.find(U" | ") == std::u32string_view::npos && !GenericLabel(line_text.substr(0, label_end))) {
      bool named_before = false;  // "Heart Flow:  97 cases", or "Mia: used by Kheiron on 40"
      if (auto found = by_sentence_.find({&page, sentence}); found != by_sentence_.end()) {
        for (const Mention* m : found->second) {
          named_before |= m->name->start >= line_start && m->name->end <= figure.start;
        }
      }
      if (!named_before) return -1;
    }
    if (sentence >= 0) {
      const Sentence& here = page.units.sentences()[sentence];
      static const std::vector<const Mention*> kNone;
      const auto found = by_sentence_.find({&page, sentence});
      const std::vector<const Mention*>& in_sentence = found == by_sentence_.end() ? kNone : found->second;
      if (here.table_row) {
        // A figure in a table goes to the system named before it in its own cell ("Aidence –
        // approx. 100 analyses per day. HeartFlow – 10–15 times a month."), else to the first
        // system named on its row, else to the one system named in its table or heading
        // (a breakdown by month).
        const int cell_start = CellStart(page, here, figure.start);
        const Mention* in_cell = nullptr;
        for (auto it = FirstStartingAt(in_sentence, cell_start);
             it != in_sentence.end() && (*it)->name->end <= figure.start; ++it) {
          in_cell = *it;
        }
        if (in_cell != nullptr) return in_cell->system;
        // A row that names two systems ("Aidoc BriefCase and Annalise CXR | 900") gives a
        // figure of both: it is not split or guessed.
        const std::set<int>& in_row = SystemsOf(page, sentence, in_sentence);
        if (in_row.size() > 1) return -1;
        if (in_row.size() == 1) return *in_row.begin();
        const std::set<int>& in_table = TableSystems(page, sentence);
        if (in_table.size() == 1) return *in_table.begin();
      } else {
        // In prose: the systems named since the previous figure of the sentence ("Brainomix was
        // used for 887 patients and HeartFlow 57 times"), else those named before the next.
        // Two systems there ("Brainomix and RapidAI were used for 450 scans") share the figure.
        // With none since the previous figure, the figure goes on about the system named last
        // ("HeartFlow: c. 20 times per month (roughly 240 a year)"). Mentions are in text
        // order, so each look is a binary search and a walk between two figures.
        const auto [previous_end, next_start] = NeighbourFigures(page, figure);
        std::set<int> since_previous, after;
        const auto at_figure = FirstStartingAt(in_sentence, figure.start);
        const Mention* last_before = nullptr;
        for (auto it = at_figure; it != in_sentence.begin();) {
          --it;
          if ((*it)->name->end > figure.start) continue;
          if (last_before == nullptr) last_before = *it;
          if ((*it)->name->start < previous_end) break;
          since_previous.insert((*it)->system);
        }
        for (auto it = FirstStartingAt(in_sentence, figure.end);
             it != in_sentence.end() && (*it)->name->end <= next_start; ++it) {
          after.insert((*it)->system);
        }
        // "500 scans were analysed by Aidoc BriefCase and 300 by Annalise", "887 scans for
        // Brainomix and 57 for HeartFlow": a system named just after "by", "for", "using" ...
        // is the figure's own.
        if (const Mention* agent = AgentAfter(page, figure, in_sentence, next_start)) return agent->system;
        if (since_previous.size() > 1) return -1;
        if (since_previous.size() == 1) return *since_previous.begin();
        // ... unless a capitalised word since then may be a subject of its own ("FFRct was used
        // for 640 patients, and Plaque Analysis 85 times" with Plaque Analysis unknown).
        if (last_before != nullptr) {
          return CapitalisedWordIn(page, std::max(previous_end, last_before->name->end), figure.start)
                     ? -1
                     : last_before->system;
        }
        if (after.size() > 1) return -1;
        if (after.size() == 1) return *after.begin();
      }
      if (auto in_paragraph = by_paragraph_.find({&page, here.paragraph});
          in_paragraph != by_paragraph_.end() && in_paragraph->second.size() == 1)
        return *in_paragraph->second.begin();
    }
    // The reply's only system in use takes a figure that names none. Flagged usage_inferred
    // when other systems are named, or when the sentence does not say the figure is use.
    if (in_use_.size() == 1) {
      *inferred = by_system_.size() > 1 || !SpeaksOfUse(page, figure);
      return *in_use_.begin();
    }
    return -1;
  }

  void AttachUsage(SystemsFound* out) {
    for (const AnalysedSource* source : sources_) {
      for (const AnalysedPage& page : source->pages) {
        for (const UsageFigure& figure : page.facts.usage) {
          if (!page.InAnswer(figure.start, figure.end)) continue;
          CodedUsage usage;
          usage.low = figure.low;
          usage.high = figure.high;
          usage.approximate = figure.approximate;
          usage.per = figure.per;
          usage.unit = figure.unit;
          usage.period = figure.period;
          usage.evidence = EvidenceAt(*source, page, figure.start, figure.end);
          bool inferred = false;
          const int system = SystemForFigure(page, figure, &inferred);
          if (system < 0) {
            if (out->unattributed.size() < kMaxUsage) out->unattributed.push_back(std::move(usage));
            else out->unattributed_limit_reached = true;
            continue;
          }
          CodedSystem& s = out->systems[system];
          if (s.usage.size() >= kMaxUsage) {
            if (usage_capped_.insert(system).second) {
              s.flags.push_back({std::string(flag_codes::kLimitReached),
                                 "More than " + std::to_string(kMaxUsage) + " figures were found for " +
                                     Describe(s) + "; only the first are kept."});
            }
            continue;
          }
          if (inferred) {
            s.flags.push_back({std::string(flag_codes::kUsageInferred),
                               "The figure '" + usage.evidence.quote + "' names no system; it was tied to " +
                                   Describe(s) + " as the only system in use. Check it counts this system's use."});
          }
          FigurePlace place;
          place.in_table = figure.cell.has_value();
          place.row_label = figure.row_label;
          if (const int sentence = page.units.SentenceAt(figure.start); sentence >= 0 && place.in_table)
            place.table = {&page, TableFirst(page, sentence)};
          figure_places_[&s].push_back(std::move(place));
          s.usage.push_back(std::move(usage));
        }
      }
    }
  }

  // Of two records of one figure, the one that says more is kept: a resolved period, a unit,
  // prose over a bare table cell.
  static int Detail(const CodedUsage& u, bool in_table) {
    return (u.period && u.period->start_month ? 4 : u.period ? 2 : 0) + (u.unit.empty() ? 0 : 1) +
           (in_table ? 0 : 1);
  }

  // Two records of one figure: the same count and rate, periods that do not disagree, and not
  // two rows of a table (a breakdown may repeat a number).
  static bool SameFigure(const CodedUsage& a, const FigurePlace& pa, const CodedUsage& b,
                         const FigurePlace& pb) {
    if (a.low != b.low || a.high != b.high || a.per != b.per) return false;
    if (pa.in_table && pb.in_table) return false;
    // A table cell often has no period of its own; between two figures in prose a missing
    // period is a difference ("300 in 2023/24 and 300 so far this year").
    const bool one_in_table = pa.in_table || pb.in_table;
    if (a.period.has_value() != b.period.has_value() && !one_in_table) return false;
    if (a.period && b.period &&
        (a.period->start_month != b.period->start_month || a.period->end_month != b.period->end_month))
      return false;
    // A column heading names its unit loosely ("Lung health checks – CT scans analysed"), so
    // units must agree only between two figures in prose.
    return pa.in_table || pb.in_table || a.unit.empty() || b.unit.empty() || a.unit == b.unit;
  }

  void DedupeUsage(CodedSystem* system) {
    std::vector<FigurePlace> places = figure_places_[system];
    places.resize(system->usage.size());
    std::vector<bool> keep(system->usage.size(), true);
    // A table with a Total row for this system: its other rows are the total's breakdown.
    std::set<std::pair<const AnalysedPage*, int>> tables_with_total;
    for (const FigurePlace& p : places) {
      if (p.in_table && StartsWithIgnoreCase(p.row_label, "total")) tables_with_total.insert(p.table);
    }
    for (std::size_t i = 0; i < places.size(); ++i) {
      if (places[i].in_table && tables_with_total.count(places[i].table) &&
          !StartsWithIgnoreCase(places[i].row_label, "total"))
        keep[i] = false;
    }
    // Repeats (a table and the prose that restates it): the most detailed stays. At most
    // kMaxUsage figures, so pairs are cheap.
    for (std::size_t i = 0; i < system->usage.size(); ++i) {
      for (std::size_t j = 0; j < i && keep[i]; ++j) {
        if (!keep[j] || !SameFigure(system->usage[i], places[i], system->usage[j], places[j])) continue;
        if (Detail(system->usage[i], places[i].in_table) > Detail(system->usage[j], places[j].in_table))
          keep[j] = false;
        else
          keep[i] = false;
      }
    }
    std::vector<CodedUsage> kept;
    for (std::size_t i = 0; i < system->usage.size(); ++i) {
      if (keep[i]) kept.push_back(std::move(system->usage[i]));
    }
    system->usage = std::move(kept);
  }

  std::vector<CodedOtherTool> OtherTools() {
    std::map<std::string, CodedOtherTool> by_name;
    for (const AnalysedSource* source : sources_) {
      for (const AnalysedPage& page : source->pages) {
        for (const NameMention& n : page.names) {
          if (n.kind != NameKind::kOtherTool || !page.InAnswer(n.start, n.end)) continue;
          const normalise::OtherTool* tool = dictionary_.FindOtherTool(n.canonical);
          auto [it, added] = by_name.try_emplace(n.canonical);
          CodedOtherTool& t = it->second;
          if (added) {
            if (tool != nullptr) {
              t.vendor = tool->vendor;
              if (!tool->product.empty()) t.product = tool->product;
            } else {
              t.vendor = n.vendor;
            }
            t.category = n.category.value_or("other");
          }
          Evidence e = EvidenceAt(*source, page, n.start, n.end);
          if (t.evidence.size() < kMaxEvidence &&
              std::find(t.evidence.begin(), t.evidence.end(), e) == t.evidence.end())
            t.evidence.push_back(std::move(e));
        }
      }
    }
    std::vector<CodedOtherTool> out;
    for (auto& [name, tool] : by_name) out.push_back(std::move(tool));
    std::sort(out.begin(), out.end(), [](const CodedOtherTool& a, const CodedOtherTool& b) {
      return std::make_tuple(a.vendor.value_or(""), a.product.value_or("")) <
             std::make_tuple(b.vendor.value_or(""), b.product.value_or(""));
    });
    return out;
  }

  const std::vector<const AnalysedSource*>& sources_;
  const normalise::Dictionary& dictionary_;
  std::vector<Mention> mentions_;
  std::vector<NameGroup> groups_;
  std::map<std::string, int> group_index_;
  std::vector<std::vector<const Mention*>> by_system_;
  SentenceMentions by_sentence_;
  std::map<std::pair<const AnalysedPage*, int>, std::set<int>> by_paragraph_;  // prose only
  std::map<std::pair<const AnalysedPage*, int>, std::set<int>> table_systems_;
  std::map<const AnalysedPage*, std::vector<int>> table_first_;
  std::map<std::pair<const AnalysedPage*, int>, std::set<int>> systems_of_sentence_;
  std::set<std::pair<const AnalysedPage*, int>> names_other_things_;  // tools, organisations
  std::set<int> in_use_;  // named outside a negation or hypothesis, and not not_in_use
  std::deque<NameMention> described_names_;  // stable addresses for Mention::name
  std::set<int> described_systems_;
  std::set<int> usage_capped_;  // systems that hit kMaxUsage
  std::map<const CodedSystem*, std::vector<FigurePlace>> figure_places_;  // parallel to usage
};

}  // namespace

SystemsFound FindSystems(const std::vector<const AnalysedSource*>& sources,
                         const normalise::Dictionary& dictionary) {
  return Builder(sources, dictionary).Build();
}

}  // namespace foicode::assemble
