#pragma once
// A bulk read of everything the graph model needs, in a handful of sequential scans (one
// SELECT per table, no per-row queries), so the graph can be rebuilt from SQLite quickly.
// Thread-safety: as the Database it reads (one thread at a time).

#include <cstdint>
#include <string>
#include <vector>

#include "core/actor.h"
#include "core/commitment.h"
#include "core/error.h"
#include "core/follow_up.h"
#include "core/link.h"
#include "store/database.h"

namespace nt::store {

struct SnapshotDocument {
  DocumentId id;
  std::string title;
  std::string symbol;
  std::string date;
  DialogueId dialogue_id;
  RoundId round_id;
};

struct SnapshotCommitment {
  CommitmentId id;
  DocumentId document_id;
  std::string paragraph_label;
  std::string text;
  CommitmentType type = CommitmentType::kPledge;
  std::string deadline;
};

struct SnapshotCommitmentActor {
  CommitmentId commitment_id;
  ActorId actor_id;
  ActorRole role = ActorRole::kSubject;
};

struct SnapshotActor {
  ActorId id;
  std::string name;
  ActorKind kind = ActorKind::kState;
  ActorId parent_id;
};

struct SnapshotDialogue {
  DialogueId id;
  std::string name;
};

struct SnapshotRound {
  RoundId id;
  DialogueId dialogue_id;
  int number = 0;  // 0 = unnumbered
  std::string start_date;
  std::string place;
};

struct SnapshotNorm {
  NormId id;
  std::string code;
  std::string short_title;
};

struct SnapshotFollowUp {
  FollowUpId id;
  std::string title;
  ActorId owner_actor_id;
  std::string due_date;
  FollowUpStatus status = FollowUpStatus::kPlanned;  // the latest event's
  Completion completion = Completion::kNotStarted;
  std::string status_date;
};

struct SnapshotFollowUpCommitment {
  FollowUpId follow_up_id;
  CommitmentId commitment_id;
};

// A stored link without its note and timestamp.
struct SnapshotLink {
  LinkId id;
  EntityRef source;
  EntityRef target;
  std::string type;
  Origin origin = Origin::kManual;
  double confidence = 1.0;
};

struct GraphSnapshot {
  std::vector<SnapshotDocument> documents;
  std::vector<SnapshotCommitment> commitments;
  std::vector<SnapshotCommitmentActor> commitment_actors;
  std::vector<SnapshotActor> actors;
  std::vector<SnapshotDialogue> dialogues;
  std::vector<SnapshotRound> rounds;
  std::vector<SnapshotNorm> norms;
  std::vector<SnapshotFollowUp> follow_ups;
  std::vector<SnapshotFollowUpCommitment> follow_up_commitments;
  std::vector<SnapshotLink> links;
};

// Reads the whole snapshot inside one read transaction, so it is consistent.
[[nodiscard]] Result<GraphSnapshot> ReadGraphSnapshot(Database& database);

// A number that changes whenever the database content changes, by this connection or any
// other: lets a cached graph know it must be rebuilt.
[[nodiscard]] Result<std::int64_t> ReadChangeStamp(Database& database);

}  // namespace nt::store
