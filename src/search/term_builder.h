#pragma once
// Internal to src/search: turns an IndexItem into a Xapian document with the terms, values and
// data of fields.h, and records the word forms its words add (fields.h, "Word forms"). The one
// TermGenerator of a writer lives here.

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "search/index_types.h"

namespace nt::search {

class TermBuilder {
 public:
  explicit TermBuilder(IndexLayout layout);
  Xapian::Document Build(const IndexDocument& document, const IndexItem& item);

  // Adds to `database` the word-form entry of each free-text word of `doc` this builder has not
  // recorded yet (a local-layout index only). Call it in the same batch as the document, and
  // ForgetRecordedWordForms() when the batch is dropped: the entries went with it.
  void RecordWordForms(const Xapian::Document& doc, Xapian::WritableDatabase& database);
  void ForgetRecordedWordForms();

 private:
  Xapian::TermGenerator generator_;
  Xapian::Stem stemmer_;
  IndexLayout layout_;
  std::unordered_set<std::string> recorded_;
};

// The word-form key of a free-text term ("Z" + its field prefix + the stem of its word), under
// which the query parser looks up the word forms a plain query word stands for; nothing for
// boolean, id and other terms.
std::optional<std::string> WordFormKey(std::string_view term, const Xapian::Stem& stemmer);

std::string UniqueTerm(ItemKind kind, std::int64_t id);
std::string DocumentTerm(std::int64_t document_id);
// The metadata record of an indexed document (fields.h kDocumentStateKeyPrefix): its key, and
// the value "content hash<TAB>item count".
std::string DocumentStateKey(std::int64_t document_id);
std::string DocumentStateValue(const IndexDocument& document);

}  // namespace nt::search
