#include "assemble/assemble_records.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "assemble/analysis_json.h"
#include "assemble/page_analysis.h"
#include "assemble/reply_status.h"
#include "assemble/respondent.h"
#include "assemble/systems.h"
#include "core/flag.h"
#include "core/stage_times.h"

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


// Calls `work(i)` for i in [0, count) on up to `jobs` threads; stops handing out work after
// the first error, which it returns.
Status ForEachInParallel(std::size_t count, int jobs, const std::function<Status(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  std::mutex error_mutex;
  Status first_error = Status::Ok();
  std::atomic<bool> failed{false};
  auto worker = [&] {
    for (std::size_t i = next++; i < count && !failed.load(); i = next++) {
      // An exception must not escape a thread (that ends the process): it ends the work.
      Status s = Status::Ok();
      try {
        s = work(i);
      } catch (const std::exception& e) {
        s = Status::Error(std::string("internal error while coding: ") + e.what());
      }
      if (!s.ok()) {
        const std::lock_guard lock(error_mutex);
        if (!failed.exchange(true)) first_error = std::move(s);
      }
    }
  };
  const int threads = std::max(1, std::min<int>(jobs, static_cast<int>(std::min<std::size_t>(count, 1 << 16))));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  return first_error;
}

// Input `batch_index`'s analysis from `earlier`, or worked out and given to it.
void AnalyseOrLoad(const ExtractedSource& source, int index, std::size_t batch_index,
                   const normalise::Dictionary& dictionary, const facts::RuleSet& rules,
                   const EarlierCoding& earlier, AnalysedSource* analysed) {
  std::string kept;
  if (earlier.analysis && earlier.analysis(batch_index, &kept) &&
      AnalysisFromJson(kept, source, index, analysed)) {
    return;
  }
  *analysed = AnalyseSource(source, index, dictionary, rules);
  if (!earlier.keep_analysis) return;
  std::string text;
  try {
    text = AnalysisToJson(*analysed);
  } catch (const std::exception&) {
    return;  // text that is not UTF-8 is analysed again next time, never kept changed
  }
  const StageTimer timer(Stage::kWrite);
  earlier.keep_analysis(batch_index, std::move(text));
}

// Analyses one input, and tells its respondent when `respondent` is not null. An input that
// trips a library costs that input only, never the batch.
void Analyse(const ExtractedSource& source, int index, std::size_t batch_index,
             const normalise::Dictionary& dictionary, const facts::RuleSet& rules, const EarlierCoding& earlier,
             AnalysedSource* analysed, Respondent* respondent) {
  const StageTimer timer(Stage::kAssemble);
  try {
    AnalyseOrLoad(source, index, batch_index, dictionary, rules, earlier, analysed);
    if (respondent != nullptr) *respondent = TellRespondent(*analysed, dictionary);
  } catch (const std::exception& e) {
    *analysed = AnalysedSource{};
    analysed->source = &source;
    analysed->index = index;
    analysed->error = std::string("internal error while coding: ") + e.what();
    if (respondent != nullptr) *respondent = Respondent{};
  }
}

// An input held from the first pass to the second, with its analysis (which points into it).
struct KeptInput {
  ExtractedSource source;
  AnalysedSource analysed;
};

std::size_t TextBytes(const ExtractedSource& source) {
  std::size_t bytes = 0;
  for (const Part& part : source.parts) {
    for (const Page& page : part.pages) bytes += page.text.size();
  }
  return bytes;
}

// The batch's inputs in record order: one group per named respondent (by name), then each
// unattributed input on its own (by path); within a group, by path.
std::vector<std::vector<std::size_t>> GroupByRespondent(const std::vector<Respondent>& respondents,
                                                        const std::vector<std::string>& paths) {
  std::map<std::string, std::vector<std::size_t>> by_name;
  std::vector<std::size_t> unnamed;
  for (std::size_t i = 0; i < respondents.size(); ++i) {
    if (respondents[i].name) by_name[*respondents[i].name].push_back(i);
    else unnamed.push_back(i);
  }
  auto by_path = [&](std::size_t a, std::size_t b) { return paths[a] < paths[b]; };
  std::vector<std::vector<std::size_t>> groups;
  for (auto& [name, indexes] : by_name) {
    std::sort(indexes.begin(), indexes.end(), by_path);
    groups.push_back(std::move(indexes));
  }
  std::sort(unnamed.begin(), unnamed.end(), by_path);
  for (std::size_t i : unnamed) groups.push_back({i});
  return groups;
}

// The group's respondent, with the flags of each of its inputs.
Respondent GroupRespondent(const std::vector<std::size_t>& group, const std::vector<Respondent>& respondents) {
  Respondent respondent = respondents[group.front()];
  for (std::size_t i : group) {
    for (const Flag& f : respondents[i].flags) AddFlag(&respondent.flags, f);
  }
  return respondent;
}

}  // namespace

