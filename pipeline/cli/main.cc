// foicode: Freedom of Information replies in, a coded and reviewable dataset out.
// main finds the subcommand and hands it the rest of the arguments.
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "extract/extract_worker.h"
#include "server/isolated_render.h"

int main(int argc, char** argv) {
  using foicode::cli::Command;
  using foicode::cli::Commands;
  // The worker foicode reads each input in (extract/isolated_extractor.h); not a command for people.
  if (argc >= 2 && std::string_view(argv[1]) == "extract-worker") {
    return foicode::extract::ExtractWorkerMain(argc - 1, argv + 1);
  }
  // The child the review page renders PDF pages in (server/isolated_render.h).
  if (argc >= 2 && std::string_view(argv[1]) == "render-worker") foicode::server::RenderWorkerMain();
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    return Commands().back().name == "help" ? Commands().back().run({}) : 0;
  }
  if (args[0] == "--version") {
    std::cout << "foicode " << FOICODE_VERSION << "\n";
    return foicode::cli::kOk;
  }
  std::vector<std::string_view> names;
  for (const Command& command : Commands()) {
    names.push_back(command.name);
    if (command.name != args[0]) continue;
    try {
      return command.run(std::vector<std::string>(args.begin() + 1, args.end()));
    } catch (const std::exception& e) {
      std::cerr << "foicode: the run could not finish: " << e.what() << "\n";
      return foicode::cli::kRunFailed;
    }
  }
  const std::string suggestion = foicode::cli::ClosestMatch(args[0], names);
  std::cerr << "foicode: unknown command '" << args[0] << "'"
            << (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?")
            << " (see foicode help)\n";
  return foicode::cli::kUsage;
}
