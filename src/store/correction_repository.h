#pragma once
// What users corrected: the history of every manual change, the document fields they set, and
// the commitments they rejected (schema migration 4). Thread-safety: as the Database it wraps.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/correction.h"
#include "core/error.h"
#include "store/database.h"

namespace nt::store {

class CorrectionRepository {
 public:
  explicit CorrectionRepository(Database& database) : database_(database) {}

  // Appends to the history; sets correction.id.
  [[nodiscard]] Status Record(Correction& correction);
  // The history of one record, oldest first.
  [[nodiscard]] Result<std::vector<Correction>> ForEntity(std::string_view kind, std::int64_t id);
  // Every correction about a document: its own fields and its commitments', oldest first.
  [[nodiscard]] Result<std::vector<Correction>> ForDocument(DocumentId document);
  // The whole history, oldest first.
  [[nodiscard]] Result<std::vector<Correction>> All();

  // The fields a user set on a document ("title", "date", "kind", "dialogue", "round").
  [[nodiscard]] Status SetOverride(DocumentId document, std::string_view field,
                                   std::string_view value);
  [[nodiscard]] Result<std::map<std::string, std::string>> Overrides(DocumentId document);
  // Overrides naming `from` (a dialogue or round id) name `to` instead.
  [[nodiscard]] Status RepointOverrides(std::string_view field, std::int64_t from,
                                        std::int64_t to);

  [[nodiscard]] Status Reject(const RejectedCommitment& rejected);
  [[nodiscard]] Result<std::vector<RejectedCommitment>> Rejected(DocumentId document);
  [[nodiscard]] Result<std::optional<RejectedCommitment>> FindRejected(CommitmentId id);

 private:
  // `where` may use ?1 (an id) and ?2 (an entity kind).
  [[nodiscard]] Result<std::vector<Correction>> Select(std::string_view where, std::int64_t id,
                                                       std::string_view kind);
  Database& database_;
};

}  // namespace nt::store
