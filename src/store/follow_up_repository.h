#pragma once
// Follow-up actions and their status history. The history is append-only (the schema refuses
// updates to it); a follow-up's current status is its latest event.

#include <utility>
#include <vector>

#include "core/error.h"
#include "core/follow_up.h"
#include "store/database.h"

namespace nt::store {

class FollowUpRepository {
 public:
  explicit FollowUpRepository(Database& database) : database_(database) {}

  // Inserts the follow-up, its commitments and its first event (the follow-up's status,
  // completion and created date) in one transaction; sets follow_up.id.
  [[nodiscard]] Status Insert(FollowUp& follow_up, const FollowUpEvent& first_event);
  // Updates title, owner, due date and notes (never the history).
  [[nodiscard]] Status Update(const FollowUp& follow_up);
  [[nodiscard]] Status AddCommitment(FollowUpId follow_up, CommitmentId commitment);
  // Appends a status change; sets event.id and event.recorded_at.
  [[nodiscard]] Status AddEvent(FollowUpEvent& event);

  // With status and completion from the latest event.
  [[nodiscard]] Result<FollowUp> Get(FollowUpId id);
  [[nodiscard]] Result<std::vector<FollowUp>> List();
  [[nodiscard]] Result<std::vector<FollowUp>> ForCommitment(CommitmentId commitment);
  // The current status of every follow-up of the document's commitments, in one query: a
  // (commitment, status) pair per follow-up and commitment, by commitment then follow-up id
  // (the order ForCommitment gives a commitment's follow-ups).
  [[nodiscard]] Result<std::vector<std::pair<CommitmentId, FollowUpStatus>>> StatusesForDocument(
      DocumentId document);
  // Oldest first.
  [[nodiscard]] Result<std::vector<FollowUpEvent>> History(FollowUpId id);
  [[nodiscard]] Result<int> Count();
  [[nodiscard]] Status Delete(FollowUpId id);

 private:
  [[nodiscard]] Result<std::vector<FollowUp>> Select(std::string_view where, std::int64_t value);

  Database& database_;
};

}  // namespace nt::store
