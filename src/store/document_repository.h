#pragma once
// Documents and their paragraphs.
// Thread-safety: as the Database it wraps (one thread at a time).

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "core/library_queries.h"
#include "store/database.h"

namespace nt::store {

using nt::DocumentListQuery;
using nt::DocumentOrder;

class DocumentRepository {
 public:
  explicit DocumentRepository(Database& database) : database_(database) {}

  // Inserts a document with its paragraphs in one transaction; paragraph ordinals become
  // 1..n in the given order. Sets the ids in `document` and `paragraphs`.
  [[nodiscard]] Status Insert(Document& document, std::vector<Paragraph>& paragraphs);

  // Stores a changed file as the next revision of `document` (whose fields, sha256 and
  // imported_at are already the new ones), in one transaction. Paragraphs whose text is
  // unchanged keep their ids, so commitments, follow-ups and links on them stay attached;
  // the others are replaced. Sets document.revision and the ids in `paragraphs`.
  [[nodiscard]] Status StoreRevision(Document& document, std::vector<Paragraph>& paragraphs);

  // Updates the document's own fields (not its paragraphs).
  [[nodiscard]] Status Update(const Document& document);

  // kNotFound when there is no such document.
  [[nodiscard]] Result<Document> Get(DocumentId id);

  // Resolves what a user typed: an id ("12"), or a case-insensitive part of the title or
  // symbol that matches exactly one document (an exact title or symbol match wins).
  // Errors: kNotFound (nothing matches), kAmbiguous (several do; the message lists them).
  [[nodiscard]] Result<Document> Resolve(std::string_view reference);

  [[nodiscard]] Result<std::vector<DocumentSummary>> List(const DocumentListQuery& query = {});
  [[nodiscard]] Result<int> Count();
  // The document's paragraphs (content and boilerplate apart) and commitments, as listings
  // count them. A document that is not stored counts zero of each.
  [[nodiscard]] Result<DocumentCounts> Counts(DocumentId id);
  // Every stored document's id, ascending.
  [[nodiscard]] Result<std::vector<DocumentId>> Ids();

  [[nodiscard]] Result<std::optional<Document>> FindBySha256(std::string_view sha256);
  [[nodiscard]] Result<std::optional<Document>> FindBySourcePath(std::string_view source_path);

  // Documents that belong to a dialogue (with or without a round), oldest first.
  [[nodiscard]] Result<std::vector<Document>> InDialogue(DialogueId dialogue);

  // Paragraphs in reading order.
  [[nodiscard]] Result<std::vector<Paragraph>> Paragraphs(DocumentId id);
  [[nodiscard]] Result<Paragraph> GetParagraph(ParagraphId id);
  // The texts of the given paragraphs, in one query; an id that is not stored has no entry.
  [[nodiscard]] Result<std::unordered_map<ParagraphId, std::string>> ParagraphTexts(
      const std::vector<ParagraphId>& ids);

  // Deletes a document with its paragraphs, commitments and links.
  [[nodiscard]] Status Delete(DocumentId id);

 private:
  Database& database_;
};

}  // namespace nt::store
