#pragma once
// The vocabulary of searching, as plain values: what a front end asks (SearchRequest) and gets
// back (SearchResults, Precedent), shared by src/search, which produces them, and the
// application layer and front ends, which show them. No Xapian type here.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/enum_names.h"

namespace nt {

// What a search hit is: a paragraph, or a commitment inside one.
enum class ItemKind { kParagraph, kCommitment };
inline constexpr EnumNames<ItemKind, 2> kItemKindNames{{
    {ItemKind::kParagraph, "paragraph"},
    {ItemKind::kCommitment, "commitment"},
}};
constexpr std::string_view ToString(ItemKind kind) { return NameOf(kItemKindNames, kind); }

// How an index is written (recorded in it; a rebuild keeps it unless told otherwise).
enum class IndexLayout {
  // For the library's own use (the default): each word is indexed as written, its stemmed
  // forms live in a small table of word forms, and the text of a hit is read from the library's
  // database. About a quarter smaller, and built faster, than kShared.
  kLocal,
  // For serving to others (xapian-tcpsrv, or a stub file elsewhere): self-contained. Stemmed
  // terms are indexed beside the words, as a remote database cannot hand over its word forms,
  // and each item keeps its text, so hits show snippets without the library's database.
  kShared,
};
inline constexpr EnumNames<IndexLayout, 2> kIndexLayoutNames{{
    {IndexLayout::kLocal, "local"},
    {IndexLayout::kShared, "shared"},
}};
constexpr std::string_view ToString(IndexLayout layout) {
  return NameOf(kIndexLayoutNames, layout);
}

enum class SortOrder { kRelevance, kDateNewestFirst, kDateOldestFirst };

struct SearchRequest {
  std::string query;
  int offset = 0;
  int limit = 10;
  SortOrder sort = SortOrder::kRelevance;
  bool facets = false;
  // Facets count every match up to this many; past it, the first this many in index order
  // (roughly import order, not the best-ranked), so a very common term costs a bounded time.
  // 0 (or less) counts every match, however many. Results say whether the counts are exact and
  // how many they cover.
  int facet_sample = 20000;
  std::size_t snippet_length = 240;  // bytes of text around the matches
};

struct SnippetPart {
  std::string text;
  bool match = false;  // a query term: shown highlighted
};

struct SearchHit {
  ItemKind kind = ItemKind::kParagraph;
  std::int64_t item_id = 0;  // paragraph or commitment id
  std::int64_t paragraph_id = 0;
  std::int64_t document_id = 0;
  std::string document_title;
  std::string document_kind;
  std::string date;
  std::string label;
  std::string text;  // the whole indexed text (from the index, or the library's database)
  std::vector<SnippetPart> snippet;
  double weight = 0;  // BM25 (0 when sorted by date only)
  int percent = 0;
};

struct FacetCount {
  std::string value;
  int count = 0;
};

struct Facets {
  std::vector<FacetCount> actor, dialogue, kind, year, type;  // most frequent first
};

struct SearchResults {
  std::int64_t total_estimate = 0;  // matches overall (Xapian's estimate)
  std::int64_t total_lower_bound = 0;
  std::int64_t total_upper_bound = 0;
  int offset = 0;
  std::vector<SearchHit> hits;
  bool has_facets = false;
  // The facets count every match, or, past the request's `facet_sample`, the first that many in
  // index order.
  bool facets_exact = true;                // every match was counted
  std::int64_t facet_matches_counted = 0;  // how many matches the facet counts cover
  Facets facets;                           // when requested
};

// A word-level difference between a wording and an earlier use of it.
enum class DiffOp { kSame, kAdded, kRemoved };  // added: in the precedent, not in the query
struct DiffWord {
  DiffOp op = DiffOp::kSame;
  std::string word;  // as written
};

struct WindowMatch {
  double similarity = 0;  // MinHash estimate over the best window
  std::size_t begin = 0;  // word range of the window in the paragraph
  std::size_t end = 0;
  std::vector<DiffWord> diff;  // query -> window
  std::string excerpt;         // the window's text as written (with its punctuation)
};

// An earlier use of a wording ("where was this agreed before").
struct Precedent {
  SearchHit hit;       // the paragraph (document, label, date, text)
  WindowMatch match;   // where in it, how similar, what differs
  bool exact = false;  // the query's words appear in order, unchanged
};

struct PrecedentOptions {
  double min_similarity = 0.35;  // MinHash estimate over word and word-pair shingles
  int candidates = 300;          // paragraphs fetched from the index before comparing
  int limit = 50;
};

// What an interrupted rebuild of an index folder left beside it: its shards (FOLDER.shard*),
// and the merged or the replaced index of a swap cut short (FOLDER.new, FOLDER.old), with their
// size on disk.
struct RebuildLeftovers {
  std::vector<std::filesystem::path> folders;
  std::uintmax_t bytes = 0;
};

}  // namespace nt
