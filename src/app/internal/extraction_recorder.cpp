#include "app/internal/extraction_recorder.h"

#include <algorithm>
#include <map>

#include "extract/tokenizer.h"
#include "store/actor_mention_repository.h"
#include "store/actor_repository.h"
#include "store/commitment_repository.h"
#include "store/dialogue_repository.h"
#include "store/document_repository.h"
#include "store/link_repository.h"
#include "store/norm_repository.h"

namespace nt::app {
namespace {

// Gazetteer actors become store actors on first mention, parents first.
class ActorIds {
 public:
  ActorIds(store::Database& database, const extract::Gazetteer& gazetteer)
      : actors_(database), gazetteer_(gazetteer) {}

  Result<ActorId> For(int index) {
    if (auto it = ids_.find(index); it != ids_.end()) return it->second;
    const extract::GazetteerActor& source = gazetteer_.actor(index);
    Actor actor{ActorId(), source.canonical_name, source.kind, ActorId(), source.aliases};
    if (source.parent_index >= 0) {
      auto parent = For(source.parent_index);
      if (!parent) return parent;
      actor.parent_id = *parent;
    }
    auto id = actors_.Upsert(actor);
    if (!id) return id;
    ids_.emplace(index, *id);
    return *id;
  }

  int count() const { return static_cast<int>(ids_.size()); }

 private:
  store::ActorRepository actors_;
  const extract::Gazetteer& gazetteer_;
  std::map<int, ActorId> ids_;
};

double NormConfidence(const extract::DocumentExtraction& extraction, int paragraph_index,
                      const std::string& code) {
  double best = 0.5;
  for (const auto& reference : extraction.norm_references) {
    if (reference.paragraph_index == paragraph_index && reference.code == code) {
      best = std::max(best, reference.confidence);
    }
  }
  return best;
}

Status RecordDialogue(store::Database& database, const extract::DocumentExtraction& extraction,
                      Document& document) {
  store::DialogueRepository dialogues(database);
  auto upsert_round = [&](DialogueId dialogue, const extract::DialogueMention& mention,
                          bool numbered_only) -> Result<RoundId> {
    if (numbered_only && !mention.round) return RoundId();
    return dialogues.UpsertRound(Round{RoundId(), dialogue, mention.round, mention.start_date,
                                       mention.end_date, mention.place});
  };
  if (extraction.dialogue) {
    const auto& mention = *extraction.dialogue;
    auto dialogue = dialogues.Upsert({DialogueId(), mention.name, mention.key});
    if (!dialogue) return Fail(dialogue.error());
    // A document belongs to a dialogue only when it reports on one of its meetings; a dialogue
    // it merely mentions is recorded as known, without the document. An unnumbered meeting
    // (intersessional) attaches the document to the dialogue without inventing a number.
    if (mention.is_document_round) {
      document.dialogue_id = *dialogue;
      auto round = upsert_round(*dialogue, mention, /*numbered_only=*/false);
      if (!round) return Fail(round.error());
      document.round_id = *round;
    }
  }
  for (const auto& mention : extraction.other_rounds) {
    auto dialogue = dialogues.Upsert({DialogueId(), mention.name, mention.key});
    if (!dialogue) return Fail(dialogue.error());
    auto round = upsert_round(*dialogue, mention, /*numbered_only=*/true);
    if (!round) return Fail(round.error());
  }
  return store::DocumentRepository(database).Update(document);
}

// Which paragraph names which actor, as store ids. Every paragraph is recorded again, kept ones
// too: a document first stored before mentions were recorded has none for them.
Status RecordMentions(store::Database& database, ActorIds& actor_ids,
                      const std::vector<std::vector<int>>& mentions,
                      const std::vector<Paragraph>& paragraphs, DocumentId document) {
  if (mentions.size() != paragraphs.size()) {
    return Fail(ErrorCode::kInternal, "The actor mentions do not match the document's paragraphs.");
  }
  std::vector<store::ParagraphMentions> recorded;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    if (mentions[p].empty()) continue;
    store::ParagraphMentions paragraph{paragraphs[p].id, {}};
    for (int index : mentions[p]) {
      auto id = actor_ids.For(index);
      if (!id) return Fail(id.error());
      if (std::find(paragraph.actors.begin(), paragraph.actors.end(), *id) ==
          paragraph.actors.end()) {
        paragraph.actors.push_back(*id);
      }
    }
    recorded.push_back(std::move(paragraph));
  }
  return store::ActorMentionRepository(database).Record(document, recorded);
}

}  // namespace

std::vector<std::vector<int>> FindParagraphMentions(const extract::Gazetteer& gazetteer,
                                                    const ImportedDocument& imported) {
  std::vector<std::vector<int>> out(imported.paragraphs.size());
  for (std::size_t p = 0; p < imported.paragraphs.size(); ++p) {
    const ImportedParagraph& paragraph = imported.paragraphs[p];
    if (paragraph.is_boilerplate) continue;
    for (const auto& match :
         gazetteer.MatchAll(paragraph.text, extract::Tokenize(paragraph.text))) {
      if (std::find(out[p].begin(), out[p].end(), match.actor_index) == out[p].end()) {
        out[p].push_back(match.actor_index);
      }
    }
  }
  return out;
}

