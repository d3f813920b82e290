#include "store/document_repository.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/fault.h"
#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

std::string SelectDocuments(std::string_view where) {
  return "SELECT " + std::string(kDocumentColumns) + " FROM documents d " + std::string(where);
}

// The SQL of a listing; counts come from correlated subqueries so one query fills a page.
std::string ListSql(DocumentOrder order) {
  std::string sql = "SELECT " + std::string(kDocumentColumns) +
                    ", (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id AND "
                    "p.is_boilerplate = 0), (SELECT count(*) FROM commitments c JOIN paragraphs "
                    "p ON p.id = c.paragraph_id WHERE p.document_id = d.id) FROM documents d ";
  switch (order) {
    case DocumentOrder::kById: sql += "ORDER BY d.id"; break;
    case DocumentOrder::kByDateDescending:
      sql += "ORDER BY d.date IS NULL, d.date DESC, d.id DESC";
      break;
    case DocumentOrder::kByTitle: sql += "ORDER BY d.title COLLATE NOCASE, d.id"; break;
  }
  return sql + " LIMIT ?1 OFFSET ?2";
}

Result<std::optional<Document>> FindOne(Connection& connection, const std::string& sql,
                                        std::string_view value) {
  auto statement = connection.Prepare(sql);
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, value);
  return OptionalRow<Document>(**statement, [](const Statement& row) { return ReadDocument(row); });
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](char c) { return c >= '0' && c <= '9'; });
}

