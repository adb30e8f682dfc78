#include "assemble/reply_status.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "core/flag.h"

namespace foicode::assemble {
namespace {

struct CueCounts {
  int uses = 0, no = 0, not_held = 0, acknowledgement = 0;
  const Cue* first_no = nullptr;
};

bool InUse(const CodedSystem& s) {
  return s.deployment == Deployment::kLive || s.deployment == Deployment::kPilot;
}

int SectionNumber(const std::string& section) { return std::atoi(section.c_str() + 1); }

}  // namespace

StatusFound DecideStatus(const std::vector<const AnalysedSource*>& sources, const SystemsFound& found) {
  CueCounts counts;
  std::set<std::string> exemptions;
  for (const AnalysedSource* source : sources) {
    for (const AnalysedPage& page : source->pages) {
      for (const Cue& cue : page.facts.cues) {
        if (!page.InAnswer(cue.start, cue.end)) continue;
        switch (cue.type) {
          case CueType::kStatusUsesAi: ++counts.uses; break;
          case CueType::kStatusNoAi:
            ++counts.no;
            if (counts.first_no == nullptr) counts.first_no = &cue;
            break;
          case CueType::kNotHeld: ++counts.not_held; break;
          case CueType::kAcknowledgement:
          case CueType::kAutoReply: ++counts.acknowledgement; break;
          default: break;
        }
      }
      for (const Exemption& e : page.facts.exemptions) {
        if (page.InAnswer(e.start, e.end)) exemptions.insert(e.section);
      }
    }
  }

  StatusFound out;
  out.exemptions.assign(exemptions.begin(), exemptions.end());
  std::sort(out.exemptions.begin(), out.exemptions.end(), [](const std::string& a, const std::string& b) {
    return SectionNumber(a) != SectionNumber(b) ? SectionNumber(a) < SectionNumber(b) : a < b;
  });

  std::string in_use;
  for (const CodedSystem& s : found.systems) {
    if (!InUse(s)) continue;
    if (!in_use.empty()) in_use += ", ";
    in_use += s.product ? *s.product : s.vendor ? *s.vendor : "an unnamed system";
  }
  if (counts.no > 0 && !in_use.empty()) {
    out.status = counts.uses > 0 ? ReplyStatus::kUsesAi : ReplyStatus::kUnclear;
    out.flags.push_back({std::string(flag_codes::kStatusConflict),
                         "The reply says \"" + counts.first_no->quote + "\" but names systems in use (" +
                             in_use + "); check which is right."});
  } else if (counts.no > 0 && counts.uses > 0) {
    out.status = ReplyStatus::kUnclear;
    out.flags.push_back({std::string(flag_codes::kStatusConflict),
                         "The reply both confirms and denies using clinical AI; check which answer "
                         "is about clinical AI."});
  } else if (counts.uses > 0 || !in_use.empty()) {
    out.status = ReplyStatus::kUsesAi;
  } else if (counts.no > 0) {
    out.status = ReplyStatus::kNoAi;
  } else if (counts.not_held > 0) {
    out.flags.push_back({std::string(flag_codes::kInformationNotHeld),
                         "The reply says the information is not held, which does not say whether "
                         "clinical AI is used."});
  } else if (counts.acknowledgement > 0) {
    out.flags.push_back({std::string(flag_codes::kAcknowledgementOnly),
                         "Only an acknowledgement or automatic reply was received: it answers "
                         "nothing yet."});
  } else {
    out.flags.push_back({std::string(flag_codes::kStatusUnclear),
                         "The reply neither confirms nor denies using clinical AI; read it."});
  }
  if (out.status == ReplyStatus::kUsesAi && found.systems.empty() && !found.other_tools.empty()) {
    const CodedOtherTool& tool = found.other_tools.front();
    out.flags.push_back({std::string(flag_codes::kOtherToolAsAi),
                         "The reply confirms clinical AI but names only tools that are not clinical "
                         "AI (" + tool.product.value_or(tool.vendor.value_or("")) + ", " +
                             tool.category + "); check what it uses."});
  }
  return out;
}

}  // namespace foicode::assemble
