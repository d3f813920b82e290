#pragma once
// The one call the import service makes per document: everything extraction finds in an
// ImportedDocument — commitments with their actors and norms, the dialogue and round the
// document closes, other rounds it mentions, norm references, actors, and acronyms for review.
//
// Thread-safety: ExtractDocument may run on several threads at once with shared Gazetteer and
// NormCatalogue (each thread keeps its own ICU sentence iterator).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/commitment.h"
#include "core/error.h"
#include "core/imported_document.h"
#include "extract/gazetteer.h"
#include "extract/norm_catalogue.h"

namespace nt::extract {

struct ExtractedActorRef {
  int actor_index = -1;  // index into Gazetteer::actors()
  ActorRole role = ActorRole::kSubject;
  auto operator<=>(const ExtractedActorRef&) const = default;
};

struct ExtractedCommitment {
  int paragraph_index = 0;  // index into ImportedDocument::paragraphs
  int span_begin = 0;       // UTF-8 byte offsets of the clause in the paragraph's text
  int span_end = 0;
  std::string text;         // the clause
  std::string cue;          // "affirmed that they will"
  CommitmentType type = CommitmentType::kPledge;
  std::vector<ExtractedActorRef> actors;  // subjects first
  std::vector<std::string> norm_codes;    // "13(f)", catalogue order
};

struct ExtractedNormReference {
  int paragraph_index = 0;
  int span_begin = 0;
  int span_end = 0;
  std::string code;
  double confidence = 0.0;  // see norm_references.h: 1.0 explicit .. 0.5 shared keyword
  bool is_explicit = false;
};

struct DialogueMention {
  std::string name;  // as first written: "Japan-U.S. Cyber Dialogue"
  std::string key;   // "japan+united states|cyber dialogue": one per dialogue, any spelling
  std::optional<int> round;  // empty for an unnumbered (intersessional) meeting
  std::string start_date;    // ISO 8601 ("2017-07-20", or "2018-07"), "" when not stated
  std::string end_date;
  std::string place;         // "Tokyo"
  bool is_document_round = false;  // the meeting this document reports on
};

struct DocumentExtraction {
  std::vector<ExtractedCommitment> commitments;
  std::optional<DialogueMention> dialogue;   // the document's dialogue and round
  std::vector<DialogueMention> other_rounds; // rounds mentioned in passing
  std::vector<std::pair<std::string, int>> unknown_acronyms;  // ("AIS", 1), most used first
  std::vector<int> actors_mentioned;          // gazetteer indices, ascending
  std::vector<int> parties;                   // who "both countries", "the Parties" are
  std::vector<ExtractedNormReference> norm_references;
};

// Extracts from the title and every non-boilerplate paragraph. Errors: kInternal only when
// ICU cannot segment text (missing ICU data).
[[nodiscard]] Result<DocumentExtraction> ExtractDocument(const ImportedDocument& document,
                                                         const Gazetteer& gazetteer,
                                                         const NormCatalogue& catalogue);

}  // namespace nt::extract
