#pragma once
// Column lists and row readers shared by the repositories, so each table is read one way.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

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

// The `text` column of the rows of `table` (a name of ours, never user input) whose ids are
// `ids`, in one query; an id with no row has no entry.
template <typename IdType>
Result<std::unordered_map<IdType, std::string>> TextsById(Connection& connection,
                                                          std::string_view table,
                                                          const std::vector<IdType>& ids) {
  std::unordered_map<IdType, std::string> texts;
  if (ids.empty()) return texts;
  std::vector<std::int64_t> values;
  values.reserve(ids.size());
  for (IdType id : ids) values.push_back(id.value);
  auto statement = connection.Prepare("SELECT id, text FROM " + std::string(table) +
                                      " WHERE id IN (SELECT value FROM json_each(?1))");
  if (!statement) return Fail(statement.error());
  (*statement)->BindIdList(1, values);
  auto rows = CollectRows<std::pair<IdType, std::string>>(**statement, [](const Statement& row) {
    return std::pair{IdType(row.Int(0)), row.Text(1)};
  });
  if (!rows) return Fail(rows.error());
  for (auto& [id, text] : *rows) texts.emplace(id, std::move(text));
  return texts;
}

// The single row a query returns, or kNotFound naming `noun` and `id`.
template <typename T, typename Reader>
Result<T> SingleRow(Statement& statement, Reader read, std::string_view noun, std::int64_t id) {
  auto rows = CollectRows<T>(statement, read);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(NoSuch(noun, id));
  return std::move(rows->front());
}

}  // namespace nt::store
