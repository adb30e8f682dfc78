// Turns the PATH arguments of `foicode run` into the sorted list of input files to read.
#ifndef FOICODE_PIPELINE_BATCH_INPUT_WALK_H_
#define FOICODE_PIPELINE_BATCH_INPUT_WALK_H_

#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace foicode::batch {

struct InputFile {
  // The PATH argument that reached the file joined with the path below it, with "/"
  // separators: `foicode run replies` gives "replies/FOI 4410 response.pdf". Always UTF-8:
  // bytes of a name that are not are written \xhh ("r\xe9ponse.txt"), as Python writes them.
  std::string display_path;
  std::filesystem::path fs_path;  // where to read it
  bool operator==(const InputFile&) const = default;
};

// Walks files and folders (recursively; symbolic links to folders are not followed, so a
// link loop cannot trap the walk). Returns the files sorted by display path, each once.
// A PATH that does not exist is an error naming it; nothing is returned then. Files under
// `exclude` (the dataset folder, when it sits among the replies) are not inputs.
Status WalkInputs(const std::vector<std::string>& paths, const std::filesystem::path& exclude,
                  std::vector<InputFile>* inputs);

}  // namespace foicode::batch

#endif  // FOICODE_PIPELINE_BATCH_INPUT_WALK_H_
