#include "assemble/systems.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>

#include "core/ascii.h"
#include "core/flag.h"

namespace foicode::assemble {
namespace {

constexpr std::size_t kMaxEvidence = 20;  // per system: enough to review, not the whole reply

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

class Builder {
 public:
  Builder(const std::vector<const AnalysedSource*>& sources, const normalise::Dictionary& dictionary)
      : sources_(sources), dictionary_(dictionary) {}

  SystemsFound Build() {
    CollectMentions();
    JoinGroups();
    SystemsFound out;
    std::vector<int> roots;
    for (int g = 0; g < static_cast<int>(groups_.size()); ++g) {
      if (Root(g) == g) roots.push_back(g);
    }
    std::map<int, int> system_of_root;
    for (int root : roots) {
      system_of_root[root] = static_cast<int>(out.systems.size());
      out.systems.push_back(MakeSystem(root));
    }
    for (Mention& m : mentions_) m.system = system_of_root[Root(m.system)];
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
          if (n.kind == NameKind::kVendor && InsideProduct(names, n)) continue;
          Mention m;
          m.source = source;
          m.page = &page;
          m.name = &n;
          m.sentence = page.units.SentenceAt(n.start);
          for (const Cue& cue : page.facts.cues) {
            if (cue.type == CueType::kNegation && InScope(cue, n.start)) m.negated = true;
            if (cue.type == CueType::kHypothetical && InScope(cue, n.start)) m.hypothetical = true;
          }
          m.system = GroupFor(n, static_cast<int>(mentions_.size()));
          mentions_.push_back(m);
        }
      }
    }
  }

  static bool InsideProduct(const std::vector<NameMention>& names, const NameMention& vendor) {
    return std::any_of(names.begin(), names.end(), [&](const NameMention& p) {
      return p.kind == NameKind::kProduct && p.start <= vendor.start && vendor.end <= p.end &&
             p.vendor == vendor.vendor;
    });
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
    // Products of one vendor in one sentence or row are one system: the first one named.
    std::map<std::tuple<const AnalysedPage*, int, std::string>, int> first_product;
    for (const Mention& m : mentions_) {
      if (m.name->kind != NameKind::kProduct || m.sentence < 0 || !m.name->vendor) continue;
      auto [it, added] = first_product.try_emplace({m.page, m.sentence, *m.name->vendor}, m.system);
      if (!added) Join(it->second, m.system);
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
    std::map<std::pair<const AnalysedPage*, int>, std::vector<const Mention*>> by_sentence;
    for (const Mention& m : mentions_) {
      if (m.sentence >= 0) by_sentence[{m.page, m.sentence}].push_back(&m);
    }
    std::map<const Mention*, std::vector<Deployment>> out;
    for (const auto& [where, in_sentence] : by_sentence) {
      const auto& [page, index] = where;
      const Sentence& sentence = page->units.sentences()[index];
      for (const Cue& cue : page->facts.cues) {
        const std::optional<Deployment> d = DeploymentOf(cue.type);
        if (!d || cue.start < sentence.start || cue.start >= sentence.end) continue;
        const Mention* nearest = nullptr;
        int best = 0;
        for (const Mention* m : in_sentence) {
          const int distance = cue.start >= m->name->end ? cue.start - m->name->end
                               : m->name->start >= cue.end ? m->name->start - cue.end
                                                          : 0;
          if (nearest == nullptr || distance < best) {
            nearest = m;
            best = distance;
          }
        }
        out[nearest].push_back(*d);
      }
    }
    return out;
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
      int plain = 0, negated = 0, hypothetical = 0, fuzzy = 0, total = 0;
      bool from_ocr = false;
      for (const Mention& m : mentions_) {
        if (m.system != s) continue;
        ++total;
        if (m.name->match == MatchKind::kFuzzy) ++fuzzy;
        if (m.page->page->ocr) from_ocr = true;
        AddEvidence(&system, EvidenceAt(*m.source, *m.page, m.name->start, m.name->end));
        if (m.negated) {
          ++negated;
          continue;
        }
        if (m.hypothetical) {
          ++hypothetical;
          continue;
        }
        ++plain;
        Deployment strictest = Deployment::kUnknown;
        if (auto it = cues.find(&m); it != cues.end()) {
          for (Deployment d : it->second) {
            if (Rank(d) > Rank(strictest)) strictest = d;
          }
        }
        if (strictest != Deployment::kUnknown) stated.insert(strictest);
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
          system.flags.push_back({std::string(flag_codes::kDeploymentMixed), "The reply describes " + name + " as " + states +
                                                          " in different places; the strictest, " +
                                                          std::string(DeploymentName(system.deployment)) +
                                                          ", is recorded."});
        }
      } else if (confirms_use) {
        system.deployment = Deployment::kLive;
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

  bool IsUnknown(int system) const {
    for (const Mention& m : mentions_) {
      if (m.system == system) return m.name->kind == NameKind::kUnknown;
    }
    return false;
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

  // Where the table cell holding code point `offset` of row `row` begins (after " | ").
  static int CellStart(const AnalysedPage& page, const Sentence& row, int offset) {
    const std::u32string& cps = page.units.code_points();
    for (int i = offset - 1; i >= row.start + 2; --i) {
      if (cps[i] == ' ' && cps[i - 1] == '|' && cps[i - 2] == ' ') return i + 1;
    }
    return row.start;
  }

  // The system a figure at [start, end) of `page` belongs to, or -1; `inferred` is set when
  // it was tied only because the reply names one system.
  int SystemForFigure(const AnalysedPage& page, const UsageFigure& figure, bool* inferred) {
    *inferred = false;
    const int sentence = page.units.SentenceAt(figure.start);
    std::vector<const Mention*> on_page;
    for (const Mention& m : mentions_) {
      if (m.page == &page) on_page.push_back(&m);
    }
    if (sentence >= 0) {
      const Sentence& here = page.units.sentences()[sentence];
      // A figure in a table goes to the system named before it in its own cell ("Aidence –
      // approx. 100 analyses per day. HeartFlow – 10–15 times a month."), else to the first
      // system named on its row.
      if (here.table_row) {
        const int cell_start = CellStart(page, here, figure.start);
        const Mention* in_cell = nullptr;
        for (const Mention* m : on_page) {
          if (m->sentence == sentence && m->name->start >= cell_start && m->name->end <= figure.start)
            in_cell = m;
        }
        if (in_cell != nullptr) return in_cell->system;
        for (const Mention* m : on_page) {
          if (m->sentence == sentence) return m->system;
        }
        // A breakdown table (months by row): the system named in the rows or heading above.
        std::set<int> above;
        for (int s = sentence - 1; s >= 0; --s) {
          const Sentence& row = page.units.sentences()[s];
          for (const Mention* m : on_page) {
            if (m->sentence == s) above.insert(m->system);
          }
          if (!row.table_row) break;
        }
        if (above.size() == 1) return *above.begin();
      } else {
        const Mention* before = nullptr;
        const Mention* after = nullptr;
        for (const Mention* m : on_page) {
          if (m->sentence != sentence) continue;
          if (m->name->end <= figure.start) before = m;
          else if (after == nullptr) after = m;
        }
        if (before != nullptr) return before->system;
        if (after != nullptr) return after->system;
      }
      std::set<int> in_paragraph;
      for (const Mention* m : on_page) {
        if (m->sentence >= 0 && page.units.sentences()[m->sentence].paragraph == here.paragraph &&
            !page.units.sentences()[m->sentence].table_row)
          in_paragraph.insert(m->system);
      }
      if (in_paragraph.size() == 1) return *in_paragraph.begin();
    }
    std::set<int> named;
    for (const Mention& m : mentions_) {
      if (!m.negated && !m.hypothetical) named.insert(m.system);
    }
    if (named.size() == 1) {
      *inferred = true;
      return *named.begin();
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
            out->unattributed.push_back(std::move(usage));
            continue;
          }
          CodedSystem& s = out->systems[system];
          if (inferred) {
            s.flags.push_back({std::string(flag_codes::kUsageInferred), "The figure '" + usage.evidence.quote +
                                                     "' is not next to the name " + Describe(s) +
                                                     "; it was tied to it as the only system the "
                                                     "reply names."});
          }
          figure_rows_[&s].push_back({figure.cell.has_value(), figure.row_label});
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

  void DedupeUsage(CodedSystem* system) {
    std::vector<std::pair<bool, std::string>> rows = figure_rows_[system];
    rows.resize(system->usage.size());
    const bool has_total = std::any_of(rows.begin(), rows.end(), [](const auto& r) {
      return r.first && StartsWithIgnoreCase(r.second, "total");
    });
    std::vector<bool> keep(system->usage.size(), true);
    for (std::size_t i = 0; i < system->usage.size(); ++i) {
      // A table with a Total row: the other rows are its breakdown.
      if (has_total && rows[i].first && !StartsWithIgnoreCase(rows[i].second, "total")) keep[i] = false;
    }
    for (std::size_t i = 0; i < system->usage.size(); ++i) {
      if (!keep[i]) continue;
      for (std::size_t j = i + 1; j < system->usage.size(); ++j) {
        if (!keep[j]) continue;
        const CodedUsage& a = system->usage[i];
        const CodedUsage& b = system->usage[j];
        if (a.low != b.low || a.high != b.high || a.per != b.per) continue;
        const bool a_table = rows[i].first;
        const bool b_table = rows[j].first;
        if (Detail(b, b_table) > Detail(a, a_table)) {
          keep[i] = false;
          break;
        }
        keep[j] = false;
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
  // Per system, for each usage entry: whether it is a table cell, and its row's label.
  std::map<const CodedSystem*, std::vector<std::pair<bool, std::string>>> figure_rows_;
};

}  // namespace

SystemsFound FindSystems(const std::vector<const AnalysedSource*>& sources,
                         const normalise::Dictionary& dictionary) {
  return Builder(sources, dictionary).Build();
}

}  // namespace foicode::assemble
