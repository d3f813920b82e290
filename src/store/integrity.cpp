#include "store/integrity.h"

#include <map>
#include <utility>

#include "store/entity_tables.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

// An integrity_check line REINDEX can fix: an index whose entries disagree with its table.
bool IsIndexProblem(const std::string& line) {
  return line.find("missing from index") != std::string::npos ||
         line.find("wrong # of entries in index") != std::string::npos;
}

std::string Identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// One kind of orphan: the rows `where` selects in `table`, and the statement that repairs them.
struct OrphanRule {
  std::string table;
  std::string description;
  std::string where;   // selects the orphaned rows of `table`
  std::string repair;  // fixes exactly those rows
  std::string done;    // what the repair did, for the user
};

Result<int> CountRows(Connection& connection, const OrphanRule& rule) {
  auto count = connection.QueryInt("SELECT count(*) FROM " + Identifier(rule.table) + " WHERE " +
                                   rule.where);
  if (!count) return Fail(count.error());
  return static_cast<int>(*count);
}

// The foreign keys that PRAGMA foreign_key_check finds violated, one rule per key.
Result<std::vector<OrphanRule>> ForeignKeyRules(Connection& connection) {
  auto check = connection.Prepare("PRAGMA foreign_key_check");
  if (!check) return Fail(check.error());
  std::map<std::pair<std::string, std::int64_t>, std::string> violated;  // (table, fk) -> parent
  for (auto row = (*check)->Step();; row = (*check)->Step()) {
    if (!row) return Fail(row.error());
    if (!*row) break;
    violated[{(*check)->Text(0), (*check)->Int(3)}] = (*check)->Text(2);
  }
  std::vector<OrphanRule> rules;
  for (const auto& [key, parent] : violated) {
    const auto& [table, fk_id] = key;
    auto list = connection.Prepare("PRAGMA foreign_key_list(" + Identifier(table) + ")");
    if (!list) return Fail(list.error());
    for (auto row = (*list)->Step();; row = (*list)->Step()) {
      if (!row) return Fail(row.error());
      if (!*row) break;
      if ((*list)->Int(0) != fk_id) continue;
      const std::string from = (*list)->Text(3);
      const std::string to = (*list)->IsNull(4) ? "rowid" : (*list)->Text(4);
      const bool set_null = (*list)->Text(6) == "SET NULL";
      OrphanRule rule;
      rule.table = table;
      rule.description = "rows of " + table + " whose " + from + " names no row of " + parent;
      rule.where = Identifier(from) + " IS NOT NULL AND " + Identifier(from) + " NOT IN (SELECT " +
                   Identifier(to) + " FROM " + Identifier(parent) + ")";
      rule.repair = set_null ? "UPDATE " + Identifier(table) + " SET " + Identifier(from) +
                                   " = NULL WHERE " + rule.where
                             : "DELETE FROM " + Identifier(table) + " WHERE " + rule.where;
      rule.done = set_null ? "cleared the reference" : "deleted them";
      rules.push_back(std::move(rule));
    }
    (*list)->Reset();
  }
  return rules;
}

