#pragma once
// The vocabulary of listing a library, as plain values: how documents and commitments are asked
// for, what a commitment row shows, and the library's counts. Answered by src/store, shown by
// the application layer and front ends.

#include <optional>
#include <string>

#include "core/commitment.h"
#include "core/ids.h"

namespace nt {

enum class DocumentOrder { kById, kByDateDescending, kByTitle };

struct DocumentListQuery {
  DocumentOrder order = DocumentOrder::kById;
  int offset = 0;
  int limit = -1;  // -1 = all
};

struct CommitmentQuery {
  DocumentId document;  // 0 = any
  ActorId actor;        // 0 = any (any role)
  std::optional<CommitmentType> type;
  RoundId round;  // 0 = any
  DialogueId dialogue;  // 0 = any
  int offset = 0;
  int limit = -1;
};

// A commitment with where it was made, as listings show it.
struct CommitmentRow {
  Commitment commitment;
  DocumentId document_id;
  std::string document_title;
  std::string document_date;
  std::string paragraph_label;
  int paragraph_ordinal = 0;
};

// Counts for summaries (`normtrack stats`, the status bar).
struct LibraryStatistics {
  int documents = 0;
  int paragraphs = 0;  // content paragraphs (boilerplate excluded)
  int boilerplate_paragraphs = 0;
  int actors = 0;
  int commitments = 0;
  int dialogues = 0;
  int rounds = 0;
  int norms = 0;
  int follow_ups = 0;
  int links = 0;
  int saved_searches = 0;
};

}  // namespace nt
