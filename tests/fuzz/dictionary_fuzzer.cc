// Fuzzes the dictionary loader. The input is one dictionary file: its name on the first line
// ("vendors.tsv", "products.tsv", "organisations.tsv" or "not_clinical_ai.tsv"), then its
// text. Beside it are the checkout's vendors.tsv and products.tsv, read once, so that
// cross-file checks (a product's vendor, a name claimed twice) run too; the other files are
// empty, which keeps each load fast (organisations.tsv alone is 66 KB).
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "normalise/dictionary.h"

namespace {

const std::map<std::string, std::string>& RealFiles() {
  static const auto* files = [] {
    auto* f = new std::map<std::string, std::string>;
    for (const char* name : {"vendors.tsv", "products.tsv"}) {
      std::ifstream in(std::string(FOICODE_SOURCE_DIR "/dictionaries/") + name, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      (*f)[name] = text.str();
    }
    (*f)["organisations.tsv"] = "";
    (*f)["not_clinical_ai.tsv"] = "";
    return f;
  }();
  return *files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  const std::string name(input.substr(0, newline));
  std::map<std::string, std::string> files = RealFiles();
  if (files.count(name) == 0) return 0;
  files[name] = std::string(input.substr(newline + 1));
  std::unique_ptr<const foicode::normalise::Dictionary> dictionary;
  (void)foicode::normalise::LoadDictionaryFromFiles("dictionaries", files, &dictionary);
  return 0;
}