std::vector<CodedRecord> AssembleRecords(const std::vector<ExtractedSource>& sources,
                                         const normalise::Dictionary& dictionary,
                                         const facts::RuleSet& rules, int jobs) {
  std::vector<AnalysedSource> analysed(sources.size());
  std::vector<Respondent> respondents(sources.size());
  std::vector<std::string> paths(sources.size());
  (void)ForEachInParallel(sources.size(), jobs, [&](std::size_t i) {
    Analyse(sources[i], static_cast<int>(i), i, dictionary, rules, EarlierCoding{}, &analysed[i], &respondents[i]);
    paths[i] = sources[i].path;
    return Status::Ok();
  });
  std::vector<CodedRecord> records;
  for (const std::vector<std::size_t>& group : GroupByRespondent(respondents, paths)) {
    std::vector<const AnalysedSource*> members;
    for (std::size_t i : group) members.push_back(&analysed[i]);
    const StageTimer timer(Stage::kAssemble);
    records.push_back(CodeRecord(members, GroupRespondent(group, respondents), dictionary));
  }
  return records;
}

Status AssembleRecordsStreaming(std::size_t count, const LoadSourceFn& load, const normalise::Dictionary& dictionary,
                                const facts::RuleSet& rules, int jobs, const TakeRecordFn& take,
                                std::size_t* record_count, const EarlierCoding& earlier,
                                std::size_t kept_text_bytes) {
  // First pass: who sent each input. The respondent and the path are kept, and, while they
  // fit in `kept_text_bytes`, the input and its analysis, which the second pass then reuses.
  std::vector<Respondent> respondents(count);
  std::vector<std::string> paths(count);
  std::vector<std::unique_ptr<KeptInput>> kept(count);
  std::atomic<std::size_t> kept_bytes{0};
  std::vector<char> told(count, 0);  // told in this run (with its flags), not known from before
  Status s = ForEachInParallel(count, jobs, [&](std::size_t i) {
    if (earlier.respondent && earlier.respondent(i, &respondents[i].name, &paths[i])) return Status::Ok();
    told[i] = 1;
    auto input = std::make_unique<KeptInput>();  // on the heap: the analysis points into it
    if (Status loaded = load(i, &input->source); !loaded.ok()) return loaded;
    Analyse(input->source, static_cast<int>(i), i, dictionary, rules, earlier, &input->analysed, &respondents[i]);
    paths[i] = input->source.path;
    const std::size_t bytes = TextBytes(input->source);
    if (kept_bytes.fetch_add(bytes) + bytes <= kept_text_bytes) kept[i] = std::move(input);
    else kept_bytes.fetch_sub(bytes);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  // Second pass: one record per group, from its inputs kept or loaded again.
  const std::vector<std::vector<std::size_t>> groups = GroupByRespondent(respondents, paths);
  *record_count = groups.size();
  return ForEachInParallel(groups.size(), jobs, [&](std::size_t g) {
    const std::vector<std::size_t>& group = groups[g];
    if (earlier.reuse_record && earlier.reuse_record(g, group)) return Status::Ok();
    std::vector<ExtractedSource> sources(group.size());
    std::vector<AnalysedSource> analysed(group.size());
    std::vector<const AnalysedSource*> members;
    for (std::size_t k = 0; k < group.size(); ++k) {
      if (KeptInput* input = kept[group[k]].get()) {
        input->analysed.index = static_cast<int>(k);  // records name inputs by their place in `sources`
        members.push_back(&input->analysed);
        continue;
      }
      if (Status loaded = load(group[k], &sources[k]); !loaded.ok()) return loaded;
      // An input known from before is told again here, for its flags: each group's inputs
      // are its own, so no other thread touches them.
      Analyse(sources[k], static_cast<int>(k), group[k], dictionary, rules, earlier, &analysed[k],
              told[group[k]] ? nullptr : &respondents[group[k]]);
      members.push_back(&analysed[k]);
    }
    const StageTimer timer(Stage::kAssemble);
    const CodedRecord record = CodeRecord(members, GroupRespondent(group, respondents), dictionary);
    members.clear();
    for (std::size_t k = 0; k < group.size(); ++k) {
      // The vectors inside a moved source keep their buffers; only its analysis, no longer
      // needed, would point at the old place.
      if (kept[group[k]]) sources[k] = std::move(kept[group[k]]->source);
      kept[group[k]].reset();
    }
    take(g, record, sources, group);
    return Status::Ok();
  });
}

}  // namespace foicode::assemble
