#pragma once
// Corrections of what extraction got wrong (issue 14): commitments edited, added and rejected,
// actors and dialogues merged and renamed, documents' metadata set by hand.
//
// Invariants (tests cite them as "corrections invariant N"):
//  1. Every correction is one transaction: the change, its history rows (who: the OS user,
//     when, the field, before and after) and the index outbox rows of the documents whose
//     indexed content it changes (index upkeep invariant 6), so search shows it after the
//     upkeep job behind it.
//  2. A corrected or added commitment has origin `manual`; a rejected one is deleted and kept in
//     rejected_commitments; document fields set by hand are kept in document_overrides; merged
//     and renamed names are kept as redirects. CorrectionReplay (correction_replay.h) applies
//     them again after every revision's extraction, so they win over it.
//  3. The history is append-only (the schema refuses changes), oldest first.
// Thread-safety: as the Library (one thread at a time).

#include <cstdint>
#include <string_view>
#include <vector>

#include "app/correction_views.h"
#include "app/internal/library.h"
#include "app/internal/reference_data.h"

namespace nt::app {

class CorrectionService {
 public:
  // `reference` resolves actor names the library does not hold yet (from the gazetteer) and
  // gives new dialogues their key; may be null.
  CorrectionService(Library& library, const ReferenceData* reference)
      : library_(library), reference_(reference) {}

  // Errors: kNotFound for an unknown commitment (a rejected one says so), actor or paragraph;
  // kUsage for nothing to change or a span that is not in the paragraph.
  [[nodiscard]] Result<CommitmentDetail> EditCommitment(std::int64_t id,
                                                        const CommitmentEdit& edit);
  [[nodiscard]] Result<CommitmentDetail> AddCommitment(const CommitmentAddition& addition);
  // Errors: kUsage when follow-ups track the commitment (they would lose it).
  [[nodiscard]] Result<CommitmentDetail> RejectCommitment(std::int64_t id);
  [[nodiscard]] Result<CommitmentDetail> ShowCommitment(std::int64_t id);

  // Returns the actor that remains. Errors: kNotFound, kUsage (the same actor twice, a name in
  // use by another actor).
  [[nodiscard]] Result<Actor> MergeActors(std::string_view into, std::string_view from);
  [[nodiscard]] Result<Actor> RenameActor(std::string_view actor, std::string_view name);
  [[nodiscard]] Result<Dialogue> MergeDialogues(std::string_view into, std::string_view from);
  [[nodiscard]] Result<Dialogue> RenameDialogue(std::string_view dialogue, std::string_view name);

  // Errors: kUsage for a date that is not one (naming --date), an unknown kind, a round without
  // a dialogue, nothing to change; as FindDocument for the document.
  [[nodiscard]] Result<Document> EditDocument(std::string_view document, const DocumentEdit& edit);

  [[nodiscard]] Result<std::vector<Correction>> History(const HistoryFilter& filter);

 private:
  [[nodiscard]] Result<std::vector<CommitmentActor>> ResolveActors(
      const std::vector<ActorRoleInput>& actors);
  [[nodiscard]] Result<ActorId> ResolveActor(std::string_view name);
  [[nodiscard]] Result<Actor> FindActor(std::string_view name);
  [[nodiscard]] Status Record(std::string_view kind, std::int64_t id, DocumentId document,
                              std::string_view action, std::string_view field,
                              std::string_view before, std::string_view after);
  [[nodiscard]] Status QueueIndex(const std::vector<DocumentId>& documents);
  [[nodiscard]] Result<std::string> ActorList(const std::vector<CommitmentActor>& actors);

  Library& library_;
  const ReferenceData* reference_;
  std::string user_;  // who makes the corrections of this service's calls
};

}  // namespace nt::app
