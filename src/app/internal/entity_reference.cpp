#include "app/internal/entity_reference.h"

#include <charconv>

#include "app/internal/dialogue_reference.h"
#include "core/text.h"
#include "store/actor_repository.h"
#include "store/commitment_repository.h"
#include "store/dialogue_repository.h"
#include "store/document_repository.h"
#include "store/follow_up_repository.h"
#include "store/norm_repository.h"

namespace nt::app {
namespace {

std::optional<std::int64_t> ParseId(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

Error NotFound(std::string_view kind, std::string_view ref) {
  return Error{ErrorCode::kNotFound,
               "There is no " + std::string(kind) + " " + Quoted(ref) + " in this library."};
}

}  // namespace

Result<EntityRef> ResolveEntity(store::Database& database, std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) {
    return Fail(ErrorCode::kUsage,
                "Name an entity as KIND:REF (for example actor:NISC or "
                "commitment:12), not " +
                    Quoted(text) + ".");
  }
  const std::string kind_name = ToLowerAscii(Trim(text.substr(0, colon)));
  const std::string ref = Trim(text.substr(colon + 1));
  auto kind = ParseEntityKind(kind_name == "followup" ? "follow_up" : kind_name);
  if (!kind) {
    return Fail(ErrorCode::kUsage,
                "Unknown entity kind " + Quoted(kind_name) +
                    ": use document, paragraph, commitment, actor, dialogue, round, norm or "
                    "follow_up.");
  }
  if (ref.empty()) return Fail(ErrorCode::kUsage, "Name which " + kind_name + " after the colon.");
  const auto id = ParseId(ref);
  switch (*kind) {
    case EntityKind::kDocument: {
      auto document = store::DocumentRepository(database).Resolve(ref);
      if (!document) return Fail(document.error());
      return EntityRef{*kind, document->id.value};
    }
    case EntityKind::kParagraph: {
      if (!id) return Fail(ErrorCode::kUsage, "A paragraph is named by its id.");
      auto paragraph = store::DocumentRepository(database).GetParagraph(ParagraphId(*id));
      if (!paragraph) return Fail(paragraph.error());
      return EntityRef{*kind, *id};
    }
    case EntityKind::kCommitment: {
      if (!id) return Fail(ErrorCode::kUsage, "A commitment is named by its id.");
      auto commitment = store::CommitmentRepository(database).Get(CommitmentId(*id));
      if (!commitment) return Fail(commitment.error());
      return EntityRef{*kind, *id};
    }
    case EntityKind::kActor: {
      store::ActorRepository actors(database);
      if (id) {
        auto actor = actors.Get(ActorId(*id));
        if (!actor) return Fail(actor.error());
        return EntityRef{*kind, *id};
      }
      auto actor = actors.FindByName(ref);
      if (!actor) return Fail(actor.error());
      if (!*actor) return Fail(NotFound("actor", ref));
      return EntityRef{*kind, (*actor)->id.value};
    }
    case EntityKind::kDialogue: {
      auto dialogue = ResolveDialogue(database, ref);
      if (!dialogue) return Fail(dialogue.error());
      return EntityRef{*kind, dialogue->id.value};
    }
    case EntityKind::kRound: {
      store::DialogueRepository dialogues(database);
      if (id) {
        auto round = dialogues.GetRound(RoundId(*id));
        if (!round) return Fail(round.error());
        return EntityRef{*kind, *id};
      }
      const auto hash = ref.rfind('#');
      const auto number = hash == std::string::npos ? std::nullopt : ParseId(ref.substr(hash + 1));
      if (!number) {
        return Fail(ErrorCode::kUsage, "A round is named by its id or as DIALOGUE#NUMBER.");
      }
      auto dialogue = ResolveDialogue(database, Trim(ref.substr(0, hash)));
      if (!dialogue) return Fail(dialogue.error());
      auto round = dialogues.FindRound(dialogue->id, static_cast<int>(*number));
      if (!round) return Fail(round.error());
      if (!*round) return Fail(NotFound("round", ref));
      return EntityRef{*kind, (*round)->id.value};
    }
    case EntityKind::kNorm: {
      auto norms = store::NormRepository(database).List();
      if (!norms) return Fail(norms.error());
      for (const Norm& norm : *norms) {
        if (norm.code == ref || (id && norm.id.value == *id)) {
          return EntityRef{*kind, norm.id.value};
        }
      }
      return Fail(NotFound("norm", ref));
    }
    case EntityKind::kFollowUp: {
      if (!id) return Fail(ErrorCode::kUsage, "A follow-up is named by its id.");
      auto follow_up = store::FollowUpRepository(database).Get(FollowUpId(*id));
      if (!follow_up) return Fail(follow_up.error());
      return EntityRef{*kind, *id};
    }
  }
  return Fail(ErrorCode::kInternal, "Unhandled entity kind.");
}

std::string DescribeEntity(store::Database& database, const EntityRef& ref) {
  const std::string fallback = std::string(ToString(ref.kind)) + " #" + std::to_string(ref.id);
  switch (ref.kind) {
    case EntityKind::kActor: {
      auto actor = store::ActorRepository(database).Get(ActorId(ref.id));
      return actor ? "actor " + actor->canonical_name : fallback;
    }
    case EntityKind::kDocument: {
      auto document = store::DocumentRepository(database).Get(DocumentId(ref.id));
      return document ? "document " + Quoted(document->title) : fallback;
    }
    case EntityKind::kDialogue: {
      auto dialogue = store::DialogueRepository(database).Get(DialogueId(ref.id));
      return dialogue ? "dialogue " + dialogue->name : fallback;
    }
    case EntityKind::kNorm: {
      auto norms = store::NormRepository(database).List();
      if (norms) {
        for (const Norm& norm : *norms) {
          if (norm.id.value == ref.id) return "norm " + norm.code;
        }
      }
      return fallback;
    }
    default:
      return fallback;
  }
}

}  // namespace nt::app
