// What the review page needs from a dataset folder, as JSON the page reads directly. The HTTP
// server (review_server) is a thin layer over this; the dataset's own implementation lives in
// dataset_review. Every method is called with the server's lock held: one call at a time.
#ifndef FOICODE_PIPELINE_REVIEW_REVIEW_SERVICE_H_
#define FOICODE_PIPELINE_REVIEW_REVIEW_SERVICE_H_

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace foicode::review {

// An input file as the reviewer may download it. Served by id, never by a path from a request.
struct SourceFile {
  std::string display_path;  // as in sources[].path
  std::string file_name;     // last component of display_path, for Content-Disposition
  std::string kind;          // "pdf", "eml", ... (the contract's spelling)
  std::string bytes;         // the file's content, checked against the stored SHA-256
};

class ReviewService {
 public:
  virtual ~ReviewService() = default;

  // The queue and what the page needs around it:
  // {
  //   "progress": {"done": 3, "total": 40},
  //   "items": [{
  //     "id": "9f2c…",                 // stable across refreshes while the fact is the same
  //     "record": "Hull University Teaching Hospitals NHS Trust",   // the record key
  //     "respondent": "Hull University Teaching Hospitals NHS Trust" | null,
  //     "code": "usage_inferred",       // flag code, or "decision_stale" / "decision_orphaned"
  //     "message": "…",                 // the flag's sentence for a person
  //     "target": "record" | "system" | "usage",
  //     "system": {vendor, product, subspecialty, deployment, usage: [...]} | null,
  //     "usage": {low, high, approximate, per, unit, period} | null,
  //     "record_status": "uses_ai",
  //     "evidence": {"source_id": 3, "source": "replies/a.pdf", "kind": "pdf", "part": null,
  //                  "page": 1, "start": 10, "end": 20, "quote": "…"} | null,
  //     "state": "open" | "decided" | "stale" | "orphan",
  //     "decision": {"id", "action", "value", "reviewer", "created_at", "reason"} | null
  //   }],
  //   "respondents": [{"record": key, "respondent": name|null, "status": "uses_ai"}],
  //   "codes": ["usage_inferred", …]
  // }
  virtual nlohmann::json Queue() = 0;

  // The text around an item's evidence: {"text": the whole page's text, "start", "end"} with
  // start/end counted in code points into text; nullopt for an unknown item or no evidence.
  virtual std::optional<nlohmann::json> ItemContext(const std::string& item_id) = 0;

  // Records one decision, saves it at once, and rewrites the dataset files with it applied.
  // request: {"item": id, "action": "accept"|"correct"|"reject", "value": {...}, "reason": "…"}
  //      or  {"record": key, "action": "add", "value": {vendor, product, subspecialty,
  //           deployment}, "reason": "…"}.
  // "correct" values may set: vendor, product, subspecialty, deployment, status, respondent,
  // low, high, per, unit, period ({"start": "YYYY-MM", "end": "YYYY-MM"}).
  // On success *result is the stored decision as JSON. A bad request gives a clear message.
  virtual Status Decide(const nlohmann::json& request, nlohmann::json* result) = 0;

  // {"vendors": [...], "products": [{"name", "vendor", "subspecialty"}], "organisations":
  //  [...], "subspecialties": [...], "deployments": [...], "statuses": [...]}: what a
  // correction form offers.
  virtual nlohmann::json CanonicalNames() = 0;

  // An input file by the source_id the queue gave; nullopt when unknown, gone or changed.
  virtual std::optional<SourceFile> Source(int source_id) = 0;
};

}  // namespace foicode::review

#endif  // FOICODE_PIPELINE_REVIEW_REVIEW_SERVICE_H_