// What foreign keys cannot say: links are polymorphic, the outbox outlives documents on
// purpose, and the provenance of the current revision is written beside the document.
std::vector<OrphanRule> ModelRules() {
  std::vector<OrphanRule> rules;
  std::string dangling;
  for (const auto& [table, kind] : kEntityTables) {
    for (std::string_view end : {"source", "target"}) {
      if (!dangling.empty()) dangling += " OR ";
      dangling += "(" + std::string(end) + "_kind = '" + std::string(kind) + "' AND " +
                  std::string(end) + "_id NOT IN (SELECT id FROM " + std::string(table) + "))";
    }
  }
  rules.push_back({"links", "links whose source or target no longer exists", dangling,
                   "DELETE FROM links WHERE " + dangling, "deleted them"});
  // The newest outbox row of a document decides what the index does with it; asking to index
  // a document that is gone would leave it in the index.
  const std::string stale_outbox =
      "action = 'index' AND document_id NOT IN (SELECT id FROM documents) AND id = "
      "(SELECT max(id) FROM index_outbox o WHERE o.document_id = index_outbox.document_id)";
  rules.push_back({"index_outbox", "search-index queue rows for documents that no longer exist",
                   stale_outbox, "UPDATE index_outbox SET action = 'delete' WHERE " + stale_outbox,
                   "queued the documents' removal from the index instead"});
  const std::string no_revision =
      "NOT EXISTS (SELECT 1 FROM document_revisions r WHERE r.document_id = documents.id AND "
      "r.revision = documents.revision)";
  rules.push_back({"documents", "documents without the provenance row of their revision",
                   no_revision,
                   "INSERT INTO document_revisions (document_id, revision, sha256, source_path, "
                   "imported_at) SELECT id, revision, sha256, source_path, imported_at FROM "
                   "documents WHERE " +
                       no_revision,
                   "re-created them from the documents"});
  return rules;
}

// Every rule that currently selects rows, with its count.
Result<std::vector<std::pair<OrphanRule, int>>> FindRules(Connection& connection) {
  auto rules = ForeignKeyRules(connection);
  if (!rules) return Fail(rules.error());
  for (OrphanRule& rule : ModelRules()) rules->push_back(std::move(rule));
  std::vector<std::pair<OrphanRule, int>> found;
  for (OrphanRule& rule : *rules) {
    auto rows = CountRows(connection, rule);
    if (!rows) return Fail(rows.error());
    if (*rows > 0) found.emplace_back(std::move(rule), *rows);
  }
  return found;
}

std::vector<OrphanGroup> Groups(const std::vector<std::pair<OrphanRule, int>>& rules) {
  std::vector<OrphanGroup> groups;
  for (const auto& [rule, rows] : rules) {
    groups.push_back({rule.table, rule.description, rows, rule.done});
  }
  return groups;
}

}  // namespace

Result<IntegrityReport> CheckIntegrity(Database& database) {
  auto check = database.connection().Prepare("PRAGMA integrity_check(100)");
  if (!check) return Fail(check.error());
  IntegrityReport report;
  for (auto row = (*check)->Step();; row = (*check)->Step()) {
    if (!row && row.error().code == ErrorCode::kCorrupt) {
      // Damage bad enough stops the check itself, after the lines it could write.
      report.problems.push_back("the check stopped at a page it could not read");
      break;
    }
    if (!row) return Fail(row.error());
    if (!*row) break;
    std::string line = (*check)->Text(0);
    // "*** in database main ***" heads the list: it names no problem.
    if (line != "ok" && !line.starts_with("*** ")) report.problems.push_back(std::move(line));
  }
  report.only_indexes = !report.problems.empty();
  for (const std::string& line : report.problems) {
    if (!IsIndexProblem(line)) report.only_indexes = false;
  }
  return report;
}

Status Reindex(Database& database) { return database.connection().Execute("REINDEX"); }

Result<std::vector<OrphanGroup>> FindOrphans(Database& database) {
  auto found = FindRules(database.connection());
  if (!found) return Fail(found.error());
  return Groups(*found);
}

Result<std::vector<OrphanGroup>> RepairOrphans(Database& database) {
  std::vector<OrphanGroup> repaired;
  NT_TRY(database.InTransaction([&]() -> Status {
    // Deleting an orphan can orphan nothing new (foreign keys cascade), but a repaired row can
    // reveal the next rule's rows (a link to a deleted orphan): repeat until nothing is found.
    for (int pass = 0; pass < 4; ++pass) {
      auto found = FindRules(database.connection());
      if (!found) return Fail(found.error());
      if (found->empty()) break;
      for (const auto& [rule, rows] : *found) {
        NT_TRY(database.connection().Execute(rule.repair));
        repaired.push_back({rule.table, rule.description, rows, rule.done});
      }
    }
    return {};
  }));
  return repaired;
}

}  // namespace nt::store
