#include "app/internal/correction_replay.h"

#include <cstdlib>
#include <limits>
#include <optional>
#include <set>

#include "core/clock.h"
#include "core/platform.h"
#include "store/commitment_repository.h"
#include "store/correction_repository.h"
#include "store/dialogue_repository.h"
#include "store/document_repository.h"

namespace nt::app {
namespace {

// The stored commitment with the id, or nullopt when there is none.
Result<std::optional<Commitment>> Find(store::CommitmentRepository& commitments, CommitmentId id) {
  auto found = commitments.Get(id);
  if (found) return std::optional<Commitment>(std::move(*found));
  if (found.error().code == ErrorCode::kNotFound) return std::optional<Commitment>();
  return Fail(found.error());
}

std::int64_t ToId(const std::string& value) {
  return value.empty() ? 0 : std::strtoll(value.c_str(), nullptr, 10);
}

Status ApplyOverrides(store::Database& database, Document& document) {
  auto overrides = store::CorrectionRepository(database).Overrides(document.id);
  if (!overrides) return Fail(overrides.error());
  if (overrides->empty()) return {};
  store::DialogueRepository dialogues(database);
  for (const auto& [field, value] : *overrides) {
    if (field == "title") document.title = value;
    if (field == "date") document.date = value;
    if (field == "kind") document.kind = ParseDocumentKind(value).value_or(document.kind);
    if (field == "dialogue") {
      // A dialogue deleted since (none is, today) leaves what extraction found.
      const DialogueId id(ToId(value));
      if (!id || dialogues.Get(id)) document.dialogue_id = id;
    }
    if (field == "round") {
      const RoundId id(ToId(value));
      if (!id || dialogues.GetRound(id)) document.round_id = id;
    }
  }
  return store::DocumentRepository(database).Update(document);
}

Status DropRejected(store::Database& database, DocumentId document) {
  auto rejected = store::CorrectionRepository(database).Rejected(document);
  if (!rejected) return Fail(rejected.error());
  if (rejected->empty()) return {};
  std::set<std::string> texts;
  for (const RejectedCommitment& r : *rejected) texts.insert(r.text);
  store::CommitmentRepository commitments(database);
  auto stored = commitments.ForDocument(document);
  if (!stored) return Fail(stored.error());
  for (const Commitment& commitment : *stored) {
    if (commitment.origin == Origin::kExtracted && texts.contains(commitment.text)) {
      NT_TRY(commitments.Delete(commitment.id));
    }
  }
  return {};
}

Status RecordLost(store::Database& database, const Commitment& commitment, DocumentId document) {
  Correction lost{0,           "commitment", commitment.id.value,
                  document,    "lost",       "",
                  commitment.text,
                  "",          platform::CurrentUserName(), UtcTimestampNow()};
  return store::CorrectionRepository(database).Record(lost);
}

Status RestoreManual(store::Database& database, const ManualCommitment& manual,
                     const std::vector<Paragraph>& paragraphs, DocumentId document) {
  store::CommitmentRepository commitments(database);
  const Commitment& wanted = manual.commitment;
  auto existing = Find(commitments, wanted.id);
  if (!existing) return Fail(existing.error());
  // The row with the id is this commitment when its paragraph kept its text, or when another
  // pass (follow-up reattachment) carried it over as manual; a commitment the revision's
  // extraction just stored may have been handed the freed id instead.
  // (paragraph ids are reused too, so the same paragraph is the same id with the same text).
  const Paragraph* kept = nullptr;
  for (const Paragraph& p : paragraphs) {
    if (!*existing || p.id != (*existing)->paragraph_id) continue;
    const bool same_paragraph = p.id == wanted.paragraph_id && p.text == manual.paragraph_text;
    if (same_paragraph || (*existing)->origin == Origin::kManual) kept = &p;
  }
  if (kept) {
    // Its paragraph kept its text (or another pass moved it): the manual fields are written
    // back if anything rewrote them.
    Commitment restored = wanted;
    restored.paragraph_id = kept->id;
    if (auto at = kept->text.find(wanted.text); at != std::string::npos) {
      restored.span_begin = static_cast<int>(at);
      restored.span_end = static_cast<int>(at + wanted.text.size());
    } else {
      restored.span_begin = (*existing)->span_begin;
      restored.span_end = (*existing)->span_end;
      restored.text = (*existing)->text;
    }
    auto same = [](Commitment a, Commitment b) {
      std::sort(a.actors.begin(), a.actors.end());
      std::sort(b.actors.begin(), b.actors.end());
      return a.paragraph_id == b.paragraph_id && a.span_begin == b.span_begin &&
             a.span_end == b.span_end && a.text == b.text && a.type == b.type &&
             a.strength == b.strength && a.origin == b.origin && a.actors == b.actors;
    };
    if (same(restored, **existing)) return {};
    return commitments.Update(restored);
  }
  // The revision's paragraph that holds the text, nearest the old place.
  const Paragraph* best = nullptr;
  std::size_t best_at = 0;
  int best_distance = std::numeric_limits<int>::max();
  for (const Paragraph& p : paragraphs) {
    auto at = p.text.find(wanted.text);
    if (at == std::string::npos) continue;
    const int distance = std::abs(p.ordinal - manual.paragraph_ordinal);
    if (distance < best_distance) {
      best = &p;
      best_at = at;
      best_distance = distance;
    }
  }
  if (!best) return RecordLost(database, wanted, document);
  const int begin = static_cast<int>(best_at);
  const int end = begin + static_cast<int>(wanted.text.size());
  // What extraction found on the same words is the commitment the user corrected.
  auto found = commitments.ForParagraph(best->id);
  if (!found) return Fail(found.error());
  for (const Commitment& other : *found) {
    if (other.origin == Origin::kExtracted && other.span_begin < end && begin < other.span_end) {
      NT_TRY(commitments.Delete(other.id));
    }
  }
  Commitment restored = wanted;
  restored.paragraph_id = best->id;
  restored.span_begin = begin;
  restored.span_end = end;
  // The id is the user's handle on the commitment (its history, follow-ups, links): a
  // commitment of the revision that was handed it moves to a new one.
  auto taken = Find(commitments, wanted.id);
  if (!taken) return Fail(taken.error());
  if (*taken) {
    auto moved = commitments.Renumber(wanted.id);
    if (!moved) return Fail(moved.error());
  }
  return commitments.Insert(restored);
}

}  // namespace

Result<CapturedCorrections> CaptureCorrections(store::Database& database, DocumentId document) {
  CapturedCorrections captured;
  auto paragraphs = store::DocumentRepository(database).Paragraphs(document);
  if (!paragraphs) return Fail(paragraphs.error());
  auto commitments = store::CommitmentRepository(database).ForDocument(document);
  if (!commitments) return Fail(commitments.error());
  for (Commitment& commitment : *commitments) {
    if (commitment.origin != Origin::kManual) continue;
    ManualCommitment manual{std::move(commitment), 0, ""};
    for (const Paragraph& p : *paragraphs) {
      if (p.id != manual.commitment.paragraph_id) continue;
      manual.paragraph_ordinal = p.ordinal;
      manual.paragraph_text = p.text;
    }
    captured.commitments.push_back(std::move(manual));
  }
  return captured;
}

Status ReplayCorrections(store::Database& database, const CapturedCorrections& captured,
                         Document& document) {
  NT_TRY(ApplyOverrides(database, document));
  NT_TRY(DropRejected(database, document.id));
  if (captured.commitments.empty()) return {};
  auto paragraphs = store::DocumentRepository(database).Paragraphs(document.id);
  if (!paragraphs) return Fail(paragraphs.error());
  for (const ManualCommitment& manual : captured.commitments) {
    NT_TRY(RestoreManual(database, manual, *paragraphs, document.id));
  }
  return {};
}

}  // namespace nt::app
