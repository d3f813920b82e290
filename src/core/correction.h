#pragma once
// A user's correction of what extraction found, as the history lists it: who changed what on
// which record, when, and what was there before. Corrections have origin `manual` and win over
// extraction when the document is imported again (app/internal/correction_replay.h).

#include <cstdint>
#include <string>

#include "core/ids.h"

namespace nt {

struct Correction {
  std::int64_t id = 0;
  std::string entity_kind;  // "document", "commitment", "actor" or "dialogue"
  std::int64_t entity_id = 0;
  DocumentId document_id;   // the document the change is about, when there is one
  std::string action;       // "edit", "add", "reject", "merge", "rename", "lost"
  std::string field;        // "type", "actors", "span", "title", "date", "kind", "dialogue",
                            // "round", "name"; "" for the record as a whole
  std::string before;       // "" when there was nothing
  std::string after;
  std::string user;         // the operating-system user who made it
  std::string recorded_at;  // ISO 8601 UTC
};

// A commitment a user deleted: kept so that the same clause found again is dropped.
struct RejectedCommitment {
  CommitmentId id;  // the id it had
  DocumentId document_id;
  std::string text;
  std::string type;
  std::string paragraph_label;
  std::string rejected_at;
};

}  // namespace nt
