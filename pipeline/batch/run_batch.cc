#include "batch/run_batch.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>
#include <system_error>
#include <thread>

#include "extract/extract_source.h"
#include "extract/sha256.h"

namespace foicode::batch {

std::optional<std::string> ReadInputFile(const InputFile& input, const extract::Limits& limits,
                                         std::string* bytes) {
  bytes->clear();
  using extract::LimitNote;
  std::error_code ec;
  const auto size = std::filesystem::file_size(input.fs_path, ec);
  if (ec) return "cannot read: " + ec.message();
  // Checked before reading, so a huge file costs nothing but this message.
  if (size > limits.max_file_bytes) {
    return "file is " + std::to_string(size) + " bytes, over the limit of " +
           std::to_string(limits.max_file_bytes) + " (" + LimitNote("max_file_bytes") + ")";
  }
  std::ifstream in(input.fs_path, std::ios::binary);
  if (!in) return std::string("cannot open: ") + std::strerror(errno);
  bytes->assign(size, '\0');
  in.read(bytes->data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    // The file shrank or vanished while being read: record what happened, keep going.
    bytes->resize(static_cast<std::size_t>(in.gcount()));
    return "file changed or vanished while being read";
  }
  return std::nullopt;
}

ExtractedSource ExtractInputFile(const InputFile& input, const extract::Limits& limits,
                                 extract::IsolatedExtractor& extractor) {
  std::string bytes;
  if (std::optional<std::string> error = ReadInputFile(input, limits, &bytes)) {
    return extract::UnreadableSource(input.display_path, bytes.empty() ? "" : extract::Sha256Hex(bytes), *error);
  }
  return extractor.Extract(input.display_path, bytes, limits);
}

ExtractedSource ExtractInputFile(const InputFile& input, const extract::Limits& limits) {
  extract::IsolatedExtractor in_process("");
  return ExtractInputFile(input, limits, in_process);
}

std::vector<ExtractedSource> ExtractInputs(const std::vector<InputFile>& inputs,
                                           const BatchOptions& options, Progress* progress) {
  std::vector<ExtractedSource> results(inputs.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    extract::IsolatedExtractor extractor(options.worker_program);
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      if (progress != nullptr) progress->Started(inputs[i].display_path);
      try {
        results[i] = ExtractInputFile(inputs[i], options.limits, extractor);
      } catch (const std::exception& e) {
        // An exception on a worker thread would end the whole batch; it costs this input only.
        results[i] = extract::UnreadableSource(inputs[i].display_path, "",
                                               std::string("internal error while reading: ") + e.what());
      }
      if (progress != nullptr) progress->Finished(results[i].error.has_value());
    }
  };
  const int threads = std::max(1, std::min<int>(options.jobs, static_cast<int>(inputs.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  return results;
}

}  // namespace foicode::batch
