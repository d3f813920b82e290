#pragma once
// Internal to src/search: the document data stored with each indexed item, so a hit can be
// shown (title, label) without the SQLite store, e.g. from a remote shard.
// Fields joined by U+001F: kind, item id, paragraph id, document id, title, document kind,
// date, label, text. The text is empty in a local-layout index (IndexLayout), whose searcher
// reads it from the store.

#include <cstdint>
#include <string>

#include "search/index_types.h"
#include "search/searcher.h"

namespace nt::search {

std::string EncodeItemData(const IndexDocument& document, const IndexItem& item, bool with_text);
// Fills the identifying and display fields of `hit`; false for data it cannot read.
bool DecodeItemData(const std::string& data, SearchHit& hit);

}  // namespace nt::search
