#pragma once
// Writes the Xapian index: one Indexer owns the only writable handle (DESIGN.md "Threads").
//
// Each document's items get a unique id term (QP<paragraph id>, QC<commitment id>) and are
// written with replace_document, so indexing a document twice is harmless. Changes are grouped
// in a batch (a Xapian transaction) that becomes visible only at Commit(); Abandon() drops it,
// as a crash would. The index records each document's content hash with its items, atomically.
//
// Thread-safety: one thread at a time. Readers use their own Searcher and Reopen() after a
// commit.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "search/index_types.h"

namespace nt::search {

enum class IndexOpenMode {
  kOpenOrCreate,  // keep what is there
  kOverwrite,     // start empty (rebuild)
};

class Indexer {
 public:
  // Opens (creating the folder as needed). Errors: kLocked when another writer holds it,
  // kCorrupt for a damaged index, kIo otherwise; each names the folder.
  // A new or emptied index is written in `layout`; an index that holds documents, or records a
  // layout, keeps its own.
  [[nodiscard]] static Result<std::unique_ptr<Indexer>> Open(
      const std::filesystem::path& folder, IndexOpenMode mode,
      IndexLayout layout = IndexLayout::kLocal);
  ~Indexer();
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  // Replaces every item of `document` (items no longer present are removed).
  [[nodiscard]] Status Replace(const IndexDocument& document);
  // Removes every item of the document; a document that is not indexed is not an error.
  [[nodiscard]] Status Remove(std::int64_t document_id);
  // Makes the batch durable and visible (Xapian commit); retries once after the database was
  // modified underneath.
  [[nodiscard]] Status Commit();
  // Drops the uncommitted batch.
  void Abandon();
  // Records in the batch which library the index belongs to (Summary::library_id); the next
  // Commit makes it durable.
  [[nodiscard]] Status RecordLibrary(std::string_view library_id);

  // False for an index written with an older layout (fields.h kFormat): it must be rebuilt
  // from the store, as its terms differ even where its content hashes match.
  [[nodiscard]] bool FormatCurrent() const;
  // The same for the index in `folder`, read without taking the writer's lock.
  [[nodiscard]] static Result<bool> FormatCurrentAt(const std::filesystem::path& folder);

  [[nodiscard]] IndexLayout Layout() const;

  // The index's record of every document it holds (committed state).
  [[nodiscard]] Result<std::map<std::int64_t, IndexedDocumentState>> Documents();

  // What the index in `folder` holds, read without taking the writer's lock, so that a check
  // can run while another program (the app, an import) writes. Errors as for Open, but never
  // kLocked.
  struct Contents {
    bool format_current = true;
    IndexLayout layout = IndexLayout::kLocal;
    std::map<std::int64_t, IndexedDocumentState> documents;
    std::int64_t items = 0;
    // Indexed words without their word-form entry (fields.h): a plain query word misses them.
    std::int64_t words_without_forms = 0;
    std::vector<std::string> words_without_forms_examples;  // the first few
  };
  [[nodiscard]] static Result<Contents> ReadAt(const std::filesystem::path& folder);
  // Just enough of the above to tell, when a library opens, whether its index must be rebuilt:
  // the format and the ids of the documents it holds (no item counts, no word forms), read
  // without the writer's lock. Errors as ReadAt.
  struct Summary {
    bool format_current = true;
    std::vector<std::int64_t> document_ids;  // ascending
    std::string library_id;                  // "" for an index that records none
  };
  [[nodiscard]] static Result<Summary> SummaryAt(const std::filesystem::path& folder);

 private:
  struct Impl;
  explicit Indexer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace nt::search
