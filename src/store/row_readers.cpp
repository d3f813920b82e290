#include "store/row_readers.h"

#include "core/text.h"

namespace nt::store {

namespace {
constexpr char kHeadingSeparator = '\x1f';
}

Document ReadDocument(const Statement& row, int c) {
  Document d;
  d.id = DocumentId(row.Int(c + 0));
  d.kind = ParseDocumentKind(row.Text(c + 1)).value_or(DocumentKind::kOther);
  d.title = row.Text(c + 2);
  d.symbol = row.Text(c + 3);
  d.date = row.Text(c + 4);
  d.place = row.Text(c + 5);
  d.language = row.Text(c + 6);
  d.source_path = row.Text(c + 7);
  d.sha256 = row.Text(c + 8);
  d.importer = row.Text(c + 9);
  d.importer_version = row.Text(c + 10);
  d.revision = static_cast<int>(row.Int(c + 11));
  d.imported_at = row.Text(c + 12);
  d.dialogue_id = DialogueId(row.Int(c + 13));
  d.round_id = RoundId(row.Int(c + 14));
  return d;
}

Paragraph ReadParagraph(const Statement& row, int c) {
  Paragraph p;
  p.id = ParagraphId(row.Int(c + 0));
  p.document_id = DocumentId(row.Int(c + 1));
  p.ordinal = static_cast<int>(row.Int(c + 2));
  p.label = row.Text(c + 3);
  p.heading_path = DecodeHeadingPath(row.Text(c + 4));
  p.text = row.Text(c + 5);
  p.language = row.Text(c + 6);
  if (!row.IsNull(c + 7)) p.page = static_cast<int>(row.Int(c + 7));
  p.is_boilerplate = row.Int(c + 8) != 0;
  return p;
}

std::string EncodeHeadingPath(const std::vector<std::string>& headings) {
  return Join(headings, std::string_view(&kHeadingSeparator, 1));
}

std::vector<std::string> DecodeHeadingPath(std::string_view stored) {
  if (stored.empty()) return {};
  return Split(stored, kHeadingSeparator);
}

Error NoSuch(std::string_view noun, std::int64_t id) {
  return Error{ErrorCode::kNotFound,
               "There is no " + std::string(noun) + " #" + std::to_string(id) + "."};
}

Status DeleteRow(Connection& connection, std::string_view table, std::int64_t id,
                 std::string_view noun) {
  auto statement = connection.Prepare("DELETE FROM " + std::string(table) + " WHERE id = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id);
  NT_TRY((*statement)->Run());
  if (connection.Changes() == 0) return Fail(NoSuch(noun, id));
  return {};
}

Result<int> CountRows(Connection& connection, std::string_view table) {
  auto count = connection.QueryInt("SELECT count(*) FROM " + std::string(table));
  if (!count) return Fail(count.error());
  return static_cast<int>(*count);
}

}  // namespace nt::store
