#include "cli/data_dirs.h"

#include <elf.h>
#include <link.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "extract/sha256.h"

namespace foicode::cli {
namespace {

bool HoldsData(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir / "dictionaries", ec) &&
         std::filesystem::is_directory(dir / "rules", ec);
}

}  // namespace

std::filesystem::path FindDataDir(const std::string& flag_value, const char* argv0) {
  if (!flag_value.empty()) return HoldsData(flag_value) ? std::filesystem::path(flag_value) : "";
  std::error_code ec;
  // /proc/self/exe is the binary even when it was started through a symlink or $PATH.
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec && argv0 != nullptr) exe = std::filesystem::absolute(argv0, ec);
  if (!exe.empty() && HoldsData(exe.parent_path().parent_path())) return exe.parent_path().parent_path();
  if (HoldsData(FOICODE_SOURCE_DIR)) return FOICODE_SOURCE_DIR;
  return "";
}

namespace {

// The linker's build id of the running program (a hash of its code), read from memory.
int FindBuildId(struct dl_phdr_info* info, size_t, void* out) {
  // The first object is the program itself.
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const char* name = p + sizeof(ElfW(Nhdr));
      const char* desc = name + ((note->n_namesz + 3) & ~3u);
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        static const char kHex[] = "0123456789abcdef";
        auto* id = static_cast<std::string*>(out);
        for (unsigned j = 0; j < note->n_descsz; ++j) {
          const unsigned char b = static_cast<unsigned char>(desc[j]);
          *id += kHex[b >> 4];
          *id += kHex[b & 15];
        }
        return 1;
      }
      p = desc + ((note->n_descsz + 3) & ~3u);
    }
  }
  return 1;
}

}  // namespace

std::string ProgramFingerprint() {
  static const std::string fingerprint = [] {
    std::string id;
    dl_iterate_phdr(&FindBuildId, &id);
    if (id.empty()) {
      // No build id (an unusual linker): the program file's own bytes.
      std::ifstream in("/proc/self/exe", std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      id = extract::Sha256Hex(bytes.str()).substr(0, 40);
    }
    return std::string(FOICODE_VERSION) + "-" + id;
  }();
  return fingerprint;
}

std::string DataFingerprint(const std::filesystem::path& data) {
  std::vector<std::filesystem::path> files;
  for (const char* folder : {"dictionaries", "rules"}) {
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(data / folder, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  std::string all = ProgramFingerprint();
  for (const std::filesystem::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    all += "\n" + std::filesystem::relative(f, data).string() + "\n" + extract::Sha256Hex(bytes.str());
  }
  return extract::Sha256Hex(all);
}

int LoadCodingData(std::string_view command, const std::string& data_flag, CodingData* data) {
  const std::filesystem::path dir = FindDataDir(data_flag, nullptr);
  if (dir.empty()) {
    return UsageError(command, data_flag.empty() ? "cannot find dictionaries/ and rules/: name their folder with --data"
                                                 : "no dictionaries/ and rules/ in " + data_flag);
  }
  data->fingerprint = DataFingerprint(dir);
  if (Status s = normalise::LoadDictionary(dir / "dictionaries", &data->dictionary); !s.ok()) {
    std::cerr << s.message() << "\nfoicode " << command << ": the dictionaries have errors; nothing was written\n";
    return kRunFailed;
  }
  if (Status s = facts::LoadRuleSet(dir / "rules", &data->rules); !s.ok()) {
    std::cerr << s.message() << "\nfoicode " << command << ": the rules have errors; nothing was written\n";
    return kRunFailed;
  }
  return kOk;
}

}  // namespace foicode::cli
