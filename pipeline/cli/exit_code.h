// The exit status of foicode, as the contract fixes it.
#ifndef FOICODE_PIPELINE_CLI_EXIT_CODE_H_
#define FOICODE_PIPELINE_CLI_EXIT_CODE_H_

namespace foicode::cli {

enum ExitCode : int {
  kOk = 0,         // every input was coded or recorded with an error
  kRunFailed = 1,  // the run itself could not finish (e.g. the dataset could not be written)
  kUsage = 2,      // bad flag, missing path
};

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_EXIT_CODE_H_
