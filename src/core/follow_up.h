#pragma once
// Follow-up actions on commitments, with a history that is appended to, never rewritten.

#include <optional>
#include <string>
#include <vector>

#include "core/enum_names.h"
#include "core/ids.h"

namespace nt {

enum class FollowUpStatus { kPlanned, kInProgress, kDone, kDropped, kBlocked };

inline constexpr EnumNames<FollowUpStatus, 5> kFollowUpStatusNames{{
    {FollowUpStatus::kPlanned, "planned"},
    {FollowUpStatus::kInProgress, "in_progress"},
    {FollowUpStatus::kDone, "done"},
    {FollowUpStatus::kDropped, "dropped"},
    {FollowUpStatus::kBlocked, "blocked"},
}};
constexpr std::string_view ToString(FollowUpStatus status) {
  return NameOf(kFollowUpStatusNames, status);
}
constexpr std::optional<FollowUpStatus> ParseFollowUpStatus(std::string_view name) {
  return ValueOf(kFollowUpStatusNames, name);
}

// The OGP Independent Reporting Mechanism's completion scale.
enum class Completion { kNotStarted, kLimited, kSubstantial, kComplete, kNoEvidence };

inline constexpr EnumNames<Completion, 5> kCompletionNames{{
    {Completion::kNotStarted, "not_started"},
    {Completion::kLimited, "limited"},
    {Completion::kSubstantial, "substantial"},
    {Completion::kComplete, "complete"},
    {Completion::kNoEvidence, "no_evidence"},
}};
constexpr std::string_view ToString(Completion completion) {
  return NameOf(kCompletionNames, completion);
}
constexpr std::optional<Completion> ParseCompletion(std::string_view name) {
  return ValueOf(kCompletionNames, name);
}

struct FollowUpEvent {
  FollowUpEventId id;
  FollowUpId follow_up_id;
  std::string date;  // when it happened (ISO 8601), as the user says
  FollowUpStatus status = FollowUpStatus::kPlanned;
  Completion completion = Completion::kNotStarted;
  std::string note;
  ParagraphId evidence_paragraph_id;  // a paragraph of a later document, or
  std::string evidence_text;          // a free-text source
  std::string recorded_at;            // when it was entered (UTC timestamp)
};

struct FollowUp {
  FollowUpId id;
  std::string title;
  std::vector<CommitmentId> commitment_ids;
  ActorId owner_actor_id;
  std::string due_date;
  FollowUpStatus status = FollowUpStatus::kPlanned;  // the latest event's status
  Completion completion = Completion::kNotStarted;
  std::string notes;
  std::string created_at;
  std::string updated_at;
};

}  // namespace nt
