#pragma once
// Reads and deletes for the automatic link rules (app/automatic_links.h): a document's
// commitments with where they were said, which documents belong to which dialogue, documents'
// identities, citation candidates, and the removal of a rule's earlier links so a re-import
// keeps them in step.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
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
  std::string subject_names;  // its subjects' names and aliases, space-separated
};

// The commitments of `document` with where they were said, by id.
[[nodiscard]] Result<std::vector<DialogueCommitment>> CommitmentsOfDocument(Database& database,
                                                                            DocumentId document);

// Every document attached to a dialogue, with its dialogue, by document id: one read per import
// job, as the documents table has no index by dialogue.
[[nodiscard]] Result<std::vector<std::pair<DocumentId, DialogueId>>> DocumentDialogues(
    Database& database);

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
