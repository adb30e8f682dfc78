// Runs the real build/foicode binary for end-to-end tests.
#ifndef FOICODE_TESTS_TESTING_RUN_COMMAND_H_
#define FOICODE_TESTS_TESTING_RUN_COMMAND_H_

#include <string>
#include <vector>

namespace foicode::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs build/foicode with `args` (no shell involved) and waits for it.
CommandResult RunFoicode(const std::vector<std::string>& args);

}  // namespace foicode::testing

#endif  // FOICODE_TESTS_TESTING_RUN_COMMAND_H_
