// Fuzzes the state-file reader: the input is written as DIR/foicode-state.sqlite in a fresh
// temporary folder, opened through DatasetStore::OpenExisting, and everything the dataset
// reads is read; an append checks the file's own guards.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/dataset_store.h"

namespace {

// In memory where the system offers it (/dev/shm): SQLite syncs what it writes.
const std::filesystem::path& Dir() {
  static const auto* dir = [] {
    std::error_code ec;
    const std::filesystem::path base = std::filesystem::is_directory("/dev/shm", ec)
                                           ? std::filesystem::path("/dev/shm")
                                           : std::filesystem::temp_directory_path();
    return new std::filesystem::path(
        base / ("foicode-fuzz-store-" + std::to_string(static_cast<long>(getpid()))));
  }();
  return *dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace store = foicode::store;
  const std::filesystem::path& dir = Dir();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / store::kStateFileName, std::ios::binary);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  {
    std::unique_ptr<store::DatasetStore> state;
    if (store::DatasetStore::OpenExisting(dir, &state).ok()) {
      std::optional<std::string> value;
      (void)state->GetMeta("generation", &value);
      (void)state->GetMeta("data_fingerprint", &value);
      std::vector<store::InputRow> inputs;
      std::vector<std::string> records;
      if (state->Inputs(&inputs).ok()) {
        for (const store::InputRow& input : inputs) {
          bool present = false;
          (void)state->HasExtraction(input.cache_key, &present);
          (void)state->GetExtraction(input.cache_key, &value);
        }
      }
      (void)state->MachineRecords(&records);
      (void)state->Baseline(&inputs, &records);
      std::vector<store::StoredDecision> decisions;
      (void)state->Decisions(&decisions);
      std::int64_t id = 0;
      (void)state->AppendDecision("{\"action\":\"accept\"}", &id);
    }
  }
  std::filesystem::remove_all(dir);
  return 0;
}
