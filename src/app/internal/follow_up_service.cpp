#include "app/internal/follow_up_service.h"

#include <algorithm>

#include "core/clock.h"
#include "core/text.h"
#include "store/actor_repository.h"
#include "store/commitment_repository.h"
#include "store/dialogue_repository.h"
#include "store/document_repository.h"
#include "store/follow_up_repository.h"

namespace nt::app {
namespace {

Status CheckDate(const std::string& date, std::string_view what) {
  if (date.empty() || IsIsoDate(date)) return {};
  return Fail(ErrorCode::kUsage, "The " + std::string(what) + " " + Quoted(date) +
                                     " is not a date: write a real day as YYYY-MM-DD.");
}

}  // namespace

Result<ActorId> FollowUpService::ResolveOwner(const std::string& owner) {
  if (owner.empty()) return ActorId();
  auto actor = store::ActorRepository(library_.database()).FindByName(owner);
  if (!actor) return Fail(actor.error());
  if (!*actor) {
    return Fail(ErrorCode::kNotFound, "No actor is called " + Quoted(owner) + " in this library.");
  }
  return (*actor)->id;
}

// A document's date, else its round's start date; "" when neither is known.
Result<std::string> FollowUpService::DateOf(const Document& document) {
  if (!document.date.empty() || !document.round_id) return document.date;
  auto round = store::DialogueRepository(library_.database()).GetRound(document.round_id);
  if (!round) return Fail(round.error());
  return round->start_date;
}

Status FollowUpService::CheckEvidence(std::int64_t paragraph,
                                      const std::vector<CommitmentId>& commitments) {
  if (paragraph == 0) return {};
  store::DocumentRepository documents(library_.database());
  auto found = documents.GetParagraph(ParagraphId(paragraph));
  if (!found) return Fail(found.error());
  auto evidence = documents.Get(found->document_id);
  if (!evidence) return Fail(evidence.error());
  auto evidence_date = DateOf(*evidence);
  if (!evidence_date) return Fail(evidence_date.error());
  for (CommitmentId id : commitments) {
    auto commitment = store::CommitmentRepository(library_.database()).Get(id);
    if (!commitment) return Fail(commitment.error());
    auto said_in = documents.GetParagraph(commitment->paragraph_id);
    if (!said_in) return Fail(said_in.error());
    auto promised = documents.Get(said_in->document_id);
    if (!promised) return Fail(promised.error());
    auto promised_date = DateOf(*promised);
    if (!promised_date) return Fail(promised_date.error());
    // Undated documents cannot be checked; a partial date ("2017") is compared on what it says.
    const std::size_t common = std::min(evidence_date->size(), promised_date->size());
    if (common == 0 || evidence_date->compare(0, common, *promised_date, 0, common) >= 0) {
      continue;
    }
    return Fail(ErrorCode::kUsage,
                "Paragraph " + std::to_string(paragraph) + " of " + Quoted(evidence->title) + " (" +
                    *evidence_date + ") cannot be evidence for commitment " +
                    std::to_string(id.value) + ": it comes from before the commitment's " +
                    Quoted(promised->title) + " (" + *promised_date +
                    "), so choose a paragraph of a document dated on or after it.");
  }
  return {};
}

Result<FollowUpView> FollowUpService::Show(std::int64_t id) {
  store::FollowUpRepository follow_ups(library_.database());
  auto follow_up = follow_ups.Get(FollowUpId(id));
  if (!follow_up) return Fail(follow_up.error());
  auto history = follow_ups.History(follow_up->id);
  if (!history) return Fail(history.error());
  FollowUpView view{std::move(*follow_up), "", std::move(*history)};
  if (view.follow_up.owner_actor_id) {
    auto actor = store::ActorRepository(library_.database()).Get(view.follow_up.owner_actor_id);
    if (actor) view.owner = actor->canonical_name;
  }
  return view;
}

Result<FollowUpView> FollowUpService::Add(const FollowUpInput& input) {
  FollowUp follow_up;
  follow_up.title = Trim(input.title);
  if (follow_up.title.empty()) return Fail(ErrorCode::kUsage, "A follow-up needs a title.");
  if (input.commitment_ids.empty()) {
    return Fail(ErrorCode::kUsage, "A follow-up needs at least one commitment (--commitment ID).");
  }
  NT_TRY(CheckDate(input.due_date, "due date"));
  NT_TRY(CheckDate(input.date, "date"));
  store::CommitmentRepository commitments(library_.database());
  for (std::int64_t id : input.commitment_ids) {
    auto commitment = commitments.Get(CommitmentId(id));
    if (!commitment) return Fail(commitment.error());
    follow_up.commitment_ids.push_back(CommitmentId(id));
  }
  auto owner = ResolveOwner(input.owner);
  if (!owner) return Fail(owner.error());
  NT_TRY(CheckEvidence(input.evidence_paragraph, follow_up.commitment_ids));
  follow_up.owner_actor_id = *owner;
  follow_up.due_date = input.due_date;
  follow_up.notes = input.notes;
  FollowUpEvent first;
  first.date = input.date;
  first.status = input.status;
  first.completion = input.completion.value_or(
      input.status == FollowUpStatus::kDone ? Completion::kComplete : Completion::kNotStarted);
  first.note = "created";
  first.evidence_paragraph_id = ParagraphId(input.evidence_paragraph);
  first.evidence_text = input.evidence_text;
  NT_TRY(store::FollowUpRepository(library_.database()).Insert(follow_up, first));
  return Show(follow_up.id.value);
}

Result<FollowUpView> FollowUpService::Edit(std::int64_t id, const FollowUpEdit& edit) {
  store::FollowUpRepository follow_ups(library_.database());
  auto follow_up = follow_ups.Get(FollowUpId(id));
  if (!follow_up) return Fail(follow_up.error());
  if (edit.title) {
    follow_up->title = Trim(*edit.title);
    if (follow_up->title.empty()) return Fail(ErrorCode::kUsage, "A follow-up needs a title.");
  }
  if (edit.owner) {
    auto owner = ResolveOwner(*edit.owner);
    if (!owner) return Fail(owner.error());
    follow_up->owner_actor_id = *owner;
  }
  if (edit.due_date) {
    NT_TRY(CheckDate(*edit.due_date, "due date"));
    follow_up->due_date = *edit.due_date;
  }
  if (edit.notes) follow_up->notes = *edit.notes;
  if (!edit.add_commitments.empty()) {
    // The evidence already in the history must still come after what the follow-up answers.
    std::vector<CommitmentId> added;
    for (std::int64_t commitment : edit.add_commitments) added.emplace_back(commitment);
    auto history = follow_ups.History(follow_up->id);
    if (!history) return Fail(history.error());
    for (const FollowUpEvent& event : *history) {
      NT_TRY(CheckEvidence(event.evidence_paragraph_id.value, added));
    }
  }
  store::CommitmentRepository commitments(library_.database());
  Status stored = library_.database().InTransaction([&]() -> Status {
    NT_TRY(follow_ups.Update(*follow_up));
    for (std::int64_t commitment : edit.add_commitments) {
      auto found = commitments.Get(CommitmentId(commitment));
      if (!found) return Fail(found.error());
      NT_TRY(follow_ups.AddCommitment(follow_up->id, CommitmentId(commitment)));
    }
    return {};
  });
  if (!stored) return Fail(stored.error());
  return Show(id);
}

Result<FollowUpView> FollowUpService::ChangeStatus(std::int64_t id, const StatusChange& change) {
  store::FollowUpRepository follow_ups(library_.database());
  auto follow_up = follow_ups.Get(FollowUpId(id));
  if (!follow_up) return Fail(follow_up.error());
  NT_TRY(CheckDate(change.date, "date"));
  NT_TRY(CheckEvidence(change.evidence_paragraph, follow_up->commitment_ids));
  FollowUpEvent event;
  event.follow_up_id = follow_up->id;
  event.date = change.date;
  event.status = change.status;
  // Unset: complete when done; leaving done keeps the work as substantial (a blocked or
  // reopened follow-up is not "complete").
  Completion kept = follow_up->completion;
  if (change.status != FollowUpStatus::kDone && kept == Completion::kComplete) {
    kept = Completion::kSubstantial;
  }
  event.completion = change.completion.value_or(
      change.status == FollowUpStatus::kDone ? Completion::kComplete : kept);
  event.note = change.note;
  event.evidence_paragraph_id = ParagraphId(change.evidence_paragraph);
  event.evidence_text = change.evidence_text;
  NT_TRY(follow_ups.AddEvent(event));
  return Show(id);
}

Result<std::vector<FollowUpView>> FollowUpService::List(const FollowUpFilter& filter) {
  store::FollowUpRepository follow_ups(library_.database());
  auto list = filter.commitment ? follow_ups.ForCommitment(CommitmentId(filter.commitment))
                                : follow_ups.List();
  if (!list) return Fail(list.error());
  ActorId owner;
  if (!filter.owner.empty()) {
    auto resolved = ResolveOwner(filter.owner);
    if (!resolved) return Fail(resolved.error());
    owner = *resolved;
  }
  std::vector<FollowUpView> views;
  for (const FollowUp& follow_up : *list) {
    if (filter.status && follow_up.status != *filter.status) continue;
    if (owner && follow_up.owner_actor_id != owner) continue;
    auto view = Show(follow_up.id.value);
    if (!view) return Fail(view.error());
    views.push_back(std::move(*view));
  }
  return views;
}

}  // namespace nt::app
