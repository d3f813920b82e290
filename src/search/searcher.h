#pragma once
// Reads the Xapian index: query language, ranking, paging, snippets, facets, more-like-this.
//
// The query language is Xapian's QueryParser with: AND OR NOT XOR and parentheses (any case),
// "phrases", NEAR and ADJ (a NEAR/3 b), wildcards (cyber*), +required -excluded terms, the field
// prefixes of fields.h (actor:US resolves any alias to its actor), date ranges
// (date:2015..2017, date:2017-07.., date:..2016-12-31), English stemming and CJK n-grams.
//
// A Searcher opens a local index folder, or a Xapian stub file listing several databases, local
// and remote (xapian-tcpsrv): results come from all of them.
// Thread-safety: one thread at a time; each thread opens its own Searcher. (A faceted search
// counts the facets on a thread of its own, through the Searcher's second handle on the index,
// while the calling thread ranks.)

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "search/index_types.h"

namespace nt::search {

// An actor and every name a query may use for it.
struct ActorNames {
  std::string canonical;              // as indexed
  std::vector<std::string> names;     // case-insensitive
  std::vector<std::string> acronyms;  // exact case
};

using nt::FacetCount;
using nt::Facets;
using nt::SearchHit;
using nt::SearchRequest;
using nt::SearchResults;
using nt::SnippetPart;
using nt::SortOrder;

// An indexed item as the index names it.
struct ItemRef {
  ItemKind kind = ItemKind::kParagraph;
  std::int64_t id = 0;
};

// The texts of indexed items, read from the store: a local-layout index (IndexLayout) keeps
// none. Called once per page of hits (a search, more-like-this, precedent candidates) with the
// items of that page, so the store can answer in a query or two instead of one per hit.
// Returns one text per item, in the order asked; "" for an item that is not there (a missing
// or short answer leaves the rest of the texts empty).
using TextSource = std::function<std::vector<std::string>(const std::vector<ItemRef>& items)>;

class Searcher {
 public:
  // Opens an index folder or a stub file. `text_source` gives the hits of a local-layout index
  // their text (and so their snippets); pass it only for the library's own index, whose ids it
  // knows. Errors: kNotFound (nothing there), kCorrupt, kIo (a remote shard that does not
  // answer), each naming the path.
  [[nodiscard]] static Result<std::unique_ptr<Searcher>> Open(const std::filesystem::path& path,
                                                              std::vector<ActorNames> actors = {},
                                                              TextSource text_source = {});
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Errors: kUsage with one sentence for a malformed or empty query.
  [[nodiscard]] Result<SearchResults> Search(const SearchRequest& request);
  // Paragraphs like the paragraph `paragraph_id` (relevance feedback: its most telling terms),
  // itself excluded. kNotFound when the paragraph is not indexed.
  [[nodiscard]] Result<SearchResults> MoreLikeThis(std::int64_t paragraph_id, int limit);
  // Paragraphs sharing words with `text` (any of them), best first: candidates for precedent.
  [[nodiscard]] Result<std::vector<SearchHit>> Candidates(const std::string& text, int limit);
  // Sees the latest commit.
  [[nodiscard]] Status Reopen();
  [[nodiscard]] Result<std::int64_t> ItemCount();

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace nt::search
