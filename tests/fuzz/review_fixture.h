// The machine records the review fuzzers decide on: the golden dataset of samples/
// (tests/golden/responses.jsonl), read once, with its review queue.
#ifndef FOICODE_TESTS_FUZZ_REVIEW_FIXTURE_H_
#define FOICODE_TESTS_FUZZ_REVIEW_FIXTURE_H_

#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "review/apply_decisions.h"
#include "review/decision_request.h"
#include "review/review_queue.h"

namespace foicode::fuzz {

struct ReviewFixture {
  std::vector<nlohmann::json> machine;  // the records as the machine coded them
  std::map<std::string, review::SourceRef> sources;
  review::AppliedDataset applied;       // with no decisions
  nlohmann::json queue;
  review::RequestContext request_context;
};

inline const ReviewFixture& Review() {
  static const ReviewFixture* fixture = [] {
    auto* f = new ReviewFixture;
    std::ifstream in(FOICODE_SOURCE_DIR "/tests/golden/responses.jsonl");
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) f->machine.push_back(nlohmann::json::parse(line));
    }
    if (f->machine.empty()) std::abort();
    int id = 0;
    for (const nlohmann::json& record : f->machine) {
      for (const nlohmann::json& source : record["sources"]) {
        f->sources[source["path"].get<std::string>()] =
            review::SourceRef{++id, source["kind"].get<std::string>()};
      }
    }
    f->applied = review::ApplyDecisions(f->machine, {}, review::ContextFn());
    f->queue = review::BuildQueue(f->applied, {}, f->sources);
    f->request_context.queue = &f->queue;
    f->request_context.records = &f->applied.records;
    f->request_context.reviewer = "fuzz";
    f->request_context.now = "2024-11-01T10:00:00Z";
    return f;
  }();
  return *fixture;
}

}  // namespace foicode::fuzz

#endif  // FOICODE_TESTS_FUZZ_REVIEW_FIXTURE_H_
