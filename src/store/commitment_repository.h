#pragma once
// Commitments with their actors and roles.

#include <optional>
#include <string>
#include <unordered_map>
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

  // Inserts with its actors in one transaction; sets commitment.id. A commitment that has an
  // id keeps it (a correction put back in a new revision of its document); kConstraint when
  // the id is taken.
  [[nodiscard]] Status Insert(Commitment& commitment);
  // Replaces every field and the actors of the stored commitment with the same id.
  // kNotFound when there is none.
  [[nodiscard]] Status Update(const Commitment& commitment);
  [[nodiscard]] Result<Commitment> Get(CommitmentId id);
  [[nodiscard]] Result<std::vector<Commitment>> ForParagraph(ParagraphId paragraph);
  // Every commitment of the document's paragraphs, in reading order (paragraph ordinal, then
  // span), with their actors: two queries whatever the document's size.
  [[nodiscard]] Result<std::vector<Commitment>> ForDocument(DocumentId document);
  // The texts of the given commitments, in one query; an id that is not stored has no entry.
  [[nodiscard]] Result<std::unordered_map<CommitmentId, std::string>> Texts(
      const std::vector<CommitmentId>& ids);
  // In document order (document date, then paragraph ordinal, then span).
  [[nodiscard]] Result<std::vector<CommitmentRow>> Find(const CommitmentQuery& query);
  [[nodiscard]] Result<int> Count();
  [[nodiscard]] Status Delete(CommitmentId id);
  // Moves the commitment to a new id, with its actors, links and follow-ups, so that another
  // can take its id back (a correction put back in a revision). Returns the new id.
  [[nodiscard]] Result<CommitmentId> Renumber(CommitmentId id);

 private:
  [[nodiscard]] Status InsertActors(const Commitment& commitment);
  // Fills the actors of all `commitments` with one query.
  [[nodiscard]] Status LoadActors(std::vector<Commitment*> commitments);

  Database& database_;
};

}  // namespace nt::store