Result<RecordedExtraction> RecordExtraction(store::Database& database,
                                            const ReferenceData& reference,
                                            const ImportedDocument& imported,
                                            const extract::DocumentExtraction& extraction,
                                            const std::vector<std::vector<int>>& mentions,
                                            const std::vector<Paragraph>& paragraphs,
                                            const std::set<ParagraphId>& kept, Document& document) {
  RecordedExtraction recorded;
  ActorIds actor_ids(database, reference.gazetteer);
  for (int index : extraction.actors_mentioned) {
    if (auto id = actor_ids.For(index); !id) return Fail(id.error());
  }

  store::NormRepository norms(database);
  std::map<std::string, NormId> norm_ids;
  for (const extract::NormEntry& entry : reference.norms.entries()) {
    Norm norm = entry.ToNorm();
    // The report that sets out the norms (A/70/174) gives each its full text: the paragraph
    // labelled with the norm's code becomes the norm's description.
    if (!norm.source_symbol.empty() && norm.source_symbol == imported.symbol) {
      for (const ImportedParagraph& paragraph : imported.paragraphs) {
        if (!paragraph.is_boilerplate && extract::NormaliseNormCode(paragraph.label) == norm.code) {
          norm.description = paragraph.text;
        }
      }
    } else if (auto stored = norms.FindByCode(norm.code); stored && *stored) {
      norm.description = (*stored)->description;  // keep what the report gave earlier
    }
    auto id = norms.Upsert(norm);
    if (!id) return Fail(id.error());
    norm_ids.emplace(entry.code, *id);
  }

  NT_TRY(RecordDialogue(database, extraction, document));

  store::CommitmentRepository commitments(database);
  store::LinkRepository links(database);
  for (const extract::ExtractedCommitment& found : extraction.commitments) {
    if (found.paragraph_index < 0 ||
        found.paragraph_index >= static_cast<int>(paragraphs.size())) {
      return Fail(ErrorCode::kInternal, "Extraction pointed at a paragraph that does not exist.");
    }
    const Paragraph& paragraph = paragraphs[static_cast<std::size_t>(found.paragraph_index)];
    if (kept.contains(paragraph.id)) continue;
    Commitment commitment;
    commitment.paragraph_id = paragraph.id;
    commitment.span_begin = found.span_begin;
    commitment.span_end = found.span_end;
    commitment.text = found.text;
    commitment.cue = found.cue;
    commitment.type = found.type;
    commitment.strength = DefaultStrength(found.type);
    commitment.origin = Origin::kExtracted;
    for (const extract::ExtractedActorRef& ref : found.actors) {
      auto id = actor_ids.For(ref.actor_index);
      if (!id) return Fail(id.error());
      commitment.actors.push_back({*id, ref.role});
    }
    NT_TRY(commitments.Insert(commitment));
    ++recorded.commitments;
    for (const std::string& code : found.norm_codes) {
      auto norm = norm_ids.find(code);
      if (norm == norm_ids.end()) continue;
      Link link{LinkId(), {EntityKind::kCommitment, commitment.id.value},
                {EntityKind::kNorm, norm->second.value}, "relates_to_norm", Origin::kExtracted,
                NormConfidence(extraction, found.paragraph_index, code), "", ""};
      NT_TRY(links.Upsert(link));
    }
  }

  // Actors the source names explicitly (treaty parties, debate speakers) link to the document.
  store::ActorRepository actors(database);
  for (const ImportedActorMention& mention : imported.actors) {
    if (mention.name.empty()) continue;
    ActorId id;
    if (auto known = reference.gazetteer.Find(mention.name)) {
      auto found = actor_ids.For(*known);
      if (!found) return Fail(found.error());
      id = *found;
    } else {
      Actor actor{ActorId(), mention.name,
                  ParseActorKind(mention.kind).value_or(ActorKind::kOrganisation), ActorId(), {}};
      auto upserted = actors.Upsert(actor);
      if (!upserted) return Fail(upserted.error());
      id = *upserted;
    }
    Link link{LinkId(), {EntityKind::kDocument, document.id.value}, {EntityKind::kActor, id.value},
              mention.role.empty() ? "mentions" : mention.role, Origin::kExtracted, 1.0, "", ""};
    NT_TRY(links.Upsert(link));
  }
  // Last, so that an actor only the mentions name (one the extraction read as part of "the two
  // States") is stored after all the others and leaves their ids as they were.
  NT_TRY(RecordMentions(database, actor_ids, mentions, paragraphs, document.id));
  recorded.actors = actor_ids.count();
  return recorded;
}

}  // namespace nt::app
