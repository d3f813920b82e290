#pragma once
// A library as front ends read it: documents with their paragraphs, dialogue and round,
// commitments with the names of their actors, dialogues with their rounds.

#include <optional>
#include <string>
#include <vector>

#include "core/commitment.h"
#include "core/dialogue.h"
#include "core/document.h"
#include "core/library_queries.h"

namespace nt::app {

// A document as a reader sees it.
struct DocumentView {
  Document document;
  std::vector<Paragraph> paragraphs;
  std::optional<Dialogue> dialogue;
  std::optional<Round> round;
};

struct CommitmentFilter {
  std::string document;  // a document reference (id or title part), "" = any
  std::string actor;     // an actor's name, alias or acronym, "" = any
  std::optional<CommitmentType> type;
  std::string dialogue;      // a dialogue's name in any spelling, or a unique part; "" = any
  std::optional<int> round;  // with `dialogue`: only documents reporting on that round
};

struct NamedActor {
  ActorId id;
  std::string name;
  ActorRole role = ActorRole::kSubject;
};

// A commitment with the names a reader needs.
struct CommitmentView {
  CommitmentRow row;  // the commitment, its document and paragraph label
  std::vector<NamedActor> actors;
  std::vector<std::string> norm_codes;  // linked norms, "13(f)"
};

struct RoundView {
  Round round;
  std::vector<Document> documents;  // documents that report on this round
};

struct DialogueView {
  Dialogue dialogue;
  std::vector<RoundView> rounds;             // numbered first, by number
  std::vector<Document> unnumbered_documents;  // attached to the dialogue, not to a round
};

}  // namespace nt::app
