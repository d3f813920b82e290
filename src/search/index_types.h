#pragma once
// What the index holds, as plain values: the app assembles an IndexDocument from the store and
// hands it to the Indexer; searches return SearchHits that map back to the store by id.
// No Xapian type appears here or in any other public header of src/search.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/search_results.h"

namespace nt::search {

// The vocabulary shared with the application (core/search_results.h), named here too so that
// search code and its tests can keep writing search::ItemKind.
using nt::IndexLayout;
using nt::ItemKind;
using nt::ToString;

// One searchable unit: a paragraph, or a commitment inside one.
struct IndexItem {
  ItemKind kind = ItemKind::kParagraph;
  std::int64_t id = 0;            // paragraph id or commitment id
  std::int64_t paragraph_id = 0;  // the paragraph (itself, for a paragraph)
  std::string label;              // printed paragraph label: "7(2)a"
  std::string text;
  std::string language;                       // BCP 47 primary tag; empty = the document's
  std::vector<std::string> actors;            // canonical names (mentioned or bound)
  std::vector<std::string> commitment_types;  // "pledge", ...
  std::vector<std::string> norms;             // codes: "13(f)"
  std::vector<std::string> statuses;          // follow-up statuses: "in_progress"
};

// A document and every item of it. Replacing it replaces all its items.
struct IndexDocument {
  std::int64_t document_id = 0;
  std::string title;
  std::string symbol;
  std::string kind;  // "statement", "un_report", ...
  std::string date;  // ISO 8601, possibly partial ("2017", "2017-07")
  std::string language;
  std::string dialogue;  // dialogue name, "" when none
  std::optional<int> round;
  std::vector<IndexItem> items;
  // A hash of everything above (ContentHash); stored in the index so `index --check` can tell
  // whether the index entry still matches the store.
  std::string content_hash;
};

// A stable hash (hex) of an IndexDocument's indexed content, ignoring content_hash itself.
std::string ContentHash(const IndexDocument& document);

// The index's own record of a document: what ContentHash was when it was indexed, and how many
// items the index holds for it.
struct IndexedDocumentState {
  std::string content_hash;
  int recorded_items = 0;  // as written with the hash
  int actual_items = 0;    // as counted in the index now
};

// "2017-07-24" -> "20170724", "2017-07" -> "20170700", "2017" -> "20170000", else "".
std::string DateKey(std::string_view iso_date);

// Lower-case ASCII, keep letters, digits and '/', '-', '_': "13(f)" -> "13f", "A/70/174" ->
// "a/70/174". How boolean field values are written in the index and read from queries.
std::string NormaliseKeyword(std::string_view value);

}  // namespace nt::search
