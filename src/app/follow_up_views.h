#pragma once
// Follow-up actions as front ends create, change and read them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/follow_up.h"

namespace nt::app {

struct FollowUpInput {
  std::string title;
  std::vector<std::int64_t> commitment_ids;  // one or more
  std::string owner;                         // actor name, alias or acronym; "" = none
  std::string due_date;                      // ISO 8601; "" = none
  FollowUpStatus status = FollowUpStatus::kPlanned;
  std::optional<Completion> completion;  // unset: complete when done, else not started
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

}  // namespace nt::app
