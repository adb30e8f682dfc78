// Where the researcher-edited data lives: dictionaries/ and rules/ under one project folder.
#ifndef FOICODE_PIPELINE_CLI_DATA_DIRS_H_
#define FOICODE_PIPELINE_CLI_DATA_DIRS_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "facts/rule_set.h"
#include "normalise/dictionary.h"

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

// What coding needs: the data folder's fingerprint (taken before loading, so an edit made
// while loading is seen as a change next time), the dictionaries and the rules.
struct CodingData {
  std::string fingerprint;
  std::unique_ptr<const normalise::Dictionary> dictionary;
  std::unique_ptr<const facts::RuleSet> rules;
};

// Finds (as FindDataDir) and loads the data for `command`. Returns kOk, or the exit status
// after saying what is wrong on stderr: bad data is the researcher's to fix before any reply
// is read ('foicode check' says where).
int LoadCodingData(std::string_view command, const std::string& data_flag, CodingData* data);

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_DATA_DIRS_H_
