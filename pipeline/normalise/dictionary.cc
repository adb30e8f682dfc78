// Loads and validates dictionaries/*.tsv into a Dictionary (see dictionary.h).
#include "normalise/dictionary.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unordered_set>

#include "core/ascii.h"
#include "core/folded_text.h"
#include "core/utf8.h"

namespace foicode::normalise {
namespace {

// More errors than this are noise: the first ones show what is wrong.
constexpr int kMaxErrors = 20;

constexpr std::array<std::string_view, 15> kSubspecialties = {
    "Radiology",     "Neurology",        "Cardiology",   "Dermatology",   "Oncology",
    "Radiotherapy",  "Gastroenterology", "Respiratory",  "Pathology",     "Ophthalmology",
    "Urology",       "Orthopaedics",     "Obstetrics",   "Emergency medicine", "General"};
constexpr std::array<std::string_view, 11> kModalities = {
    "CT",         "MRI",   "X-ray",           "Mammography",      "Ultrasound",
    "Dermoscopy", "Endoscopy", "ECG", "Echocardiography", "Pathology slides",
    "Radiotherapy planning"};
constexpr std::array<std::string_view, 9> kCategories = {
    "dictation",      "transcription", "ambient_scribe", "patient_video",  "office_copilot",
    "automation",     "chatbot",       "clinical_coding", "other_admin"};

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

template <std::size_t N>
std::string ListOf(const std::array<std::string_view, N>& list) {
  std::string out;
  for (std::string_view v : list) {
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

struct Row {
  int line = 0;
  std::vector<std::string> fields;
  // Set for a wrong column count or bad UTF-8; the caller reports it in line order, and only
  // fields[0] is of use then.
  std::string error;
};

// Collects "file:line: message" errors, up to kMaxErrors.
class Errors {
 public:
  void Add(const std::string& where, int line, const std::string& message) {
    ++count_;
    if (count_ > kMaxErrors) return;
    if (!text_.empty()) text_ += '\n';
    text_ += where;
    if (line > 0) text_ += ":" + std::to_string(line);
    text_ += ": " + message;
  }
  bool empty() const { return count_ == 0; }
  std::string Text() const {
    if (count_ <= kMaxErrors) return text_;
    return text_ + "\n... and " + std::to_string(count_ - kMaxErrors) + " more errors";
  }

 private:
  int count_ = 0;
  std::string text_;
};

// Reads the file `name` of `files` as TSV rows with `columns` fields, skipping '#' comments
// and blank lines. A row with the wrong count is reported and comes back marked `bad`, so
// that a later file can still tell its first column (a vendor named by products.tsv) from a
// missing one.
std::vector<Row> ReadTsv(const std::map<std::string, std::string>& files, const std::string& name,
                         const std::string& where, std::size_t columns, Errors& errors) {
  std::vector<Row> rows;
  const auto file = files.find(name);
  if (file == files.end()) {
    errors.Add(where, 0, "cannot read the file");
    return rows;
  }
  const std::string& bytes = file->second;
  std::size_t begin = 0;
  int line = 0;
  while (begin < bytes.size()) {
    std::size_t end = bytes.find('\n', begin);
    if (end == std::string::npos) end = bytes.size();
    std::string text = bytes.substr(begin, end - begin);
    begin = end + 1;
    ++line;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    // An editor may save a BOM; it is not part of the first line.
    if (line == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    if (text.empty() || text[0] == '#') continue;
    if (!IsValidUtf8(text)) {
      rows.push_back(Row{.line = line, .fields = {""}, .error = "not valid UTF-8"});
      continue;
    }
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    Row row{.line = line, .fields = {}, .error = {}};
    std::size_t from = 0;
    while (true) {
      const std::size_t tab = text.find('\t', from);
      row.fields.push_back(text.substr(from, tab == std::string::npos ? std::string::npos
                                                                      : tab - from));
      if (tab == std::string::npos) break;
      from = tab + 1;
    }
    if (row.fields.size() != columns) {
      row.error = "expected " + std::to_string(columns) + " TAB-separated columns, found " +
                  std::to_string(row.fields.size()) + ": '" + text + "'";
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Checks one field's spacing; `required` fields must not be empty.
bool CheckField(const Row& row, std::size_t index, std::string_view column, bool required,
                const std::string& where, Errors& errors) {
  const std::string& value = row.fields[index];
  if (value.empty()) {
    if (required) errors.Add(where, row.line, "empty " + std::string(column));
    return !required;
  }
  if (value.front() == ' ' || value.back() == ' ' || value.find("  ") != std::string::npos) {
    errors.Add(where, row.line,
               std::string(column) + " '" + value + "' has leading, trailing or double spaces");
    return false;
  }
  return true;
}

// A single-valued field never holds the list separator.
bool CheckSingle(const Row& row, std::size_t index, std::string_view column, bool required,
                 const std::string& where, Errors& errors) {
  if (!CheckField(row, index, column, required, where, errors)) return false;
  if (row.fields[index].find(" ; ") != std::string::npos) {
    errors.Add(where, row.line,
               std::string(column) + " '" + row.fields[index] + "' holds more than one value");
    return false;
  }
  return true;
}

// Splits a multi-valued field on " ; "; reports empty values.
std::vector<std::string> SplitList(const Row& row, std::size_t index, std::string_view column,
                                   const std::string& where, Errors& errors) {
  std::vector<std::string> values;
  if (!CheckField(row, index, column, false, where, errors)) return values;
  const std::string& text = row.fields[index];
  if (text.empty()) return values;
  std::size_t from = 0;
  while (true) {
    const std::size_t sep = text.find(" ; ", from);
    std::string value =
        text.substr(from, sep == std::string::npos ? std::string::npos : sep - from);
    if (value.empty() || value.find(';') != std::string::npos) {
      errors.Add(where, row.line,
                 std::string(column) + " '" + text + "' has an empty value or a stray ';'");
    } else {
      values.push_back(std::move(value));
    }
    if (sep == std::string::npos) break;
    from = sep + 3;
  }
  return values;
}

// The names an "ambiguous:" clause of a note quotes: "ambiguous: bare 'Dragon'; study: ..."
// gives {"Dragon"}. A quote opens after a space or '(' and closes before a non-letter, so the
// apostrophe in "study's" is not a quote.
std::vector<std::string> AmbiguousNames(std::string_view note, bool* marked) {
  std::vector<std::string> names;
  const std::size_t at = note.find("ambiguous:");
  *marked = at != std::string_view::npos;
  if (!*marked) return names;
  std::string_view clause = note.substr(at + 10);
  clause = clause.substr(0, clause.find(';'));
  for (std::size_t i = 0; i < clause.size(); ++i) {
    if (clause[i] != '\'' || (i > 0 && clause[i - 1] != ' ' && clause[i - 1] != '(')) continue;
    for (std::size_t j = i + 1; j < clause.size(); ++j) {
      const bool closes =
          clause[j] == '\'' && (j + 1 == clause.size() ||
                                !(std::isalnum(static_cast<unsigned char>(clause[j + 1]))));
      if (closes) {
        names.emplace_back(clause.substr(i + 1, j - i - 1));
        i = j;
        break;
      }
    }
  }
  return names;
}

std::string Folded(std::string_view text) { return FoldedText(text).text(); }

struct Parts {
  std::vector<DictionaryName> names;
};

// What a name's claimant is, for "is also claimed by" messages.
struct Claim {
  std::string where;  // "dir/products.tsv:9"
  std::string entry;  // canonical name of the entry
  int name = 0;       // index into names
};

class Builder {
 public:
  Builder(Parts* parts, Errors* errors) : parts_(*parts), errors_(*errors) {}

  // Registers the canonical name and aliases of one entry. `ambiguous` are the names its note
  // quotes after "ambiguous:".
  void AddEntry(NameKind kind, int entry, const std::string& canonical,
                const std::vector<std::string>& aliases, const std::string& note,
                const std::string& where, int line) {
    bool marked = false;
    const std::vector<std::string> quoted = AmbiguousNames(note, &marked);
    std::vector<std::string> quoted_folded;
    for (const auto& q : quoted) quoted_folded.push_back(Folded(q));
    std::vector<bool> quoted_used(quoted.size(), false);
    const std::string place = where + ":" + std::to_string(line);
    std::vector<std::string> all = {canonical};
    all.insert(all.end(), aliases.begin(), aliases.end());
    for (std::size_t i = 0; i < all.size(); ++i) {
      DictionaryName name;
      name.written = all[i];
      name.folded = Folded(all[i]);
      name.fingerprint = Fingerprint(all[i]);
      name.kind = kind;
      name.entry = entry;
      for (std::size_t q = 0; q < quoted.size(); ++q) {
        if (quoted_folded[q] == name.folded) {
          name.ambiguous = true;
          quoted_used[q] = true;
        }
      }
      if (name.folded.empty() || name.fingerprint.empty()) {
        errors_.Add(where, line, "name '" + all[i] + "' has no letters or digits");
        continue;
      }
      const int index = static_cast<int>(parts_.names.size());
      if (auto it = folded_.find(name.folded); it != folded_.end()) {
        const Claim& other = it->second;
        if (other.where == place) {
          errors_.Add(where, line,
                      "alias '" + all[i] + "' repeats '" + parts_.names[other.name].written +
                          "' of the same entry (case, dashes and spaces do not count)");
        } else {
          errors_.Add(where, line,
                      "alias '" + all[i] + "' is also claimed by " + other.where + " (" +
                          other.entry + ")");
        }
        continue;
      }
      if (auto it = fingerprints_.find(name.fingerprint);
          it != fingerprints_.end() && it->second.where != place) {
        errors_.Add(where, line,
                    "alias '" + all[i] + "' differs only in spaces and punctuation from '" +
                        parts_.names[it->second.name].written + "' of " + it->second.where +
                        " (" + it->second.entry + ")");
        continue;
      }
      folded_.emplace(name.folded, Claim{place, canonical, index});
      fingerprints_.emplace(name.fingerprint, Claim{place, canonical, index});
      parts_.names.push_back(std::move(name));
    }
    if (marked && quoted.empty()) {
      errors_.Add(where, line, "note says 'ambiguous:' but quotes no name of this entry");
    }
    for (std::size_t q = 0; q < quoted.size(); ++q) {
      if (!quoted_used[q]) {
        errors_.Add(where, line,
                    "note marks '" + quoted[q] + "' ambiguous, but it is not a name of this entry");
      }
    }
  }

 private:
  Parts& parts_;
  Errors& errors_;
  std::unordered_map<std::string, Claim> folded_;
  std::unordered_map<std::string, Claim> fingerprints_;
};

// ByteMask's bit for each byte value: letters and digits, the bytes of ASCII fingerprints, get
// a bit each so that the mask tells them apart; other values share what is left.
constexpr std::array<std::uint64_t, 256> kByteMaskBits = [] {
  std::array<std::uint64_t, 256> bits{};
  for (int byte = 0; byte < 256; ++byte) {
    const int bit = byte >= 'a' && byte <= 'z'   ? byte - 'a'
                    : byte >= '0' && byte <= '9' ? 26 + (byte - '0')
                                                 : 36 + byte % 28;
    bits[byte] = std::uint64_t{1} << bit;
  }
  return bits;
}();

// The near-miss scan's view of `fingerprints`: sorted by length, then name index.
std::vector<FingerprintEntry> SortedByLength(const Dictionary::FingerprintMap& fingerprints) {
  std::vector<FingerprintEntry> entries;
  entries.reserve(fingerprints.size());
  for (const auto& [fingerprint, name] : fingerprints) {
    entries.push_back(FingerprintEntry{fingerprint, name, ByteMask(fingerprint)});
  }
  std::sort(entries.begin(), entries.end(),
            [](const FingerprintEntry& a, const FingerprintEntry& b) {
              return a.fingerprint.size() != b.fingerprint.size()
                         ? a.fingerprint.size() < b.fingerprint.size()
                         : a.name < b.name;
            });
  return entries;
}

}  // namespace

std::string Fingerprint(std::string_view text) {
  const std::string folded = FoldedText(text).text();
  std::string out;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(folded.data());
  const auto length = static_cast<int32_t>(folded.size());
  for (int32_t i = 0; i < length;) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isalnum(c)) out.append(folded, begin, i - begin);
  }
  return out;
}

std::uint64_t ByteMask(std::string_view bytes) {
  std::uint64_t mask = 0;
  for (const char byte : bytes) mask |= kByteMaskBits[static_cast<unsigned char>(byte)];
  return mask;
}

const Vendor* Dictionary::FindVendor(std::string_view canonical) const {
  auto it = vendor_index_.find(canonical);
  return it == vendor_index_.end() ? nullptr : &vendors_[it->second];
}

const Product* Dictionary::FindProduct(std::string_view canonical) const {
  auto it = product_index_.find(canonical);
  return it == product_index_.end() ? nullptr : &products_[it->second];
}

const Organisation* Dictionary::FindOrganisation(std::string_view canonical) const {
  auto it = organisation_index_.find(canonical);
  return it == organisation_index_.end() ? nullptr : &organisations_[it->second];
}

const OtherTool* Dictionary::FindOtherTool(std::string_view canonical) const {
  auto it = other_tool_index_.find(canonical);
  return it == other_tool_index_.end() ? nullptr : &other_tools_[it->second];
}

const Organisation* Dictionary::OrganisationForEmailDomain(std::string_view domain) const {
  if (const std::size_t at = domain.rfind('@'); at != std::string_view::npos) {
    domain = domain.substr(at + 1);
  }
  std::string key = AsciiLower(domain);
  while (!key.empty() && key.back() == '.') key.pop_back();
  // Walk up the parents: "foi.hey.nhs.uk", "hey.nhs.uk", "nhs.uk", "uk".
  for (std::size_t from = 0; from < key.size();) {
    std::string_view candidate = std::string_view(key).substr(from);
    if (auto it = domain_index_.find(candidate); it != domain_index_.end()) {
      return &organisations_[it->second];
    }
    const std::size_t dot = key.find('.', from);
    if (dot == std::string::npos) break;
    from = dot + 1;
  }
  return nullptr;
}

NameMention Dictionary::MentionOf(int name, MatchKind match) const {
  const DictionaryName& n = names_[name];
  NameMention m;
  m.kind = n.kind;
  m.match = match;
  m.matched_alias = n.written;
  switch (n.kind) {
    case NameKind::kVendor: {
      const Vendor& v = vendors_[n.entry];
      m.canonical = v.name;
      m.vendor = v.name;
      m.subspecialty = v.subspecialty;
      break;
    }
    case NameKind::kProduct: {
      const Product& p = products_[n.entry];
      m.canonical = p.name;
      m.vendor = p.vendor;
      m.subspecialty = p.subspecialty;
      m.modality = p.modality;
      break;
    }
    case NameKind::kOrganisation: {
      const Organisation& o = organisations_[n.entry];
      m.canonical = o.name;
      m.org_type = o.type;
      break;
    }
    case NameKind::kOtherTool: {
      const OtherTool& t = other_tools_[n.entry];
      m.canonical = t.name();
      m.vendor = t.vendor;
      m.category = t.category;
      m.borderline = t.borderline;
      break;
    }
    case NameKind::kUnknown:
      break;
  }
  return m;
}

Status LoadDictionary(const std::filesystem::path& dir, std::unique_ptr<const Dictionary>* out) {
  std::map<std::string, std::string> files;
  for (const char* name : {"vendors.tsv", "products.tsv", "organisations.tsv", "not_clinical_ai.tsv"}) {
    std::ifstream in(dir / name, std::ios::binary);
    if (!in) continue;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    files.emplace(name, buffer.str());
  }
  return LoadDictionaryFromFiles(dir.generic_string(), files, out);
}

Status LoadDictionaryFromFiles(const std::string& dir,
                               const std::map<std::string, std::string>& files,
                               std::unique_ptr<const Dictionary>* out) {
  auto dict = std::make_unique<Dictionary>(Dictionary::Key());
  Errors errors;
  Parts parts;
  Builder builder(&parts, &errors);
  const auto where = [&](std::string_view file) {
    return (std::filesystem::path(dir) / file).generic_string();
  };

  const std::string vendors_file = where("vendors.tsv");
  // Vendors named on lines with other errors: products that name them are not errors too.
  std::unordered_set<std::string> vendors_seen;
  for (const Row& row : ReadTsv(files, "vendors.tsv", vendors_file, 4, errors)) {
    if (!row.fields[0].empty()) vendors_seen.insert(row.fields[0]);
    if (!row.error.empty()) {
      errors.Add(vendors_file, row.line, row.error);
      continue;
    }
    Vendor v;
    v.line = row.line;
    bool ok = CheckSingle(row, 0, "vendor", true, vendors_file, errors);
    if (CheckSingle(row, 1, "subspecialty", true, vendors_file, errors) &&
        !OneOf(kSubspecialties, row.fields[1])) {
      errors.Add(vendors_file, row.line,
                 "unknown subspecialty '" + row.fields[1] + "' (one of: " +
                     ListOf(kSubspecialties) + ")");
      ok = false;
    }
    v.name = row.fields[0];
    v.subspecialty = row.fields[1];
    v.aliases = SplitList(row, 2, "aliases", vendors_file, errors);
    CheckField(row, 3, "note", false, vendors_file, errors);
    v.note = row.fields[3];
    if (!ok) continue;
    if (dict->vendor_index_.count(v.name) != 0) {
      errors.Add(vendors_file, row.line, "vendor '" + v.name + "' is listed twice");
      continue;
    }
    const int index = static_cast<int>(dict->vendors_.size());
    dict->vendor_index_.emplace(v.name, index);
    builder.AddEntry(NameKind::kVendor, index, v.name, v.aliases, v.note, vendors_file, row.line);
    dict->vendors_.push_back(std::move(v));
  }

  const std::string products_file = where("products.tsv");
  for (const Row& row : ReadTsv(files, "products.tsv", products_file, 6, errors)) {
    if (!row.error.empty()) {
      errors.Add(products_file, row.line, row.error);
      continue;
    }
    Product p;
    p.line = row.line;
    bool ok = CheckSingle(row, 0, "product", true, products_file, errors);
    if (CheckSingle(row, 1, "vendor", true, products_file, errors) &&
        vendors_seen.count(row.fields[1]) == 0) {
      errors.Add(products_file, row.line,
                 "vendor '" + row.fields[1] + "' is not a canonical vendor in " + vendors_file);
      ok = false;
    }
    if (CheckSingle(row, 2, "subspecialty", true, products_file, errors) &&
        !OneOf(kSubspecialties, row.fields[2])) {
      errors.Add(products_file, row.line,
                 "unknown subspecialty '" + row.fields[2] + "' (one of: " +
                     ListOf(kSubspecialties) + ")");
      ok = false;
    }
    p.modality = SplitList(row, 3, "modality", products_file, errors);
    for (const auto& m : p.modality) {
      if (!OneOf(kModalities, m)) {
        errors.Add(products_file, row.line,
                   "unknown modality '" + m + "' (one of: " + ListOf(kModalities) + ")");
        ok = false;
      }
    }
    p.name = row.fields[0];
    p.vendor = row.fields[1];
    p.subspecialty = row.fields[2];
    p.aliases = SplitList(row, 4, "aliases", products_file, errors);
    CheckField(row, 5, "note", false, products_file, errors);
    p.note = row.fields[5];
    if (!ok) continue;
    if (dict->product_index_.count(p.name) != 0) {
      errors.Add(products_file, row.line, "product '" + p.name + "' is listed twice");
      continue;
    }
    const int index = static_cast<int>(dict->products_.size());
    dict->product_index_.emplace(p.name, index);
    builder.AddEntry(NameKind::kProduct, index, p.name, p.aliases, p.note, products_file,
                     row.line);
    dict->products_.push_back(std::move(p));
  }

  const std::string orgs_file = where("organisations.tsv");
  for (const Row& row : ReadTsv(files, "organisations.tsv", orgs_file, 5, errors)) {
    if (!row.error.empty()) {
      errors.Add(orgs_file, row.line, row.error);
      continue;
    }
    Organisation o;
    o.line = row.line;
    bool ok = CheckSingle(row, 0, "organisation", true, orgs_file, errors);
    const std::string& type = row.fields[1];
    if (CheckSingle(row, 1, "type", true, orgs_file, errors)) {
      if (type == "trust") {
        o.type = OrgType::kTrust;
      } else if (type == "icb") {
        o.type = OrgType::kIcb;
      } else if (type == "network") {
        o.type = OrgType::kNetwork;
      } else if (type == "other") {
        o.type = OrgType::kOther;
      } else {
        errors.Add(orgs_file, row.line,
                   "unknown type '" + type + "' (one of: trust, icb, network, other)");
        ok = false;
      }
    } else {
      ok = false;
    }
    o.name = row.fields[0];
    o.aliases = SplitList(row, 2, "aliases", orgs_file, errors);
    for (const auto& d : SplitList(row, 3, "domains", orgs_file, errors)) {
      o.domains.push_back(AsciiLower(d));
    }
    const bool trust = ok && o.type == OrgType::kTrust;
    if (CheckField(row, 4, "note", trust, orgs_file, errors) && trust &&
        row.fields[4].rfind("cohort: ", 0) != 0 && row.fields[4].rfind("not in the cohort", 0) != 0) {
      errors.Add(orgs_file, row.line,
                 "the note of a trust must begin 'cohort: ...' or 'not in the cohort'");
    }
    o.note = row.fields[4];
    if (!ok) continue;
    if (dict->organisation_index_.count(o.name) != 0) {
      errors.Add(orgs_file, row.line, "organisation '" + o.name + "' is listed twice");
      continue;
    }
    const int index = static_cast<int>(dict->organisations_.size());
    for (const auto& d : o.domains) {
      if (auto it = dict->domain_index_.find(d); it != dict->domain_index_.end()) {
        const Organisation& other = dict->organisations_[it->second];
        errors.Add(orgs_file, row.line,
                   "domain '" + d + "' is also claimed by " + orgs_file + ":" +
                       std::to_string(other.line) + " (" + other.name + ")");
      } else {
        dict->domain_index_.emplace(d, index);
      }
    }
    dict->organisation_index_.emplace(o.name, index);
    builder.AddEntry(NameKind::kOrganisation, index, o.name, o.aliases, o.note, orgs_file,
                     row.line);
    dict->organisations_.push_back(std::move(o));
  }

  const std::string tools_file = where("not_clinical_ai.tsv");
  for (const Row& row : ReadTsv(files, "not_clinical_ai.tsv", tools_file, 6, errors)) {
    if (!row.error.empty()) {
      errors.Add(tools_file, row.line, row.error);
      continue;
    }
    OtherTool t;
    t.line = row.line;
    bool ok = CheckSingle(row, 0, "vendor", true, tools_file, errors);
    ok = CheckSingle(row, 1, "product", false, tools_file, errors) && ok;
    if (CheckSingle(row, 2, "category", true, tools_file, errors)) {
      if (!OneOf(kCategories, row.fields[2])) {
        errors.Add(tools_file, row.line,
                   "unknown category '" + row.fields[2] + "' (one of: " + ListOf(kCategories) +
                       ")");
        ok = false;
      }
    } else {
      ok = false;
    }
    if (CheckSingle(row, 3, "borderline", true, tools_file, errors)) {
      if (row.fields[3] != "yes" && row.fields[3] != "no") {
        errors.Add(tools_file, row.line, "borderline must be yes or no, not '" + row.fields[3] + "'");
        ok = false;
      }
    } else {
      ok = false;
    }
    t.vendor = row.fields[0];
    t.product = row.fields[1];
    t.category = row.fields[2];
    t.borderline = row.fields[3] == "yes";
    t.aliases = SplitList(row, 4, "aliases", tools_file, errors);
    CheckField(row, 5, "note", false, tools_file, errors);
    t.note = row.fields[5];
    if (!ok) continue;
    if (dict->other_tool_index_.count(t.name()) != 0) {
      errors.Add(tools_file, row.line, "tool '" + t.name() + "' is listed twice");
      continue;
    }
    const int index = static_cast<int>(dict->other_tools_.size());
    dict->other_tool_index_.emplace(t.name(), index);
    builder.AddEntry(NameKind::kOtherTool, index, t.name(), t.aliases, t.note, tools_file,
                     row.line);
    dict->other_tools_.push_back(std::move(t));
  }

  if (!errors.empty()) return Status::Error(errors.Text());

  dict->names_ = std::move(parts.names);
  for (std::size_t i = 0; i < dict->names_.size(); ++i) {
    const DictionaryName& name = dict->names_[i];
    dict->trie_.Add(name.folded, static_cast<int>(i));
    const bool vendor_or_product =
        name.kind == NameKind::kVendor || name.kind == NameKind::kProduct;
    if (vendor_or_product && !name.ambiguous) {
      dict->fingerprints_.emplace(name.fingerprint, static_cast<int>(i));
    }
  }
  dict->fingerprints_by_length_ = SortedByLength(dict->fingerprints_);
  *out = std::move(dict);
  return Status::Ok();
}

}  // namespace foicode::normalise
