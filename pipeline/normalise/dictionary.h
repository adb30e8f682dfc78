// The normalise stage's dictionaries: clinical AI vendors and products, NHS organisations and
// tools that are not clinical AI, loaded once from dictionaries/*.tsv (format in
// dictionaries/README.md) and then shared, read-only, by every thread.
#ifndef FOICODE_PIPELINE_NORMALISE_DICTIONARY_H_
#define FOICODE_PIPELINE_NORMALISE_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/name_mention.h"
#include "core/status.h"
#include "normalise/name_trie.h"

namespace foicode::normalise {

// One line of vendors.tsv.
struct Vendor {
  std::string name;          // canonical
  std::string subspecialty;  // one of the README's list
  std::vector<std::string> aliases;
  std::string note;
  int line = 0;  // 1-based line in vendors.tsv
};

// One line of products.tsv.
struct Product {
  std::string name;          // canonical
  std::string vendor;        // a canonical Vendor::name
  std::string subspecialty;  // one of the README's list
  std::vector<std::string> modality;  // may be empty
  std::vector<std::string> aliases;
  std::string note;
  int line = 0;  // 1-based line in products.tsv
};

// One line of organisations.tsv.
struct Organisation {
  std::string name;  // canonical
  OrgType type = OrgType::kOther;
  std::vector<std::string> aliases;
  std::vector<std::string> domains;  // lower case, e.g. "hey.nhs.uk"; may be empty
  std::string note;
  int line = 0;  // 1-based line in organisations.tsv
};

// One line of not_clinical_ai.tsv.
struct OtherTool {
  std::string vendor;
  std::string product;   // empty on a company-level line
  std::string category;  // dictation, transcription, ambient_scribe, ...
  bool borderline = false;
  std::vector<std::string> aliases;
  std::string note;
  int line = 0;  // 1-based line in not_clinical_ai.tsv
  // The canonical name reported for it: the product, or the vendor on a company-level line.
  const std::string& name() const { return product.empty() ? vendor : product; }
};

// One matchable name: a canonical name or an alias of one entry.
struct DictionaryName {
  std::string written;      // as the dictionary writes it ("Red Dot")
  std::string folded;       // FoldedText of `written` ("red dot")
  std::string fingerprint;  // its letters and digits only, folded ("reddot")
  NameKind kind = NameKind::kVendor;
  int entry = 0;  // index into vendors(), products(), organisations() or other_tools()
  // The entry's note marks this name "ambiguous:" (an ordinary word too): it counts only when
  // the reply writes it with the dictionary's capitals and near an AI or product word.
  bool ambiguous = false;
};

// Hashes std::string and std::string_view alike, so a map keyed by std::string can be searched
// with a view of a reused buffer instead of a newly built string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

// A vendor or product fingerprint as the near-miss scan reads it.
struct FingerprintEntry {
  std::string fingerprint;
  int name = 0;                 // index into Dictionary::names()
  std::uint64_t byte_mask = 0;  // ByteMask(fingerprint)
};

// Loaded once, then immutable; not copyable; safe for concurrent use.
class Dictionary {
 public:
  // Only LoadDictionary can make the key, so only it builds a Dictionary.
  class Key {
   private:
    Key() = default;
    friend Status LoadDictionaryFromFiles(const std::string& dir,
                                          const std::map<std::string, std::string>& files,
                                          std::unique_ptr<const Dictionary>* out);
  };
  explicit Dictionary(Key) {}
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  const std::vector<Vendor>& vendors() const { return vendors_; }
  const std::vector<Product>& products() const { return products_; }
  const std::vector<Organisation>& organisations() const { return organisations_; }
  const std::vector<OtherTool>& other_tools() const { return other_tools_; }

  // The entry with this canonical name (exact, case-sensitive), or null. The pointer lives as
  // long as the Dictionary.
  const Vendor* FindVendor(std::string_view canonical) const;
  const Product* FindProduct(std::string_view canonical) const;
  const Organisation* FindOrganisation(std::string_view canonical) const;
  // By OtherTool::name(): the product, or the vendor of a company-level line.
  const OtherTool* FindOtherTool(std::string_view canonical) const;

