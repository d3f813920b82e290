#pragma once
// Reads and deletes for the automatic link rules (app/automatic_links.h): the commitments of a
// dialogue with where they were said, documents' identities, citation candidates, and the
// removal of a rule's earlier links so a re-import keeps them in step.

#include <string>
#include <functional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/link.h"
#include "store/database.h"

namespace nt::store {

struct DialogueCommitment {
  CommitmentId id;
  DocumentId document_id;
  std::string document_date;  // the document's, else its round's start date
  int round = 0;              // 0 = unnumbered or none
  std::string text;
};

// Commitments of every document attached to `dialogue`, by document date then id.
[[nodiscard]] Result<std::vector<DialogueCommitment>> CommitmentsInDialogue(Database& database,
                                                                            DialogueId dialogue);

struct DocumentIdentity {
  DocumentId id;
  std::string title;
  std::string symbol;
};

[[nodiscard]] Result<std::vector<DocumentIdentity>> DocumentIdentities(Database& database);

// Calls `visit` with every content (non-boilerplate) paragraph's document and text, in document
// order, in one pass: the citation rule reads the library once per import, not once per file.
[[nodiscard]] Status ForEachContentParagraph(
    Database& database, const std::function<void(DocumentId, std::string_view)>& visit);

// Deletes the extracted links of `type` that start or end at `end`; manual links stay.
// Returns how many were deleted.
[[nodiscard]] Result<int> DeleteExtractedLinks(Database& database, const EntityRef& end,
                                               std::string_view type);

// Deletes the extracted links of `type` that start or end at a commitment of `document`.
[[nodiscard]] Result<int> DeleteExtractedCommitmentLinks(Database& database, DocumentId document,
                                                         std::string_view type);

}  // namespace nt::store
