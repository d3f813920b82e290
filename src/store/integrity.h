#pragma once
// Checking a database file for damage, and repairing what the store itself can repair
// (`normtrack check`; app::HealthCheck adds the search index).
//
// What can go wrong, and what each function does about it:
//   damaged pages, broken b-trees      CheckIntegrity: reported; only a backup helps
//   an index out of step with its table CheckIntegrity (only_indexes); Reindex rebuilds it
//   rows that point at nothing         FindOrphans; RepairOrphans deletes them (or clears the
//                                      reference, where the schema says ON DELETE SET NULL)
// Orphans cannot arise through NormTrack (foreign keys are on in every connection), but they
// do when another tool edits the file with foreign keys off, or restores a table by hand.
//
// Thread-safety: as the Database (one thread at a time).

#include <string>
#include <vector>

#include "core/error.h"
#include "store/database.h"

namespace nt::store {

struct IntegrityReport {
  std::vector<std::string> problems;  // PRAGMA integrity_check's lines; empty when sound
  bool only_indexes = false;          // every problem is an index that REINDEX can rebuild
  bool ok() const { return problems.empty(); }
};

// Runs PRAGMA integrity_check (at most 100 problems). A page too damaged to read is a problem,
// not an error; an error only when the check cannot run at all (locked, I/O).
[[nodiscard]] Result<IntegrityReport> CheckIntegrity(Database& database);

// Rebuilds every index from its table.
[[nodiscard]] Status Reindex(Database& database);

// One kind of orphaned row and how many there are.
struct OrphanGroup {
  std::string table;
  std::string description;  // "rows of paragraphs whose document_id names no row of documents"
  int rows = 0;
  std::string repair;  // what RepairOrphans does: "deleted them", "cleared the reference"...
};

// Every kind of orphan with at least one row: foreign-key violations (PRAGMA
// foreign_key_check), links whose source or target is gone, outbox rows that ask to index a
// document that no longer exists, documents without the provenance row of their revision.
[[nodiscard]] Result<std::vector<OrphanGroup>> FindOrphans(Database& database);

// Repairs every orphan in one transaction, from what the rest of the database says: deletes
// the rows (ON DELETE SET NULL references are cleared instead), turns stale outbox rows into
// removals from the index, re-creates a missing provenance row from its document. Returns what
// it repaired (as FindOrphans reported it).
[[nodiscard]] Result<std::vector<OrphanGroup>> RepairOrphans(Database& database);

}  // namespace nt::store
