#pragma once
// Commitments with their actors and roles.

#include <optional>
#include <vector>

#include "core/commitment.h"
#include "core/error.h"
#include "store/database.h"

namespace nt::store {

struct CommitmentQuery {
  DocumentId document;             // 0 = any
  ActorId actor;                   // 0 = any (any role)
  std::optional<CommitmentType> type;
  RoundId round;                   // 0 = any
  int offset = 0;
  int limit = -1;
};

// A commitment with where it was made, as listings show it.
struct CommitmentRow {
  Commitment commitment;
  DocumentId document_id;
  std::string document_title;
  std::string document_date;
  std::string paragraph_label;
  int paragraph_ordinal = 0;
};

class CommitmentRepository {
 public:
  explicit CommitmentRepository(Database& database) : database_(database) {}

  // Inserts with its actors in one transaction; sets commitment.id.
  [[nodiscard]] Status Insert(Commitment& commitment);
  [[nodiscard]] Result<Commitment> Get(CommitmentId id);
  [[nodiscard]] Result<std::vector<Commitment>> ForParagraph(ParagraphId paragraph);
  // In document order (document date, then paragraph ordinal, then span).
  [[nodiscard]] Result<std::vector<CommitmentRow>> Find(const CommitmentQuery& query);
  [[nodiscard]] Result<int> Count();
  [[nodiscard]] Status Delete(CommitmentId id);

 private:
  [[nodiscard]] Status LoadActors(Commitment& commitment);

  Database& database_;
};

}  // namespace nt::store
