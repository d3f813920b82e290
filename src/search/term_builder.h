#pragma once
// Internal to src/search: turns an IndexItem into a Xapian document with the terms, values and
// data of fields.h. The one TermGenerator of a writer lives here.

#include <xapian.h>

#include "search/index_types.h"

namespace nt::search {

class TermBuilder {
 public:
  TermBuilder();
  Xapian::Document Build(const IndexDocument& document, const IndexItem& item);

 private:
  Xapian::TermGenerator generator_;
};

std::string UniqueTerm(ItemKind kind, std::int64_t id);
std::string DocumentTerm(std::int64_t document_id);
// The metadata record of an indexed document (fields.h kDocumentStateKeyPrefix): its key, and
// the value "content hash<TAB>item count".
std::string DocumentStateKey(std::int64_t document_id);
std::string DocumentStateValue(const IndexDocument& document);

}  // namespace nt::search
