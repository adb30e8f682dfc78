#include "cli/data_dirs.h"

#include <system_error>

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

}  // namespace foicode::cli
