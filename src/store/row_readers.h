#pragma once
// Column lists and row readers shared by the repositories, so each table is read one way.

#include <optional>
#include <string_view>

#include "core/document.h"
#include "store/sqlite.h"

namespace nt::store {

inline constexpr std::string_view kDocumentColumns =
    "d.id, d.kind, d.title, d.symbol, d.date, d.place, d.language, d.source_path, d.sha256, "
    "d.importer, d.importer_version, d.revision, d.imported_at, d.dialogue_id, d.round_id";
Document ReadDocument(const Statement& row, int first_column = 0);

inline constexpr std::string_view kParagraphColumns =
    "p.id, p.document_id, p.ordinal, p.label, p.heading_path, p.text, p.language, p.page, "
    "p.is_boilerplate";
Paragraph ReadParagraph(const Statement& row, int first_column = 0);

// Heading paths are stored as one text with U+001F between headings.
std::string EncodeHeadingPath(const std::vector<std::string>& headings);
std::vector<std::string> DecodeHeadingPath(std::string_view stored);

// Runs a prepared query and collects one value per row with `read`.
template <typename T, typename Reader>
Result<std::vector<T>> CollectRows(Statement& statement, Reader read) {
  std::vector<T> rows;
  while (true) {
    auto step = statement.Step();
    if (!step) return Fail(step.error());
    if (!*step) break;
    rows.push_back(read(statement));
  }
  statement.Reset();
  return rows;
}

// The first row a query returns, if any.
template <typename T, typename Reader>
Result<std::optional<T>> OptionalRow(Statement& statement, Reader read) {
  auto rows = CollectRows<T>(statement, read);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<T>();
  return std::optional<T>(std::move(rows->front()));
}

// "There is no <noun> #<id>." as a kNotFound error.
Error NoSuch(std::string_view noun, std::int64_t id);

// Deletes the row `id` of `table`; kNotFound (naming `noun`) when there was none.
[[nodiscard]] Status DeleteRow(Connection& connection, std::string_view table, std::int64_t id,
                               std::string_view noun);

[[nodiscard]] Result<int> CountRows(Connection& connection, std::string_view table);

// The single row a query returns, or kNotFound naming `noun` and `id`.
template <typename T, typename Reader>
Result<T> SingleRow(Statement& statement, Reader read, std::string_view noun, std::int64_t id) {
  auto rows = CollectRows<T>(statement, read);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(NoSuch(noun, id));
  return std::move(rows->front());
}

}  // namespace nt::store