  // The organisation that owns `domain` or one of its parent domains ("foi.hey.nhs.uk" ->
  // the owner of hey.nhs.uk), case-insensitively; an e-mail address is taken by the part after
  // '@'. Null when no organisation lists it (shared domains like nhs.net are never listed).
  const Organisation* OrganisationForEmailDomain(std::string_view domain) const;

  // A mention of names()[name] with the entry's fields filled in (kind, canonical, vendor,
  // subspecialty, modality, category, borderline, org_type, matched_alias) and `match`;
  // the span and quote are left for the caller.
  NameMention MentionOf(int name, MatchKind match) const;

  // Every matchable name, and a trie of their folded forms whose values index names().
  const std::vector<DictionaryName>& names() const { return names_; }
  const NameTrie& trie() const { return trie_; }
  // Non-ambiguous vendor and product names by fingerprint (index into names()), for near-miss
  // matching; searchable with a std::string_view.
  using FingerprintMap = std::unordered_map<std::string, int, StringHash, std::equal_to<>>;
  const FingerprintMap& vendor_product_fingerprints() const { return fingerprints_; }
  // The same fingerprints sorted by length, then by name index, built once at load: a span
  // needs only the few lengths within its edit budget, and ties never depend on hashing.
  const std::vector<FingerprintEntry>& fingerprints_by_length() const {
    return fingerprints_by_length_;
  }

 private:
  friend Status LoadDictionaryFromFiles(const std::string& dir,
                                        const std::map<std::string, std::string>& files,
                                        std::unique_ptr<const Dictionary>* out);

  std::vector<Vendor> vendors_;
  std::vector<Product> products_;
  std::vector<Organisation> organisations_;
  std::vector<OtherTool> other_tools_;
  std::map<std::string, int, std::less<>> vendor_index_, product_index_, organisation_index_,
      other_tool_index_;
  std::map<std::string, int, std::less<>> domain_index_;  // lower-case domain -> organisation
  std::vector<DictionaryName> names_;
  NameTrie trie_;
  FingerprintMap fingerprints_;
  std::vector<FingerprintEntry> fingerprints_by_length_;
};

// Reads vendors.tsv, products.tsv, organisations.tsv and not_clinical_ai.tsv from `dir`.
// On success sets *out and returns OK. On failure leaves *out unchanged and returns every
// problem found (up to 20), one per line, each as "<dir>/<file>:<line>: <what>": a wrong column
// count, an empty required field, a value outside a fixed list, a product whose vendor is not
// in vendors.tsv, a name claimed by two entries (naming both places), two names of different
// entries that differ only in spaces and punctuation, a domain listed twice, an "ambiguous:"
// note that quotes no name of its entry, or a file that cannot be read.
Status LoadDictionary(const std::filesystem::path& dir, std::unique_ptr<const Dictionary>* out);

// As LoadDictionary, from in-memory files (file name -> contents, e.g. "vendors.tsv"); a file
// missing from `files` cannot be read. `dir` is only used in messages. For the fuzzer.
Status LoadDictionaryFromFiles(const std::string& dir,
                               const std::map<std::string, std::string>& files,
                               std::unique_ptr<const Dictionary>* out);

// The letters and digits of `text` (code points u_isalnum accepts), NFKC case-folded:
// "Heart-Flow" -> "heartflow". Names that differ only in spacing and punctuation share it.
std::string Fingerprint(std::string_view text);

// The byte values `bytes` holds, one bit for each of a-z and 0-9 and the other values sharing
// the remaining 28 bits. One edit (insert, delete, substitute or swap of bytes) adds or removes
// at most one byte value, so popcount(ByteMask(a) & ~ByteMask(b)) never exceeds the edit
// distance of a and b: a bit set for a value of `a` that is missing from `b` stays set, and
// values sharing a bit can only hide a difference, never make one up.
std::uint64_t ByteMask(std::string_view bytes);

}  // namespace foicode::normalise

#endif  // FOICODE_PIPELINE_NORMALISE_DICTIONARY_H_
