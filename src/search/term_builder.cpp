#include "search/term_builder.h"

#include <algorithm>

#include "search/fields.h"
#include "search/item_data.h"

namespace nt::search {

std::string UniqueTerm(ItemKind kind, std::int64_t id) {
  return std::string(kind == ItemKind::kCommitment ? kCommitmentIdPrefix : kParagraphIdPrefix) +
         std::to_string(id);
}

std::string DocumentTerm(std::int64_t document_id) {
  return std::string(kDocumentPrefix) + std::to_string(document_id);
}

std::string DocumentStateKey(std::int64_t document_id) {
  return std::string(kDocumentStateKeyPrefix) + std::to_string(document_id);
}

std::string DocumentStateValue(const IndexDocument& document) {
  return document.content_hash + "\t" + std::to_string(document.items.size());
}

namespace {

// The field prefix of a free-text term ("" for the body); nothing for boolean, id and other
// terms. Prefixes are upper case and words lower case (the TermGenerator folds them), so the
// prefix ends where the upper case does.
std::optional<std::string_view> FreeTextPrefix(std::string_view term) {
  auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (term.empty()) return std::nullopt;
  if (!is_upper(term.front())) return std::string_view{};
  for (const FieldPrefix& field : kFields) {
    if (!field.boolean && term.starts_with(field.prefix) && term.size() > field.prefix.size() &&
        !is_upper(term[field.prefix.size()])) {
      return field.prefix;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> WordFormKey(std::string_view term, const Xapian::Stem& stemmer) {
  auto prefix = FreeTextPrefix(term);
  if (!prefix) return std::nullopt;
  std::string key(kWordFormPrefix);
  key += *prefix;
  key += stemmer(std::string(term.substr(prefix->size())));
  return key;
}

TermBuilder::TermBuilder(IndexLayout layout)
    : stemmer_(std::string(kStemmerLanguage)), layout_(layout) {
  // Locally, words are indexed as written and their stemmed forms live in the word-form
  // entries, not as a second term per word (fields.h, "Word forms"); a shared index carries
  // the stemmed terms too, for remote readers, which cannot read the word forms.
  generator_.set_stemmer(stemmer_);
  generator_.set_stemming_strategy(layout == IndexLayout::kShared
                                       ? Xapian::TermGenerator::STEM_SOME
                                       : Xapian::TermGenerator::STEM_NONE);
  generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

void TermBuilder::RecordWordForms(const Xapian::Document& doc, Xapian::WritableDatabase& database) {
  // A shared index has its stemmed terms; forms beside them would count each word twice.
  if (layout_ == IndexLayout::kShared) return;
  for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    std::string word = *term;
    if (!FreeTextPrefix(word) || recorded_.contains(word)) continue;
    database.add_synonym(*WordFormKey(word, stemmer_), word);
    recorded_.insert(std::move(word));
  }
}

void TermBuilder::ForgetRecordedWordForms() { recorded_.clear(); }

Xapian::Document TermBuilder::Build(const IndexDocument& document, const IndexItem& item) {
  Xapian::Document doc;
  generator_.set_document(doc);
  generator_.set_termpos(0);
  // Body text first, then each free-text field after a gap, so no phrase crosses fields.
  // Title and dialogue keep positions too: a name is what people quote
  // (dialogue:"Japan-U.S. Cyber Dialogue", title:"joint statement"), and a phrase needs them.
  generator_.index_text(item.text);
  generator_.increase_termpos(kFieldPositionGap);
  generator_.index_text(document.title, 1, std::string(PrefixOf("title")));
  if (!document.dialogue.empty()) {
    generator_.increase_termpos(kFieldPositionGap);
    generator_.index_text(document.dialogue, 1, std::string(PrefixOf("dialogue")));
  }

  auto boolean = [&](std::string_view field, std::string_view value) {
    std::string keyword = NormaliseKeyword(value);
    if (!keyword.empty()) doc.add_boolean_term(std::string(PrefixOf(field)) + keyword);
  };
  for (const std::string& actor : item.actors) boolean("actor", actor);
  for (const std::string& type : item.commitment_types) boolean("type", type);
  for (const std::string& norm : item.norms) boolean("norm", norm);
  for (const std::string& status : item.statuses) boolean("status", status);
  boolean("kind", document.kind);
  boolean("symbol", document.symbol);
  boolean("lang", item.language.empty() ? document.language : item.language);
  boolean("item", ToString(item.kind));
  if (document.round) boolean("round", std::to_string(*document.round));

  doc.add_boolean_term(UniqueTerm(item.kind, item.id));
  doc.add_boolean_term(DocumentTerm(document.document_id));

  const std::string date = DateKey(document.date);
  if (!date.empty()) {
    doc.add_value(kSlotDate, date);
    doc.add_boolean_term(std::string(kYearPrefix) + date.substr(0, 4));
  }
  if (!document.kind.empty()) doc.add_value(kSlotKind, document.kind);
  if (!document.dialogue.empty()) doc.add_value(kSlotDialogue, document.dialogue);
  auto joined = [](std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::string out;
    for (const std::string& value : values) {
      if (!out.empty()) out += kValueListSeparator;
      out += value;
    }
    return out;
  };
  if (!item.actors.empty()) doc.add_value(kSlotActors, joined(item.actors));
  if (!item.commitment_types.empty()) doc.add_value(kSlotTypes, joined(item.commitment_types));
  doc.set_data(EncodeItemData(document, item, layout_ == IndexLayout::kShared));
  return doc;
}

}  // namespace nt::search
