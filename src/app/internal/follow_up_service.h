#pragma once
// Follow-up actions on commitments: create, edit, record status changes, list and show.
// Every status change is a new event; the history is never rewritten (the schema refuses it).
// Thread-safety: as the Library (one thread at a time).

#include <optional>
#include <string>
#include <vector>

#include "app/follow_up_views.h"
#include "app/internal/library.h"
#include "core/follow_up.h"

namespace nt::app {

class FollowUpService {
 public:
  explicit FollowUpService(Library& library) : library_(library) {}

  // Errors: kUsage for an empty title, no commitment, a bad date, an evidence paragraph from a
  // document dated before a commitment's; kNotFound for an unknown commitment, owner or evidence
  // paragraph.
  [[nodiscard]] Result<FollowUpView> Add(const FollowUpInput& input);
  [[nodiscard]] Result<FollowUpView> Edit(std::int64_t id, const FollowUpEdit& edit);
  // Appends a status event. Errors: as Add for the date and the evidence paragraph.
  [[nodiscard]] Result<FollowUpView> ChangeStatus(std::int64_t id, const StatusChange& change);
  [[nodiscard]] Result<std::vector<FollowUpView>> List(const FollowUpFilter& filter = {});
  [[nodiscard]] Result<FollowUpView> Show(std::int64_t id);

 private:
  [[nodiscard]] Result<ActorId> ResolveOwner(const std::string& owner);
  // A paragraph given as evidence exists and its document is dated on or after the documents of
  // `commitments` (evidence shows what happened since). Errors: kNotFound, kUsage.
  [[nodiscard]] Status CheckEvidence(std::int64_t paragraph,
                                     const std::vector<CommitmentId>& commitments);
  [[nodiscard]] Result<std::string> DateOf(const Document& document);

  Library& library_;
};

}  // namespace nt::app