// Appends the document's current revision to its provenance history.
Status RecordRevision(Connection& db, const Document& document) {
  auto revision = db.Prepare(
      "INSERT INTO document_revisions (document_id, revision, sha256, source_path, "
      "imported_at) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!revision) return Fail(revision.error());
  (*revision)
      ->Bind(1, document.id.value)
      .Bind(2, document.revision)
      .Bind(3, document.sha256)
      .BindOptional(4, document.source_path)
      .Bind(5, document.imported_at);
  return (*revision)->Run();
}

// Inserts one paragraph of `document` at its ordinal; sets its id.
Status InsertParagraph(Connection& db, DocumentId document, Paragraph& paragraph) {
  auto insert = db.Prepare(
      "INSERT INTO paragraphs (document_id, ordinal, label, heading_path, text, language, "
      "page, is_boilerplate) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!insert) return Fail(insert.error());
  Statement& s = **insert;
  paragraph.document_id = document;
  s.Bind(1, document.value)
      .Bind(2, paragraph.ordinal)
      .BindOptional(3, paragraph.label)
      .BindOptional(4, EncodeHeadingPath(paragraph.heading_path))
      .Bind(5, paragraph.text)
      .BindOptional(6, paragraph.language)
      .Bind(8, paragraph.is_boilerplate ? 1 : 0);
  if (paragraph.page) s.Bind(7, *paragraph.page); else s.BindNull(7);
  NT_TRY(s.Run());
  paragraph.id = ParagraphId(db.LastInsertRowId());
  return {};
}

}  // namespace

Status DocumentRepository::Insert(Document& document, std::vector<Paragraph>& paragraphs) {
  Connection& db = database_.connection();
  return database_.InTransaction([&]() -> Status {
    auto insert = db.Prepare(
        "INSERT INTO documents (kind, title, symbol, date, place, language, source_path, "
        "sha256, importer, importer_version, revision, imported_at, dialogue_id, round_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    if (!insert) return Fail(insert.error());
    (*insert)
        ->Bind(1, ToString(document.kind))
        .Bind(2, document.title)
        .BindOptional(3, document.symbol)
        .BindOptional(4, document.date)
        .BindOptional(5, document.place)
        .BindOptional(6, document.language)
        .BindOptional(7, document.source_path)
        .Bind(8, document.sha256)
        .Bind(9, document.importer)
        .Bind(10, document.importer_version)
        .Bind(11, document.revision)
        .Bind(12, document.imported_at)
        .BindId(13, document.dialogue_id.value)
        .BindId(14, document.round_id.value);
    NT_TRY((*insert)->Run());
    document.id = DocumentId(db.LastInsertRowId());

    NT_TRY(RecordRevision(db, document));

    int ordinal = 0;
    for (Paragraph& paragraph : paragraphs) {
      NT_TRY(fault::Check("store.insert_paragraph"));
      paragraph.ordinal = ++ordinal;
      NT_TRY(InsertParagraph(db, document.id, paragraph));
    }
    return {};
  });
}

Status DocumentRepository::StoreRevision(Document& document,
                                         std::vector<Paragraph>& paragraphs) {
  Connection& db = database_.connection();
  return database_.InTransaction([&]() -> Status {
    auto previous = Get(document.id);
    if (!previous) return Fail(previous.error());
    document.revision = previous->revision + 1;
    NT_TRY(Update(document));
    NT_TRY(RecordRevision(db, document));

    auto old_paragraphs = Paragraphs(document.id);
    if (!old_paragraphs) return Fail(old_paragraphs.error());
    // Unchanged texts keep their rows, first come first served for repeated texts.
    std::multimap<std::string, ParagraphId> reusable;
    for (const Paragraph& old : *old_paragraphs) reusable.emplace(old.text, old.id);
    for (Paragraph& paragraph : paragraphs) {
      auto it = reusable.find(paragraph.text);
      if (it != reusable.end()) {
        paragraph.id = it->second;
        reusable.erase(it);
      } else {
        paragraph.id = ParagraphId();
      }
    }
    auto remove = db.Prepare("DELETE FROM paragraphs WHERE id = ?1");
    if (!remove) return Fail(remove.error());
    for (const auto& [text, id] : reusable) {
      (*remove)->Bind(1, id.value);
      NT_TRY((*remove)->Run());
    }
    // Ordinals are unique per document: move the kept rows out of the way first.
    auto park = db.Prepare("UPDATE paragraphs SET ordinal = ordinal + 1000000000 WHERE document_id = ?1");
    if (!park) return Fail(park.error());
    (*park)->Bind(1, document.id.value);
    NT_TRY((*park)->Run());

    auto update = db.Prepare(
        "UPDATE paragraphs SET ordinal = ?2, label = ?3, heading_path = ?4, language = ?5, "
        "page = ?6, is_boilerplate = ?7 WHERE id = ?1");
    if (!update) return Fail(update.error());
    int ordinal = 0;
    for (Paragraph& paragraph : paragraphs) {
      NT_TRY(fault::Check("store.insert_paragraph"));
      paragraph.document_id = document.id;
      paragraph.ordinal = ++ordinal;
      if (paragraph.id) {
        Statement& u = **update;
        u.Bind(1, paragraph.id.value)
            .Bind(2, paragraph.ordinal)
            .BindOptional(3, paragraph.label)
            .BindOptional(4, EncodeHeadingPath(paragraph.heading_path))
            .BindOptional(5, paragraph.language)
            .Bind(7, paragraph.is_boilerplate ? 1 : 0);
        if (paragraph.page) u.Bind(6, *paragraph.page); else u.BindNull(6);
        NT_TRY(u.Run());
      } else {
        NT_TRY(InsertParagraph(db, document.id, paragraph));
      }
    }
    return {};
  });
}

Status DocumentRepository::Update(const Document& document) {
  auto update = database_.connection().Prepare(
      "UPDATE documents SET kind = ?2, title = ?3, symbol = ?4, date = ?5, place = ?6, "
      "language = ?7, source_path = ?8, sha256 = ?9, importer = ?10, importer_version = ?11, "
      "revision = ?12, imported_at = ?13, dialogue_id = ?14, round_id = ?15 WHERE id = ?1");
  if (!update) return Fail(update.error());
  (*update)
      ->Bind(1, document.id.value)
      .Bind(2, ToString(document.kind))
      .Bind(3, document.title)
      .BindOptional(4, document.symbol)
      .BindOptional(5, document.date)
      .BindOptional(6, document.place)
      .BindOptional(7, document.language)
      .BindOptional(8, document.source_path)
      .Bind(9, document.sha256)
      .Bind(10, document.importer)
      .Bind(11, document.importer_version)
      .Bind(12, document.revision)
      .Bind(13, document.imported_at)
      .BindId(14, document.dialogue_id.value)
      .BindId(15, document.round_id.value);
  NT_TRY((*update)->Run());
  if (database_.connection().Changes() == 0) return Fail(NoSuch("document", document.id.value));
  return {};
}

Result<Document> DocumentRepository::Get(DocumentId id) {
  auto statement = database_.connection().Prepare(SelectDocuments("WHERE d.id = ?1"));
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id.value);
  auto rows = CollectRows<Document>(**statement, [](const Statement& r) { return ReadDocument(r); });
  if (!rows) return Fail(rows.error());
  if (rows->empty()) {
    return Fail(ErrorCode::kNotFound, "There is no document #" + std::to_string(id.value) + ".",
                "'normtrack docs' lists the documents");
  }
  return rows->front();
}

Result<Document> DocumentRepository::Resolve(std::string_view reference) {
  std::string_view trimmed = reference;
  if (!trimmed.empty() && trimmed.front() == '#') trimmed.remove_prefix(1);
  if (AllDigits(trimmed)) {
    std::int64_t id = 0;
    std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), id);
    return Get(DocumentId(id));
  }
  if (reference.empty()) {
    return Fail(ErrorCode::kUsage, "Name a document by its id or a part of its title.");
  }
  Connection& db = database_.connection();
  auto exact = FindOne(db, SelectDocuments("WHERE lower(d.title) = lower(?1) OR "
                                           "lower(d.symbol) = lower(?1) ORDER BY d.id"),
                       reference);
  if (!exact) return Fail(exact.error());
  if (*exact) return **exact;

  auto statement = db.Prepare(SelectDocuments(
      "WHERE instr(lower(d.title), lower(?1)) > 0 OR instr(lower(d.symbol), lower(?1)) > 0 "
      "ORDER BY d.id"));
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, reference);
  auto rows = CollectRows<Document>(**statement, [](const Statement& r) { return ReadDocument(r); });
  if (!rows) return Fail(rows.error());
  if (rows->size() == 1) return rows->front();
  if (rows->empty()) {
    return Fail(ErrorCode::kNotFound, "No document matches " + Quoted(reference) + ".",
                "'normtrack docs' lists the documents");
  }
  std::string candidates;
  for (std::size_t i = 0; i < rows->size() && i < 5; ++i) {
    if (i > 0) candidates += ", ";
    candidates += "#" + std::to_string((*rows)[i].id.value) + " " + Quoted((*rows)[i].title);
  }
  if (rows->size() > 5) candidates += ", ...";
  return Fail(ErrorCode::kAmbiguous, Quoted(reference) + " matches " +
                                         std::to_string(rows->size()) + " documents (" +
                                         candidates + "); use the id or more of the title.");
}

