#pragma once
// Follow-up actions on commitments: create, edit, record status changes, list and show.
// Every status change is a new event; the history is never rewritten (the schema refuses it).
// Thread-safety: as the Library (one thread at a time).

#include <optional>
#include <string>
#include <vector>

#include "app/library.h"
#include "core/follow_up.h"

namespace nt::app {

struct FollowUpInput {
  std::string title;
  std::vector<std::int64_t> commitment_ids;  // one or more
  std::string owner;                         // actor name, alias or acronym; "" = none
  std::string due_date;                      // ISO 8601; "" = none
  FollowUpStatus status = FollowUpStatus::kPlanned;
  Completion completion = Completion::kNotStarted;
  std::string notes;
  std::string date;                     // of the first status; "" = today
  std::int64_t evidence_paragraph = 0;  // paragraph id; 0 = none
  std::string evidence_text;
};

// Fields left empty are not changed.
struct FollowUpEdit {
  std::optional<std::string> title;
  std::optional<std::string> owner;  // "" clears
  std::optional<std::string> due_date;
  std::optional<std::string> notes;
  std::vector<std::int64_t> add_commitments;
};

struct StatusChange {
  FollowUpStatus status = FollowUpStatus::kPlanned;
  std::optional<Completion> completion;  // unset: "complete" for done, else unchanged
  std::string date;                      // "" = today
  std::string note;
  std::int64_t evidence_paragraph = 0;
  std::string evidence_text;
};

struct FollowUpFilter {
  std::optional<FollowUpStatus> status;
  std::int64_t commitment = 0;  // 0 = any
  std::string owner;            // "" = any
};

struct FollowUpView {
  FollowUp follow_up;
  std::string owner;                   // name, "" when none
  std::vector<FollowUpEvent> history;  // oldest first
};

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
