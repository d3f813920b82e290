#pragma once
// Corrections of what extraction got wrong, as front ends make and read them (issue 14). Every
// correction has origin `manual`, is listed in the record's history (who, when, what was
// before) and wins over extraction when the document is imported again, as the same file or as
// a new revision of it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/library_views.h"
#include "core/commitment.h"
#include "core/correction.h"
#include "core/error.h"

namespace nt::app {

// An actor and the role it has in a commitment, by a name, alias or acronym.
struct ActorRoleInput {
  std::string name;
  ActorRole role = ActorRole::kSubject;
};

// "Japan:subject,United States:subject,DHS:counterpart": names separated by commas, each with
// an optional ":role" (subject when left out). "" = no actors. Errors: kUsage naming the part
// that is not a role or has no name.
[[nodiscard]] Result<std::vector<ActorRoleInput>> ParseActorSpec(std::string_view spec);

// The span of a commitment in its paragraph: the exact fragment of the paragraph's text (what
// a user can type), or byte offsets "BEGIN:END" when the text holds no such fragment.
struct CommitmentEdit {
  std::optional<CommitmentType> type;
  std::optional<std::vector<ActorRoleInput>> actors;
  std::optional<std::string> span;
};

struct CommitmentAddition {
  std::int64_t paragraph = 0;
  std::string span;
  CommitmentType type = CommitmentType::kPledge;
  std::vector<ActorRoleInput> actors;
};

// Unset fields stay as they are. "" clears the date, the dialogue (and with it the round).
struct DocumentEdit {
  std::optional<std::string> title;
  std::optional<std::string> date;  // ISO 8601: YYYY-MM-DD, or YYYY-MM / YYYY when partial
  std::optional<std::string> kind;  // statement, un_report, agreement, resolution, other
  std::optional<std::string> dialogue;  // any spelling; a name no dialogue has makes one
  std::optional<int> round;             // a round number of the (new) dialogue
};

// A commitment with its history; a rejected one has no view, only what was rejected.
struct CommitmentDetail {
  std::optional<CommitmentView> view;
  std::optional<RejectedCommitment> rejected;
  std::vector<Correction> history;  // oldest first
};

// Which part of the history to list: all of it, or one record's as "KIND:REF" (docs/cli.md,
// "Naming entities"): `document:12` (its own fields and its commitments'), `commitment:19`,
// `actor:NISC`, `dialogue:Japan-U.S.`.
struct HistoryFilter {
  std::string entity;  // "" = all
};

}  // namespace nt::app