Result<std::vector<DocumentSummary>> DocumentRepository::List(const DocumentListQuery& query) {
  auto statement = database_.connection().Prepare(ListSql(query.order));
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, query.limit).Bind(2, query.offset);
  const int counts = 15;  // first column after the document's own
  return CollectRows<DocumentSummary>(**statement, [&](const Statement& row) {
    return DocumentSummary{ReadDocument(row), static_cast<int>(row.Int(counts)),
                           static_cast<int>(row.Int(counts + 1))};
  });
}

Result<int> DocumentRepository::Count() { return CountRows(database_.connection(), "documents"); }

Result<DocumentCounts> DocumentRepository::Counts(DocumentId id) {
  auto statement = database_.connection().Prepare(
      "SELECT (SELECT count(*) FROM paragraphs WHERE document_id = ?1 AND is_boilerplate = 0), "
      "(SELECT count(*) FROM paragraphs WHERE document_id = ?1 AND is_boilerplate = 1), "
      "(SELECT count(*) FROM commitments c JOIN paragraphs p ON p.id = c.paragraph_id "
      "WHERE p.document_id = ?1)");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id.value);
  auto row = OptionalRow<DocumentCounts>(**statement, [](const Statement& r) {
    return DocumentCounts{static_cast<int>(r.Int(0)), static_cast<int>(r.Int(1)),
                          static_cast<int>(r.Int(2))};
  });
  if (!row) return Fail(row.error());
  return row->value_or(DocumentCounts{});
}

Result<std::vector<DocumentId>> DocumentRepository::Ids() {
  auto statement = database_.connection().Prepare("SELECT id FROM documents ORDER BY id");
  if (!statement) return Fail(statement.error());
  return CollectRows<DocumentId>(**statement,
                                 [](const Statement& r) { return DocumentId{r.Int(0)}; });
}

Result<std::optional<Document>> DocumentRepository::FindBySha256(std::string_view sha256) {
  return FindOne(database_.connection(),
                 SelectDocuments("WHERE d.sha256 = ?1 ORDER BY d.id LIMIT 1"), sha256);
}

Result<std::optional<Document>> DocumentRepository::FindBySourcePath(
    std::string_view source_path) {
  return FindOne(database_.connection(),
                 SelectDocuments("WHERE d.source_path = ?1 ORDER BY d.id LIMIT 1"), source_path);
}

Result<std::vector<Document>> DocumentRepository::InDialogue(DialogueId dialogue) {
  auto statement = database_.connection().Prepare(
      SelectDocuments("WHERE d.dialogue_id = ?1 ORDER BY d.date IS NULL, d.date, d.id"));
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, dialogue.value);
  return CollectRows<Document>(**statement, [](const Statement& r) { return ReadDocument(r); });
}

Result<std::vector<Paragraph>> DocumentRepository::Paragraphs(DocumentId id) {
  auto statement = database_.connection().Prepare(
      "SELECT " + std::string(kParagraphColumns) +
      " FROM paragraphs p WHERE p.document_id = ?1 ORDER BY p.ordinal");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id.value);
  return CollectRows<Paragraph>(**statement, [](const Statement& r) { return ReadParagraph(r); });
}

Result<Paragraph> DocumentRepository::GetParagraph(ParagraphId id) {
  auto statement = database_.connection().Prepare(
      "SELECT " + std::string(kParagraphColumns) + " FROM paragraphs p WHERE p.id = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id.value);
  return SingleRow<Paragraph>(**statement, [](const Statement& r) { return ReadParagraph(r); },
                              "paragraph", id.value);
}

Result<std::unordered_map<ParagraphId, std::string>> DocumentRepository::ParagraphTexts(
    const std::vector<ParagraphId>& ids) {
  return TextsById(database_.connection(), "paragraphs", ids);
}

Status DocumentRepository::Delete(DocumentId id) {
  return DeleteRow(database_.connection(), "documents", id.value, "document");
}

}  // namespace nt::store
