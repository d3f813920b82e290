#pragma once
// Answering searches, more-like-this and precedents from what the index has committed.
// Reads never write (upkeep invariant 11): a search never indexes, repairs or creates the
// index; the workspace's upkeep job does that, and the next search sees its commit.
//
// Thread-safety: one thread at a time, like the Library it reads; a reader thread has its own.

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "app/internal/library.h"
#include "app/internal/reference_data.h"
#include "core/error.h"
#include "core/ids.h"
#include "core/search_results.h"
#include "search/searcher.h"

namespace nt::app {

class QueryService {
 public:
  // The gazetteer of `reference` gives actor: queries their synonyms beside the stored aliases.
  QueryService(Library& library, const ReferenceData& reference);
  ~QueryService();

  // Errors: kUsage for a malformed query (one sentence); kNotFound when a library with
  // documents has no index and cannot build one (read-only). An empty library finds nothing.
  [[nodiscard]] Result<SearchResults> Search(const SearchRequest& request);
  [[nodiscard]] Result<SearchResults> MoreLikeThis(ParagraphId paragraph, int limit);
  [[nodiscard]] Result<std::vector<Precedent>> Precedents(std::string_view wording,
                                                          const PrecedentOptions& options = {});

  // Searches `index_path` (an index folder or a Xapian stub file listing local and remote
  // shards) instead of the library's own index.
  void UseIndex(const std::filesystem::path& index_path);

 private:
  // The open searcher, reopened at the latest commit; null for an empty library without index.
  [[nodiscard]] Result<search::Searcher*> OpenSearcher();
  [[nodiscard]] Result<std::vector<search::ActorNames>> ActorSynonyms();
  // Reads the hits' texts from the store, a page at a time, for the library's own index
  // (IndexLayout::kLocal).
  [[nodiscard]] search::TextSource StoreText();

  Library& library_;
  const ReferenceData& reference_;
  std::filesystem::path index_path_;
  std::unique_ptr<search::Searcher> searcher_;
};

}  // namespace nt::app
