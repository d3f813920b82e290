#include "app/internal/correction_service.h"

#include <algorithm>
#include <charconv>

#include "app/internal/dialogue_reference.h"
#include "core/clock.h"
#include "core/platform.h"
#include "core/text.h"
#include "extract/dialogue_finder.h"
#include "store/actor_repository.h"
#include "store/commitment_repository.h"
#include "store/correction_repository.h"
#include "store/dialogue_repository.h"
#include "store/document_repository.h"
#include "store/entity_merger.h"
#include "store/follow_up_repository.h"
#include "store/index_outbox_repository.h"

namespace nt::app {
namespace {

constexpr std::string_view kCommitment = "commitment";
constexpr std::string_view kDocument = "document";
constexpr std::string_view kActor = "actor";
constexpr std::string_view kDialogue = "dialogue";

bool IsUtf8Boundary(const std::string& text, std::size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

// Where `span` is in the paragraph: the fragment itself, else "BEGIN:END" byte offsets.
Result<std::pair<int, int>> LocateSpan(const Paragraph& paragraph, const std::string& span) {
  if (Trim(span).empty()) {
    return Fail(ErrorCode::kUsage,
                "The span is empty: give the words of the commitment as they are in the "
                "paragraph (--span/--text-span).");
  }
  if (auto at = paragraph.text.find(span); at != std::string::npos) {
    return std::pair{static_cast<int>(at), static_cast<int>(at + span.size())};
  }
  std::size_t begin = 0, end = 0;
  const std::size_t colon = span.find(':');
  if (colon != std::string::npos) {
    const char* first = span.data();
    auto b = std::from_chars(first, first + colon, begin);
    auto e = std::from_chars(first + colon + 1, first + span.size(), end);
    const bool numbers = b.ec == std::errc() && b.ptr == first + colon && e.ec == std::errc() &&
                         e.ptr == first + span.size();
    if (numbers && begin < end && end <= paragraph.text.size() &&
        IsUtf8Boundary(paragraph.text, begin) && IsUtf8Boundary(paragraph.text, end)) {
      return std::pair{static_cast<int>(begin), static_cast<int>(end)};
    }
    if (numbers) {
      return Fail(ErrorCode::kUsage, "The offsets " + Quoted(span) + " are not a span of paragraph #" +
                                         std::to_string(paragraph.id.value) + " (it has " +
                                         std::to_string(paragraph.text.size()) + " bytes).");
    }
  }
  return Fail(ErrorCode::kUsage, "Paragraph #" + std::to_string(paragraph.id.value) +
                                     " does not contain " + Quoted(span) +
                                     ": give the words exactly as the paragraph has them "
                                     "('normtrack show DOC' prints it).");
}

std::string ValueOrNone(const std::string& value) { return value.empty() ? "(none)" : value; }

}  // namespace

Result<std::vector<ActorRoleInput>> ParseActorSpec(std::string_view spec) {
  std::vector<ActorRoleInput> actors;
  if (Trim(spec).empty()) return actors;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t comma = spec.find(',', start);
    if (comma == std::string_view::npos) comma = spec.size();
    std::string part = Trim(spec.substr(start, comma - start));
    start = comma + 1;
    ActorRoleInput actor;
    if (auto colon = part.rfind(':'); colon != std::string::npos) {
      const std::string role = Trim(std::string_view(part).substr(colon + 1));
      auto parsed = ParseActorRole(role);
      if (!parsed) {
        return Fail(ErrorCode::kUsage, "In --actors, " + Quoted(role) +
                                           " is not a role: write subject, counterpart or "
                                           "addressee after the name (\"Japan:subject\").");
      }
      actor.role = *parsed;
      part = Trim(std::string_view(part).substr(0, colon));
    }
    if (part.empty()) {
      return Fail(ErrorCode::kUsage,
                  "In --actors, every entry needs a name: \"Japan:subject,United "
                  "States:subject\".");
    }
    actor.name = part;
    actors.push_back(std::move(actor));
    if (comma == spec.size()) break;
  }
  return actors;
}

Status CorrectionService::Record(std::string_view kind, std::int64_t id, DocumentId document,
                                 std::string_view action, std::string_view field,
                                 std::string_view before, std::string_view after) {
  if (user_.empty()) user_ = platform::CurrentUserName();
  Correction correction{0,
                        std::string(kind),
                        id,
                        document,
                        std::string(action),
                        std::string(field),
                        std::string(before),
                        std::string(after),
                        user_,
                        UtcTimestampNow()};
  return store::CorrectionRepository(library_.database()).Record(correction);
}

Status CorrectionService::QueueIndex(const std::vector<DocumentId>& documents) {
  store::IndexOutboxRepository outbox(library_.database());
  for (DocumentId document : documents) {
    NT_TRY(outbox.Enqueue(document, store::OutboxAction::kIndex));
  }
  return {};
}

Result<Actor> CorrectionService::FindActor(std::string_view name) {
  auto actor = store::ActorRepository(library_.database()).FindByName(Trim(name));
  if (!actor) return Fail(actor.error());
  if (!*actor) {
    return Fail(ErrorCode::kNotFound, "No actor is called " + Quoted(Trim(name)) +
                                          " in this library.");
  }
  return **actor;
}

Result<ActorId> CorrectionService::ResolveActor(std::string_view name) {
  store::ActorRepository actors(library_.database());
  auto stored = actors.FindByName(name);
  if (!stored) return Fail(stored.error());
  if (*stored) return (*stored)->id;
  // A name the gazetteer knows but no document of the library has named yet.
  if (reference_) {
    if (auto index = reference_->gazetteer.Find(name)) {
      auto upsert = [&](auto& self, int at) -> Result<ActorId> {
        const extract::GazetteerActor& source = reference_->gazetteer.actor(at);
        Actor actor{ActorId(), source.canonical_name, source.kind, ActorId(), source.aliases};
        if (source.parent_index >= 0) {
          auto parent = self(self, source.parent_index);
          if (!parent) return parent;
          actor.parent_id = *parent;
        }
        return actors.Upsert(actor);
      };
      return upsert(upsert, *index);
    }
  }
  return Fail(ErrorCode::kNotFound, "No actor is called " + Quoted(name) +
                                        " in this library or the gazetteer.");
}

Result<std::vector<CommitmentActor>> CorrectionService::ResolveActors(
    const std::vector<ActorRoleInput>& actors) {
  std::vector<CommitmentActor> out;
  for (const ActorRoleInput& input : actors) {
    auto id = ResolveActor(input.name);
    if (!id) return Fail(id.error());
    CommitmentActor actor{*id, input.role};
    if (std::find(out.begin(), out.end(), actor) == out.end()) out.push_back(actor);
  }
  return out;
}

// "Japan:subject, United States:subject", as --actors takes it.
Result<std::string> CorrectionService::ActorList(const std::vector<CommitmentActor>& actors) {
  store::ActorRepository repository(library_.database());
  std::vector<std::string> parts;
  for (const CommitmentActor& actor : actors) {
    auto stored = repository.Get(actor.actor_id);
    if (!stored) return Fail(stored.error());
    parts.push_back(stored->canonical_name + ":" + std::string(ToString(actor.role)));
  }
  return Join(parts, ", ");
}

Result<CommitmentDetail> CorrectionService::ShowCommitment(std::int64_t id) {
  CommitmentDetail detail;
  store::CorrectionRepository corrections(library_.database());
  auto history = corrections.ForEntity(kCommitment, id);
  if (!history) return Fail(history.error());
  detail.history = std::move(*history);
  auto rejected = corrections.FindRejected(CommitmentId(id));
  if (!rejected) return Fail(rejected.error());
  if (*rejected) {
    detail.rejected = **rejected;
    return detail;
  }
  auto commitment = store::CommitmentRepository(library_.database()).Get(CommitmentId(id));
  if (!commitment) return Fail(commitment.error());
  auto paragraph = store::DocumentRepository(library_.database()).GetParagraph(
      commitment->paragraph_id);
  if (!paragraph) return Fail(paragraph.error());
  CommitmentFilter filter;
  filter.document = std::to_string(paragraph->document_id.value);
  auto views = library_.ListCommitments(filter);
  if (!views) return Fail(views.error());
  for (CommitmentView& view : *views) {
    if (view.row.commitment.id.value == id) detail.view = std::move(view);
  }
  return detail;
}

Result<CommitmentDetail> CorrectionService::EditCommitment(std::int64_t id,
                                                           const CommitmentEdit& edit) {
  if (!edit.type && !edit.actors && !edit.span) {
    return Fail(ErrorCode::kUsage,
                "Nothing to change: give --type, --actors or --text-span.");
  }
  store::Database& database = library_.database();
  NT_TRY(database.InTransaction([&]() -> Status {
    auto rejected = store::CorrectionRepository(database).FindRejected(CommitmentId(id));
    if (!rejected) return Fail(rejected.error());
    if (*rejected) {
      return Fail(ErrorCode::kNotFound, "Commitment #" + std::to_string(id) +
                                            " was deleted (rejected) on " +
                                            (*rejected)->rejected_at.substr(0, 10) + ".");
    }
    store::CommitmentRepository commitments(database);
    auto commitment = commitments.Get(CommitmentId(id));
    if (!commitment) return Fail(commitment.error());
    auto paragraph = store::DocumentRepository(database).GetParagraph(commitment->paragraph_id);
    if (!paragraph) return Fail(paragraph.error());
    Commitment changed = *commitment;
    struct Change {
      std::string field, before, after;
    };
    std::vector<Change> changes;
    if (edit.type && *edit.type != commitment->type) {
      changed.type = *edit.type;
      changed.strength = DefaultStrength(*edit.type);
      changes.push_back({"type", std::string(ToString(commitment->type)),
                         std::string(ToString(*edit.type))});
    }
    if (edit.actors) {
      auto actors = ResolveActors(*edit.actors);
      if (!actors) return Fail(actors.error());
      changed.actors = std::move(*actors);
      auto before = ActorList(commitment->actors);
      if (!before) return Fail(before.error());
      auto after = ActorList(changed.actors);
      if (!after) return Fail(after.error());
      if (*before != *after) changes.push_back({"actors", *before, *after});
    }
    if (edit.span) {
      auto span = LocateSpan(*paragraph, *edit.span);
      if (!span) return Fail(span.error());
      changed.span_begin = span->first;
      changed.span_end = span->second;
      changed.text = paragraph->text.substr(span->first, span->second - span->first);
      if (changed.text != commitment->text || changed.span_begin != commitment->span_begin) {
        changes.push_back({"span", commitment->text, changed.text});
      }
    }
    changed.origin = Origin::kManual;
    NT_TRY(commitments.Update(changed));  // its triggers queue the document (invariant 1)
    for (const Change& change : changes) {
      NT_TRY(Record(kCommitment, id, paragraph->document_id, "edit", change.field, change.before,
                    change.after));
    }
    return {};
  }));
  return ShowCommitment(id);
}

Result<CommitmentDetail> CorrectionService::AddCommitment(const CommitmentAddition& addition) {
  store::Database& database = library_.database();
  Commitment commitment;
  NT_TRY(database.InTransaction([&]() -> Status {
    auto paragraph =
        store::DocumentRepository(database).GetParagraph(ParagraphId(addition.paragraph));
    if (!paragraph) return Fail(paragraph.error());
    auto span = LocateSpan(*paragraph, addition.span);
    if (!span) return Fail(span.error());
    auto actors = ResolveActors(addition.actors);
    if (!actors) return Fail(actors.error());
    commitment.paragraph_id = paragraph->id;
    commitment.span_begin = span->first;
    commitment.span_end = span->second;
    commitment.text = paragraph->text.substr(span->first, span->second - span->first);
    commitment.type = addition.type;
    commitment.strength = DefaultStrength(addition.type);
    commitment.origin = Origin::kManual;
    commitment.actors = std::move(*actors);
    NT_TRY(store::CommitmentRepository(database).Insert(commitment));
    auto actor_list = ActorList(commitment.actors);
    if (!actor_list) return Fail(actor_list.error());
    return Record(kCommitment, commitment.id.value, paragraph->document_id, "add", "", "",
                  commitment.text + " (" + std::string(ToString(commitment.type)) +
                      (actor_list->empty() ? "" : "; " + *actor_list) + ")");
  }));
  return ShowCommitment(commitment.id.value);
}

Result<CommitmentDetail> CorrectionService::RejectCommitment(std::int64_t id) {
  store::Database& database = library_.database();
  NT_TRY(database.InTransaction([&]() -> Status {
    store::CommitmentRepository commitments(database);
    auto commitment = commitments.Get(CommitmentId(id));
    if (!commitment) {
      auto rejected = store::CorrectionRepository(database).FindRejected(CommitmentId(id));
      if (rejected && *rejected) {
        return Fail(ErrorCode::kUsage, "Commitment #" + std::to_string(id) +
                                           " is already deleted (rejected).");
      }
      return Fail(commitment.error());
    }
    auto follow_ups = store::FollowUpRepository(database).ForCommitment(commitment->id);
    if (!follow_ups) return Fail(follow_ups.error());
    if (!follow_ups->empty()) {
      return Fail(ErrorCode::kUsage,
                  "Commitment #" + std::to_string(id) + " is tracked by follow-up #" +
                      std::to_string(follow_ups->front().id.value) +
                      ", which would lose it; correct the commitment with 'commitment edit' "
                      "instead.");
    }
    auto paragraph = store::DocumentRepository(database).GetParagraph(commitment->paragraph_id);
    if (!paragraph) return Fail(paragraph.error());
    store::CorrectionRepository corrections(database);
    NT_TRY(corrections.Reject(RejectedCommitment{commitment->id, paragraph->document_id,
                                                 commitment->text,
                                                 std::string(ToString(commitment->type)),
                                                 paragraph->label, UtcTimestampNow()}));
    NT_TRY(commitments.Delete(commitment->id));  // its trigger queues the document
    return Record(kCommitment, id, paragraph->document_id, "reject", "", commitment->text, "");
  }));
  return ShowCommitment(id);
}

Result<Actor> CorrectionService::MergeActors(std::string_view into, std::string_view from) {
  store::Database& database = library_.database();
  auto kept = FindActor(into);
  if (!kept) return kept;
  auto merged = FindActor(from);
  if (!merged) return merged;
  if (kept->id == merged->id) {
    return Fail(ErrorCode::kUsage, Quoted(into) + " and " + Quoted(from) +
                                       " are already one actor, " +
                                       Quoted(kept->canonical_name) + ".");
  }
  NT_TRY(database.InTransaction([&]() -> Status {
    store::EntityMerger merger(database);
    NT_TRY(merger.MergeActors(kept->id, merged->id));
    auto documents = merger.DocumentsNaming(kept->id);
    if (!documents) return Fail(documents.error());
    NT_TRY(QueueIndex(*documents));
    return Record(kActor, kept->id.value, DocumentId(), "merge", "", merged->canonical_name,
                  kept->canonical_name);
  }));
  return store::ActorRepository(database).Get(kept->id);
}

Result<Actor> CorrectionService::RenameActor(std::string_view reference, std::string_view name) {
  store::Database& database = library_.database();
  const std::string new_name = Trim(name);
  if (new_name.empty()) return Fail(ErrorCode::kUsage, "An actor's name cannot be empty.");
  auto actor = FindActor(reference);
  if (!actor) return actor;
  if (actor->canonical_name == new_name) return actor;
  NT_TRY(database.InTransaction([&]() -> Status {
    store::EntityMerger merger(database);
    NT_TRY(merger.RenameActor(actor->id, new_name));
    auto documents = merger.DocumentsNaming(actor->id);
    if (!documents) return Fail(documents.error());
    NT_TRY(QueueIndex(*documents));
    return Record(kActor, actor->id.value, DocumentId(), "rename", "name", actor->canonical_name,
                  new_name);
  }));
  return store::ActorRepository(database).Get(actor->id);
}

Result<Dialogue> CorrectionService::MergeDialogues(std::string_view into, std::string_view from) {
  store::Database& database = library_.database();
  auto kept = ResolveDialogue(database, into);
  if (!kept) return kept;
  auto merged = ResolveDialogue(database, from);
  if (!merged) return merged;
  if (kept->id == merged->id) {
    return Fail(ErrorCode::kUsage, Quoted(into) + " and " + Quoted(from) +
                                       " are already one dialogue, " + Quoted(kept->name) + ".");
  }
  NT_TRY(database.InTransaction([&]() -> Status {
    NT_TRY(store::EntityMerger(database).MergeDialogues(kept->id, merged->id));
    auto documents = store::DocumentRepository(database).InDialogue(kept->id);
    if (!documents) return Fail(documents.error());
    std::vector<DocumentId> ids;
    for (const Document& document : *documents) ids.push_back(document.id);
    NT_TRY(QueueIndex(ids));
    return Record(kDialogue, kept->id.value, DocumentId(), "merge", "", merged->name, kept->name);
  }));
  return store::DialogueRepository(database).Get(kept->id);
}

Result<Dialogue> CorrectionService::RenameDialogue(std::string_view reference,
                                                   std::string_view name) {
  store::Database& database = library_.database();
  const std::string new_name = Trim(name);
  if (new_name.empty()) return Fail(ErrorCode::kUsage, "A dialogue's name cannot be empty.");
  auto dialogue = ResolveDialogue(database, reference);
  if (!dialogue) return dialogue;
  if (dialogue->name == new_name) return dialogue;
  NT_TRY(database.InTransaction([&]() -> Status {
    NT_TRY(store::EntityMerger(database).RenameDialogue(dialogue->id, new_name));
    auto documents = store::DocumentRepository(database).InDialogue(dialogue->id);
    if (!documents) return Fail(documents.error());
    std::vector<DocumentId> ids;
    for (const Document& document : *documents) ids.push_back(document.id);
    NT_TRY(QueueIndex(ids));
    return Record(kDialogue, dialogue->id.value, DocumentId(), "rename", "name", dialogue->name,
                  new_name);
  }));
  return store::DialogueRepository(database).Get(dialogue->id);
}

Result<Document> CorrectionService::EditDocument(std::string_view reference,
                                                 const DocumentEdit& edit) {
  if (!edit.title && !edit.date && !edit.kind && !edit.dialogue && !edit.round) {
    return Fail(ErrorCode::kUsage,
                "Nothing to change: give --title, --date, --kind, --dialogue or --round.");
  }
  if (edit.title && Trim(*edit.title).empty()) {
    return Fail(ErrorCode::kUsage, "A document's title (--title) cannot be empty.");
  }
  if (edit.date && !edit.date->empty() && !IsIsoDate(*edit.date)) {
    return Fail(ErrorCode::kUsage, "The date given with --date, " + Quoted(*edit.date) +
                                       ", is not a date: write a real day as YYYY-MM-DD "
                                       "(or YYYY-MM, YYYY when only that is known).");
  }
  std::optional<DocumentKind> kind;
  if (edit.kind) {
    kind = ParseDocumentKind(*edit.kind);
    if (!kind) {
      return Fail(ErrorCode::kUsage, "The kind given with --kind, " + Quoted(*edit.kind) +
                                         ", is not one: write statement, un_report, agreement, "
                                         "resolution or other.");
    }
  }
  if (edit.round && *edit.round <= 0) {
    return Fail(ErrorCode::kUsage, "A round (--round) is a number from 1.");
  }
  store::Database& database = library_.database();
  auto found = library_.FindDocument(reference);
  if (!found) return found;
  Document document = *found;
  NT_TRY(database.InTransaction([&]() -> Status {
    store::CorrectionRepository corrections(database);
    store::DialogueRepository dialogues(database);
    struct Change {
      std::string field, before, after, value;
    };
    std::vector<Change> changes;
    if (edit.title && Trim(*edit.title) != document.title) {
      const std::string title = Trim(*edit.title);
      changes.push_back({"title", document.title, title, title});
      document.title = title;
    }
    if (edit.date && *edit.date != document.date) {
      changes.push_back({"date", ValueOrNone(document.date), ValueOrNone(*edit.date), *edit.date});
      document.date = *edit.date;
    }
    if (kind && *kind != document.kind) {
      changes.push_back({"kind", std::string(ToString(document.kind)),
                         std::string(ToString(*kind)), std::string(ToString(*kind))});
      document.kind = *kind;
    }
    auto dialogue_name = [&](DialogueId id) -> Result<std::string> {
      if (!id) return std::string("(none)");
      auto dialogue = dialogues.Get(id);
      if (!dialogue) return Fail(dialogue.error());
      return dialogue->name;
    };
    auto round_name = [&](RoundId id) -> Result<std::string> {
      if (!id) return std::string("(none)");
      auto round = dialogues.GetRound(id);
      if (!round) return Fail(round.error());
      return round->number ? std::to_string(*round->number) : std::string("(unnumbered)");
    };
    const DialogueId old_dialogue = document.dialogue_id;
    const RoundId old_round = document.round_id;
    if (edit.dialogue) {
      if (Trim(*edit.dialogue).empty()) {
        document.dialogue_id = DialogueId();
        document.round_id = RoundId();
      } else {
        auto dialogue = ResolveDialogue(database, *edit.dialogue);
        if (!dialogue && dialogue.error().code != ErrorCode::kNotFound) {
          return Fail(dialogue.error());
        }
        if (dialogue) {
          document.dialogue_id = dialogue->id;
        } else {
          // A dialogue the library does not know yet: the user names it, so it is made.
          const std::string name = Trim(*edit.dialogue);
          std::string key = reference_ ? extract::DialogueKeyOf(name, reference_->gazetteer) : "";
          if (key.empty()) key = "manual|" + ToLowerAscii(name);
          auto id = dialogues.Upsert(Dialogue{DialogueId(), name, key});
          if (!id) return Fail(id.error());
          document.dialogue_id = *id;
        }
        if (document.dialogue_id != old_dialogue) document.round_id = RoundId();
      }
    }
    if (edit.round) {
      if (!document.dialogue_id) {
        return Fail(ErrorCode::kUsage,
                    "A round is a round of a dialogue, and the document has none: give "
                    "--dialogue too.");
      }
      auto round = dialogues.UpsertRound(Round{RoundId(), document.dialogue_id, *edit.round, "",
                                               "", ""});
      if (!round) return Fail(round.error());
      document.round_id = *round;
    }
    if (document.dialogue_id != old_dialogue) {
      auto before = dialogue_name(old_dialogue);
      if (!before) return Fail(before.error());
      auto after = dialogue_name(document.dialogue_id);
      if (!after) return Fail(after.error());
      changes.push_back({"dialogue", *before, *after,
                         document.dialogue_id ? std::to_string(document.dialogue_id.value) : ""});
    }
    if (document.round_id != old_round || (edit.round && document.dialogue_id != old_dialogue)) {
      auto before = round_name(old_round);
      if (!before) return Fail(before.error());
      auto after = round_name(document.round_id);
      if (!after) return Fail(after.error());
      changes.push_back({"round", *before, *after,
                         document.round_id ? std::to_string(document.round_id.value) : ""});
    } else if (document.dialogue_id != old_dialogue) {
      // The round went with the old dialogue: a revision must not bring it back either.
      changes.push_back({"round", "", "", ""});
    }
    if (changes.empty()) return {};
    NT_TRY(store::DocumentRepository(database).Update(document));
    for (const Change& change : changes) {
      NT_TRY(corrections.SetOverride(document.id, change.field, change.value));
      if (change.before == change.after) continue;  // recorded only as the override it implies
      NT_TRY(Record(kDocument, document.id.value, document.id, "edit", change.field, change.before,
                    change.after));
    }
    return QueueIndex({document.id});
  }));
  return store::DocumentRepository(database).Get(document.id);
}

Result<std::vector<Correction>> CorrectionService::History(const HistoryFilter& filter) {
  store::CorrectionRepository corrections(library_.database());
  if (Trim(filter.entity).empty()) return corrections.All();
  const std::size_t colon = filter.entity.find(':');
  const std::string kind = colon == std::string::npos ? "" : Trim(filter.entity.substr(0, colon));
  const std::string reference = colon == std::string::npos ? "" : Trim(filter.entity.substr(colon + 1));
  if (kind == kDocument) {
    auto document = library_.FindDocument(reference);
    if (!document) return Fail(document.error());
    return corrections.ForDocument(document->id);
  }
  if (kind == kCommitment) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(reference.data(), reference.data() + reference.size(), id);
    if (ec != std::errc() || end != reference.data() + reference.size() || id <= 0) {
      return Fail(ErrorCode::kUsage, "A commitment is named by its id: " +
                                         Quoted("commitment:" + reference) + " is not one.");
    }
    return corrections.ForEntity(kCommitment, id);
  }
  if (kind == kActor) {
    auto actor = FindActor(reference);
    if (!actor) return Fail(actor.error());
    return corrections.ForEntity(kActor, actor->id.value);
  }
  if (kind == kDialogue) {
    auto dialogue = ResolveDialogue(library_.database(), reference);
    if (!dialogue) return Fail(dialogue.error());
    return corrections.ForEntity(kDialogue, dialogue->id.value);
  }
  return Fail(ErrorCode::kUsage, Quoted(filter.entity) +
                                     " names no record with a history: write document:DOC, "
                                     "commitment:ID, actor:NAME or dialogue:NAME.");
}

}  // namespace nt::app
