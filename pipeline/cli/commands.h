// The subcommand table of foicode: each command parses its own flags and returns an exit code.
#ifndef FOICODE_PIPELINE_CLI_COMMANDS_H_
#define FOICODE_PIPELINE_CLI_COMMANDS_H_

#include <string>
#include <string_view>
#include <vector>

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

// Prints "foicode: <message>" and a pointer to --help on stderr; returns kUsage.
int UsageError(std::string_view command, std::string_view message);

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_COMMANDS_H_
