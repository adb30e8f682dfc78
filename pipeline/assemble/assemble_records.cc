#include "assemble/assemble_records.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <thread>

#include "assemble/page_analysis.h"
#include "assemble/reply_status.h"
#include "assemble/respondent.h"
#include "assemble/systems.h"
#include "core/flag.h"

namespace foicode::assemble {
namespace {

void AddFlag(std::vector<Flag>* flags, Flag flag) {
  if (std::find(flags->begin(), flags->end(), flag) == flags->end()) flags->push_back(std::move(flag));
}

// What extraction said about the inputs: unreadable inputs and parts, OCR, repaired charsets.
void AddSourceFlags(const ExtractedSource& source, std::vector<Flag>* flags) {
  if (source.error) {
    AddFlag(flags, {std::string(flag_codes::kSourceError),
                    source.path + " could not be read in full: " + *source.error});
  }
  for (const Part& part : source.parts) {
    const std::string where = part.name ? source.path + " [" + *part.name + "]" : source.path;
    for (const Flag& f : part.flags) AddFlag(flags, {f.code, where + ": " + f.message});
  }
}

std::string DescribeFigure(const CodedUsage& u) {
  std::string where = u.evidence.source;
  if (u.evidence.part) where += " [" + *u.evidence.part + "]";
  if (u.evidence.page) where += " page " + std::to_string(*u.evidence.page);
  return "'" + u.evidence.quote + "' (" + where + ")";
}

// A thread page heads each message with its author and date ("<trust> 10 October 2024"):
// with no letter or e-mail date, the respondent's own such line dates the reply.
std::optional<std::string> DatedByLine(const std::vector<const AnalysedSource*>& sources,
                                       const std::string& respondent) {
  for (const AnalysedSource* source : sources) {
    for (const AnalysedPage& page : source->pages) {
      std::map<int, int> name_end_by_line;  // line -> end of the respondent's first name on it
      for (const NameMention& m : page.names) {
        if (m.canonical == respondent) name_end_by_line.try_emplace(page.units.LineOf(m.start), m.end);
      }
      for (const DateMention& date : page.facts.dates) {
        if (date.role != DateRole::kOther || !page.InAnswer(date.start, date.end)) continue;
        const int line = page.units.LineOf(date.start);
        if (page.units.LineEnd(line) - page.units.LineStart(line) > 120) continue;
        const auto name = name_end_by_line.find(line);
        if (name != name_end_by_line.end() && name->second <= date.start) return date.iso;
      }
    }
  }
  return std::nullopt;
}

CodedRecord CodeRecord(const std::vector<const AnalysedSource*>& sources, const Respondent& respondent,
                       const normalise::Dictionary& dictionary) {
  CodedRecord record;
  record.respondent = respondent.name;
  record.known = respondent.known;
  for (const AnalysedSource* s : sources) {
    record.sources.push_back(s->index);
    if (s->reply_date && (!record.response_date || *s->reply_date > *record.response_date))
      record.response_date = s->reply_date;
  }
  if (!record.response_date && respondent.known) record.response_date = DatedByLine(sources, *respondent.name);
  SystemsFound found = FindSystems(sources, dictionary);
  StatusFound status = DecideStatus(sources, found);
  record.status = status.status;
  record.exemptions = std::move(status.exemptions);
  const bool acknowledgement_only =
      std::any_of(status.flags.begin(), status.flags.end(),
                  [](const Flag& f) { return f.code == flag_codes::kAcknowledgementOnly; });
  if (acknowledgement_only) {
    // An acknowledgement is not the reply: the sections it says may apply are not invoked,
    // and its date is not the reply's date.
    record.exemptions.clear();
    record.response_date.reset();
  }
  record.systems = std::move(found.systems);
  record.other_tools = std::move(found.other_tools);
  record.unattributed_usage = std::move(found.unattributed);

  if (!respondent.name) {
    AddFlag(&record.flags, {std::string(flag_codes::kRespondentUnknown),
                            "No sender could be told for " + sources.front()->source->path +
                                "; check who sent it."});
  }
  for (const Flag& f : respondent.flags) AddFlag(&record.flags, f);
  for (Flag& f : status.flags) AddFlag(&record.flags, std::move(f));
  for (const CodedUsage& u : record.unattributed_usage) {
    AddFlag(&record.flags, {std::string(flag_codes::kUsageUnattributed),
                            "The figure " + DescribeFigure(u) +
                                " could not be tied to one system; see unattributed_usage."});
  }
  if (found.unattributed_limit_reached) {
    AddFlag(&record.flags, {std::string(flag_codes::kLimitReached),
                            "More figures could not be tied to a system than are kept; only the "
                            "first " + std::to_string(record.unattributed_usage.size()) + " are listed."});
  }
  for (const AnalysedSource* s : sources) {
    AddSourceFlags(*s->source, &record.flags);
    if (s->error) {
      AddFlag(&record.flags, {std::string(flag_codes::kSourceError),
                              s->source->path + " could not be coded: " + *s->error});
    }
  }
  return record;
}

}  // namespace

std::vector<CodedRecord> AssembleRecords(const std::vector<ExtractedSource>& sources,
                                         const normalise::Dictionary& dictionary,
                                         const facts::RuleSet& rules, int jobs) {
  std::vector<AnalysedSource> analysed(sources.size());
  std::vector<Respondent> respondents(sources.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < sources.size(); i = next++) {
      try {
        analysed[i] = AnalyseSource(sources[i], static_cast<int>(i), dictionary, rules);
        respondents[i] = TellRespondent(analysed[i], dictionary);
      } catch (const std::exception& e) {
        // One reply that trips a library must cost that reply only, never the batch.
        analysed[i] = AnalysedSource{};
        analysed[i].source = &sources[i];
        analysed[i].index = static_cast<int>(i);
        analysed[i].error = std::string("internal error while coding: ") + e.what();
        respondents[i] = Respondent{};
      }
    }
  };
  const int threads = std::max(1, std::min<int>(jobs, static_cast<int>(sources.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();

  // One record per named respondent; each unattributed input on its own.
  std::map<std::string, std::vector<int>> by_name;
  std::vector<int> unnamed;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (respondents[i].name) by_name[*respondents[i].name].push_back(static_cast<int>(i));
    else unnamed.push_back(static_cast<int>(i));
  }
  std::vector<CodedRecord> records;
  auto by_path = [&](int a, int b) { return sources[a].path < sources[b].path; };
  for (auto& [name, indexes] : by_name) {
    std::sort(indexes.begin(), indexes.end(), by_path);
    std::vector<const AnalysedSource*> group;
    Respondent respondent = respondents[indexes.front()];
    for (int i : indexes) {
      group.push_back(&analysed[i]);
      for (const Flag& f : respondents[i].flags) AddFlag(&respondent.flags, f);
    }
    records.push_back(CodeRecord(group, respondent, dictionary));
  }
  std::sort(unnamed.begin(), unnamed.end(), by_path);
  for (int i : unnamed) records.push_back(CodeRecord({&analysed[i]}, respondents[i], dictionary));
  return records;
}

}  // namespace foicode::assemble
