#pragma once
// Commitments with their actors and roles.

#include <optional>
#include <vector>

#include "core/commitment.h"
#include "core/error.h"
#include "core/library_queries.h"
#include "store/database.h"

namespace nt::store {

using nt::CommitmentQuery;
using nt::CommitmentRow;

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
