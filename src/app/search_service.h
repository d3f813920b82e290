#pragma once
// Searching a library, and keeping its Xapian index in step with the SQLite store.
//
// Invariants of the index pipeline (continuing ImportService's numbering; tests cite them):
//  6. Every change to a document's indexed content writes an index_outbox row in the SAME
//     SQLite transaction as the change: imports explicitly; deletions and changes made by other
//     services (commitments, their actors, norm links, follow-ups) by triggers of migration 2.
//     So the store alone says what the index still lacks.
//  7. An outbox row is cleared only after the Xapian commit that contains its document; a crash
//     between the two commits leaves the row, and the next Sync() (run when a writable library's
//     SearchService is first used, and after each import) repairs the index.
//  8. Indexing is idempotent: each item has a unique id term and is written with
//     replace_document; re-indexing a document removes items it no longer has.
//  9. The index records a content hash per document; Check() compares it, and the item
//     counts, with what the store would index now. Rebuild() recreates the index from the store.
// 10. Watched saved searches re-run after each import (ImportService calls RunWatches); their
//     new matches stay unreported until `normtrack watch` shows them.
//
// Thread-safety: one thread at a time, like the Library it uses.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/library.h"
#include "app/reference_data.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/saved_search.h"
#include "search/index_builder.h"
#include "search/index_types.h"
#include "search/precedent.h"
#include "search/searcher.h"

namespace nt::app {

using search::Facets;
using search::SearchHit;
using search::SearchRequest;
using search::SearchResults;
using search::SortOrder;

struct IndexSyncReport {
  int indexed = 0;  // documents (re)indexed
  int removed = 0;  // documents removed from the index
};

struct IndexCheckReport {
  int store_documents = 0;
  int index_documents = 0;
  std::int64_t index_items = 0;
  search::IndexLayout layout = search::IndexLayout::kLocal;
  int pending = 0;                 // documents still queued in the outbox
  std::vector<std::string> drift;  // one sentence per disagreement
  // Folders an interrupted rebuild left beside the index (search::FindRebuildLeftovers), not
  // written for an hour: disk space only, the index itself is not affected.
  search::RebuildLeftovers leftovers;
  bool ok() const { return drift.empty(); }
};

struct WatchReport {
  SavedSearch search;
  int new_matches = 0;
  std::vector<SearchHit> hits;  // the new matches still in the results (for display)
};

class SearchService {
 public:
  // `reference` supplies actor mentions and synonyms (the gazetteer); without it only the actors
  // stored with commitments are indexed and only stored aliases resolve.
  explicit SearchService(Library& library, const ReferenceData* reference = nullptr);
  ~SearchService();

  // Indexes every document the outbox lists (invariant 7), after putting in place the index of a
  // rebuild killed as it swapped it in. A read-only library does nothing.
  // When most of the library is queued (a first large import), it rebuilds instead: faster on
  // a machine with more than one core.
  [[nodiscard]] Result<IndexSyncReport> Sync();
  // Recreates the index from the store on several threads (search::IndexBuilder); the old index
  // stays in place, whole, until the new one is complete. It is written in `layout`, or, without
  // one, in the layout of the index it replaces (kLocal for a first index).
  [[nodiscard]] Result<IndexSyncReport> Rebuild(
      const ProgressCallback& progress = {},
      std::optional<search::IndexLayout> layout = std::nullopt);
  [[nodiscard]] Result<IndexCheckReport> Check();
  // Removes what Check() reported in `leftovers`.
  [[nodiscard]] Status RemoveLeftovers(const search::RebuildLeftovers& leftovers);

  // Errors: kUsage for a malformed query (one sentence), kNotFound when there is no index.
  [[nodiscard]] Result<SearchResults> Search(const SearchRequest& request);
  [[nodiscard]] Result<SearchResults> MoreLikeThis(ParagraphId paragraph, int limit);
  [[nodiscard]] Result<std::vector<search::Precedent>> Precedents(
      std::string_view wording, const search::PrecedentOptions& options = {});

  // Searches `index_path` (an index folder or a Xapian stub file listing local and remote
  // shards) instead of the library's own index.
  void UseIndex(const std::filesystem::path& index_path);

  // Saves (or replaces) a named search; a watch starts from its current matches.
  [[nodiscard]] Result<SavedSearch> Save(std::string_view name, std::string_view query, bool watch);
  // Re-runs every watch and records its new matches as unreported (invariant 10).
  [[nodiscard]] Result<std::vector<WatchReport>> RunWatches();
  // Re-runs the watches and returns, then marks reported, every unreported match.
  [[nodiscard]] Result<std::vector<WatchReport>> ReportWatches();

  // The index item key a watch records: "paragraph:12", "commitment:7".
  static std::string ItemKey(const SearchHit& hit);

 private:
  [[nodiscard]] Result<search::IndexDocument> Assemble(DocumentId document);
  [[nodiscard]] Result<search::Searcher*> OpenSearcher();
  [[nodiscard]] Result<std::vector<search::ActorNames>> ActorSynonyms();
  // Reads a hit's text from the store, for the library's own index (search::IndexLayout).
  [[nodiscard]] search::TextSource StoreText();
  [[nodiscard]] Result<std::vector<SearchHit>> AllMatches(const std::string& query);

  Library& library_;
  const ReferenceData* reference_;
  std::filesystem::path index_path_;
  std::unique_ptr<search::Searcher> searcher_;
  bool synced_ = false;
};

}  // namespace nt::app
