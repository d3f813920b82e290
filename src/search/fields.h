#pragma once
// The shape of the index, defined once: field prefixes, value slots, the stemmer and the gap
// between fields. The indexer and the query parser both read these, so a query can never ask
// for a prefix the indexer spells differently. No Xapian type here (plain constants).

#include <array>
#include <string_view>

namespace nt::search {

// English stemming for every field that is stemmed (Xapian::Stem name).
inline constexpr std::string_view kStemmerLanguage = "english";

// Term positions left empty between fields, so a phrase never spans two fields.
inline constexpr unsigned kFieldPositionGap = 100;

// Unique id terms (one per indexed item, used with replace_document).
inline constexpr std::string_view kParagraphIdPrefix = "QP";
inline constexpr std::string_view kCommitmentIdPrefix = "QC";
// Every item of a document carries this term with the document id, to find them all.
inline constexpr std::string_view kDocumentPrefix = "XDOC";

struct FieldPrefix {
  std::string_view field;   // what a query writes before ':'
  std::string_view prefix;  // the term prefix in the index
  bool boolean;             // filter (exact keyword) or free text
};

// Query fields. Boolean fields hold normalised keywords (see NormaliseKeyword); free-text fields
// are stemmed words like the body.
inline constexpr std::array<FieldPrefix, 11> kFields{{
    {"actor", "XA", true},      // canonical actor name; synonyms resolved by the query side
    {"dialogue", "XG", false},  // the dialogue's name
    {"round", "XR", true},      // round number
    {"kind", "XK", true},       // document kind: statement, un_report, agreement...
    {"type", "XT", true},       // commitment type: pledge, agreement...
    {"norm", "XN", true},       // norm code: 13f
    {"symbol", "XS", true},     // UN symbol: a/70/174
    {"title", "S", false},      // document title (Xapian's conventional S prefix)
    {"status", "XU", true},     // follow-up status
    {"lang", "L", true},        // language (Xapian's conventional L prefix)
    {"item", "XI", true},       // paragraph or commitment
}};

inline constexpr std::string_view PrefixOf(std::string_view field) {
  for (const FieldPrefix& f : kFields) {
    if (f.field == field) return f.prefix;
  }
  return {};
}

// A boolean term per dated item: "Y2017". Date ranges covering whole years become an OR of these
// (a few posting lists) instead of a scan of the date slot over every match.
inline constexpr std::string_view kYearPrefix = "Y";

// Value slots. Slots 1 (year) and 4 (document id) are retired: the year facet reads the first
// four characters of the date slot, and the document id is in the item data.
inline constexpr unsigned kSlotDate = 0;      // "YYYYMMDD" (partial dates padded with 0)
inline constexpr unsigned kSlotKind = 2;      // document kind, for the kind facet
inline constexpr unsigned kSlotDialogue = 3;  // dialogue name, for the dialogue facet
inline constexpr unsigned kSlotActors = 5;    // canonical actor names joined by kValueListSeparator
inline constexpr unsigned kSlotTypes = 6;     // commitment types joined by kValueListSeparator
// Multi-valued facets live in one value each (a joined, sorted list) so that Xapian's
// ValueCountMatchSpy, which also works over remote shards, can count them; the searcher splits
// the combinations back into single values.
inline constexpr char kValueListSeparator = '|';

// Word forms. Free-text words are indexed as written (with positions, for phrases), with no
// stemmed twin: each distinct word instead has an entry in Xapian's synonym table, under the key
// kWordFormPrefix + field prefix + stem ("Zcooper" -> cooperate, cooperation, cooperative). The
// query parser stems a plain query word and, with automatic synonyms, searches every form under
// its key as one term (OP_SYNONYM), which is what a stemmed term did for half the index size.
// Phrases, NEAR, capitalised words and wildcards use the words as written, as before.
inline constexpr std::string_view kWordFormPrefix = "Z";

// Document metadata keys (Xapian user metadata, committed with the documents).
inline constexpr std::string_view kDocumentStateKeyPrefix = "doc:";  // + id -> "hash\titems"

// The layout of the index (terms, values, data) as a number, in the metadata under
// kFormatKey. An index written with another layout is rebuilt from the store before use:
// its documents' content hashes still match, but its terms do not (2: no word-form entries;
// 3: title and dialogue terms without positions, so phrases in those fields found nothing).
inline constexpr std::string_view kFormatKey = "format";
inline constexpr std::string_view kFormat = "4";
// The IndexLayout (index_types.h) under this metadata key: "shared", or "local" when absent.
inline constexpr std::string_view kLayoutKey = "layout";
// The library the index was written for (the store's library id): an index found beside another
// library's database (a copied folder) is told apart by it, even when the document ids match.
inline constexpr std::string_view kLibraryKey = "library";

}  // namespace nt::search
