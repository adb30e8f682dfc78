// The subcommand table of foicode: each command parses its own flags and returns an exit code.
#ifndef FOICODE_PIPELINE_CLI_COMMANDS_H_
#define FOICODE_PIPELINE_CLI_COMMANDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/args.h"

namespace foicode::cli {

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `foicode help`
  std::string_view usage;    // the command's --help text
  int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& Commands();

// True when the arguments ask for help (--help or -h anywhere).
bool WantsHelp(const std::vector<std::string>& args);

// --jobs N (1 to 256), or the number of cores when it is not given. Returns kOk, or the
// exit status of a usage error it has reported.
int ReadJobsFlag(std::string_view command, const ParsedArgs& parsed, int* jobs);

// Prints "foicode: <message>" and a pointer to --help on stderr; returns kUsage.
int UsageError(std::string_view command, std::string_view message);

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_COMMANDS_H_
