#pragma once
// The importer contract. One format = one Importer subclass in its own file, added to the
// registry (registry.cpp). Importers are pure functions of their input: they read bytes and
// return a normalised ImportedDocument; they never touch the store or the index.
// Thread-safety: importers are stateless; one instance may be used from several threads.

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/imported_document.h"

namespace nt::importers {

// A file as read from disk, before decoding.
struct SourceFile {
  std::filesystem::path path;
  std::string bytes;

  // Lowercase extension with its dot (".md"), "" when none.
  std::string Extension() const;
  // The path as UTF-8 for messages.
  std::string DisplayName() const;
};

class Importer {
 public:
  virtual ~Importer() = default;

  // Stable name stored with each document ("markdown", "akoma_ntoso").
  virtual std::string_view Name() const = 0;
  // Bumped when the importer's output changes, so documents can be re-imported.
  virtual std::string_view Version() const = 0;

  // How sure this importer is that it can read the file, from 0 (not at all) to 100
  // (certain), judged on the content first; the extension only breaks ties.
  virtual int Confidence(const SourceFile& file) const = 0;

  // Reads the document. Errors are kParse (or kUnsupported) with one sentence naming the file
  // and, where it applies, the line.
  [[nodiscard]] virtual Result<ImportedDocument> Read(const SourceFile& file) const = 0;
};

}  // namespace nt::importers
