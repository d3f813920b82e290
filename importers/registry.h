#pragma once
// The list of importers and the choice of one for a file.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "importers/importer.h"

namespace nt::importers {

// A document read from a file, with the provenance the store keeps.
struct ReadDocument {
  ImportedDocument document;
  std::string importer;
  std::string importer_version;
  std::string sha256;  // of the file's bytes
};

// The largest file NormTrack reads as one document. Reading is all in memory, so this bounds
// an import's memory; real statements, reports and treaties are far smaller.
inline constexpr std::uintmax_t kMaxDocumentBytes = 64ull * 1024 * 1024;

class Registry {
 public:
  // Every built-in format.
  static Registry WithBuiltinFormats();

  void Add(std::unique_ptr<Importer> importer);

  // The importer with the highest confidence, or nullptr when none is above zero.
  const Importer* Choose(const SourceFile& file) const;

  const std::vector<std::unique_ptr<Importer>>& importers() const { return importers_; }

  // Reads, hashes and imports a file. Errors: kNotFound/kIo (file), kUnsupported (no importer
  // reads it, e.g. a binary file, or larger than kMaxDocumentBytes), kParse (the chosen
  // importer failed).
  [[nodiscard]] Result<ReadDocument> ReadFile(const std::filesystem::path& path) const;
  // The same for bytes already in memory.
  [[nodiscard]] Result<ReadDocument> Read(const SourceFile& file) const;

 private:
  std::vector<std::unique_ptr<Importer>> importers_;
};

}  // namespace nt::importers
