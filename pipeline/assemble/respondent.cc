#include "assemble/respondent.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <string_view>

#include "core/ascii.h"
#include "normalise/name_matcher.h"

namespace foicode::assemble {
namespace {

constexpr double kSenderAddress = 10;
constexpr double kSenderName = 8;
constexpr double kAddressInText = 4;
constexpr double kLetterheadOrSignature = 3;
constexpr double kElsewhere = 1;
constexpr int kEdgeLines = 12;  // letterhead and signature blocks are about this long

// Words just before a trust's name that make it someone other than the sender.
bool AfterPartnerWords(std::string_view before) {
  static constexpr std::array<std::string_view, 17> kWords = {
      "partnership with", "hosted by", "host trust", "handled at", "provided by",
      "on behalf of", "commissioned by", "led by", "collaboration with", "shared with",
      "via", "through", "neighbouring", "partner", "transferred to", "referred to",
      "in conjunction with"};
  for (std::string_view w : kWords) {
    if (ContainsIgnoreCase(before, w)) return true;
  }
  return false;
}

// The domains of the e-mail addresses written in `text` ("foi@esneft.nhs.uk" -> esneft.nhs.uk).
std::vector<std::string> AddressDomains(std::string_view text) {
  std::vector<std::string> domains;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t end = at + 1;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                 text[end] == '.' || text[end] == '-'))
      ++end;
    while (end > at + 1 && text[end - 1] == '.') --end;
    if (end > at + 1) domains.emplace_back(text.substr(at + 1, end - at - 1));
  }
  return domains;
}

// Each kind of signal counts once per part for each trust: a name repeated forty times in
// one attachment is still one mention, so it cannot outweigh the sender's address.
enum class Signal { kSenderAddress, kSenderName, kAddressInText, kLetterhead, kSignature, kElsewhere };

struct Scores {
  std::map<std::string, double> by_name;
  std::set<std::tuple<int, std::string, Signal>> counted;  // (part, trust, signal)
  void Add(int part, const normalise::Organisation* org, Signal signal, double points) {
    if (org == nullptr || org->type != OrgType::kTrust || points <= 0) return;
    if (counted.emplace(part, org->name, signal).second) by_name[org->name] += points;
  }
};

// The original text of the page in code points [start, end), for short look-behinds.
std::string TextBefore(const AnalysedPage& page, int start, int length) {
  const std::u32string& cps = page.units.code_points();
  std::string out;
  for (int i = std::max(0, start - length); i < start; ++i) {
    const char32_t c = cps[i];
    out += c < 0x80 ? static_cast<char>(c) : ' ';
  }
  return out;
}

// A letterhead line naming an NHS body that the dictionaries do not hold.
std::optional<std::string> UnknownTrustLine(const AnalysedSource& source) {
  for (const AnalysedPage& page : source.pages) {
    if (page.reference || page.page != &page.part->pages.front()) continue;
    for (int line = 0; line < std::min(page.units.line_count(), kEdgeLines); ++line) {
      const std::string text = page.units.LineText(line);
      if (text.size() > 90 || text.find(" | ") != std::string::npos) continue;
      if (EndsWithIgnoreCase(text, "NHS Trust") || EndsWithIgnoreCase(text, "NHS Foundation Trust") ||
          EndsWithIgnoreCase(text, "Health Board")) {
        return text;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

Respondent TellRespondent(const AnalysedSource& source, const normalise::Dictionary& dictionary) {
  Scores scores;
  const normalise::Organisation* sender = nullptr;  // the trust of the sender's address
  for (const Part& part : source.source->parts) {
    if (part.name.has_value() || !part.headers) continue;
    sender = dictionary.OrganisationForEmailDomain(part.headers->from_address);
    if (sender != nullptr && sender->type != OrgType::kTrust) sender = nullptr;
    scores.Add(-1, sender, Signal::kSenderAddress, kSenderAddress);
    for (const NameMention& m : normalise::FindNames(part.headers->from_name, dictionary)) {
      if (m.kind == NameKind::kOrganisation) scores.Add(-1, dictionary.FindOrganisation(m.canonical), Signal::kSenderName, kSenderName);
    }
  }
  for (const AnalysedPage& page : source.pages) {
    if (page.reference) continue;
    const std::string& text = page.page->text;
    for (const std::string& domain : AddressDomains(text)) {
      scores.Add(page.part_index, dictionary.OrganisationForEmailDomain(domain), Signal::kAddressInText,
                 kAddressInText);
    }
    const bool first_page = page.page == &page.part->pages.front();
    const bool last_page = page.page == &page.part->pages.back();
    const int lines = page.units.line_count();
    for (const NameMention& m : page.names) {
      if (m.kind != NameKind::kOrganisation || m.org_type != OrgType::kTrust) continue;
      if (!page.InAnswer(m.start, m.end)) continue;
      const int line = page.units.LineOf(m.start);
      if (AfterPartnerWords(TextBefore(page, m.start, 40))) continue;
      Signal signal = Signal::kElsewhere;
      if (first_page && line < kEdgeLines) signal = Signal::kLetterhead;
      else if (last_page && line >= lines - kEdgeLines) signal = Signal::kSignature;
      scores.Add(page.part_index, dictionary.FindOrganisation(m.canonical), signal,
                 signal == Signal::kElsewhere ? kElsewhere : kLetterheadOrSignature);
    }
  }

  Respondent out;
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [name, score] : scores.by_name) {
    if (score > 0) ranked.emplace_back(score, name);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (ranked.empty()) {
    if (auto line = UnknownTrustLine(source)) {
      out.name = *line;
      out.flags.push_back({std::string(flag_codes::kRespondentNotInDictionary),
                           "The sender '" + *line + "' is not in dictionaries/organisations.tsv; "
                           "check the name and add it."});
    }
    return out;
  }
  out.name = ranked[0].second;
  out.known = true;
  if (sender != nullptr && sender->name != ranked[0].second) {
    out.flags.push_back({std::string(flag_codes::kRespondentUncertain),
                         source.source->path + " was sent from an address of " + sender->name +
                             " but names " + ranked[0].second + " more; check who sent it."});
  } else if (ranked.size() > 1 && ranked[1].first >= 0.6 * ranked[0].first) {
    out.flags.push_back({std::string(flag_codes::kRespondentUncertain),
                         "Both " + ranked[0].second + " and " + ranked[1].second +
                             " look like the sender of " + source.source->path +
                             "; check who sent it."});
  } else if (ranked[0].first < kLetterheadOrSignature) {
    out.flags.push_back({std::string(flag_codes::kRespondentUncertain),
                         ranked[0].second + " is named in " + source.source->path +
                             " but not as its sender (no address, letterhead or signature); "
                             "check who sent it."});
  }
  return out;
}

}  // namespace foicode::assemble
