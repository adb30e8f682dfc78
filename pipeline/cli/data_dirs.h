// Where the researcher-edited data lives: dictionaries/ and rules/ under one project folder.
#ifndef FOICODE_PIPELINE_CLI_DATA_DIRS_H_
#define FOICODE_PIPELINE_CLI_DATA_DIRS_H_

#include <filesystem>
#include <string>

namespace foicode::cli {

// The folder holding dictionaries/ and rules/: `flag_value` when given (--data DIR), else the
// folder above the binary (build/foicode -> the checkout), else the source tree it was built
// from. Empty when none of them holds both.
std::filesystem::path FindDataDir(const std::string& flag_value, const char* argv0);

// Changes whenever this program changes (its own bytes): cached text and coded records made
// by another build are not trusted.
std::string ProgramFingerprint();

// Changes whenever coding could change: the program, and every file under dictionaries/ and
// rules/ in `data` (names and contents).
std::string DataFingerprint(const std::filesystem::path& data);

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_DATA_DIRS_H_
