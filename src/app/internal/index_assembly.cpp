#include "app/internal/index_assembly.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/tokenizer.h"
#include "store/actor_mention_repository.h"
#include "store/actor_repository.h"
#include "store/commitment_repository.h"
#include "store/dialogue_repository.h"
#include "store/document_repository.h"
#include "store/follow_up_repository.h"
#include "store/link_repository.h"

namespace nt::app {
namespace {

void AddUnique(std::vector<std::string>& values, const std::string& value) {
  if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
    values.push_back(value);
  }
}

}  // namespace

Result<search::IndexDocument> IndexAssembler::Assemble(DocumentId id) {
  store::Database& db = database_;
  store::DocumentRepository documents(db);
  auto document = documents.Get(id);
  if (!document) return Fail(document.error());
  search::IndexDocument out;
  out.document_id = id.value;
  out.title = document->title;
  out.symbol = document->symbol;
  out.kind = std::string(ToString(document->kind));
  out.date = document->date;
  out.language = document->language;
  store::DialogueRepository dialogues(db);
  if (document->dialogue_id) {
    auto dialogue = dialogues.Get(document->dialogue_id);
    if (!dialogue) return Fail(dialogue.error());
    out.dialogue = dialogue->name;
  }
  if (document->round_id) {
    auto round = dialogues.GetRound(document->round_id);
    if (!round) return Fail(round.error());
    out.round = round->number;
  }

  // The document's data in a fixed number of queries whatever its size, never one per
  // paragraph or per commitment (a rebuild assembles every document of the library): the
  // mentions, the commitments with their actors, their norm links, their follow-up statuses,
  // then the names and parents of every actor these involve.
  auto mentions = store::ActorMentionRepository(db).ForDocument(id);
  if (!mentions) return Fail(mentions.error());
  std::unordered_map<ParagraphId, std::vector<ActorId>> mentioned;
  if (*mentions) {
    for (auto& paragraph : **mentions) {
      mentioned.emplace(paragraph.paragraph, std::move(paragraph.actors));
    }
  }
  auto commitments = store::CommitmentRepository(db).ForDocument(id);
  if (!commitments) return Fail(commitments.error());
  std::unordered_map<ParagraphId, std::vector<const Commitment*>> commitments_of;
  for (const Commitment& c : *commitments) commitments_of[c.paragraph_id].push_back(&c);
  auto norm_links = store::LinkRepository(db).NormCodesForDocumentCommitments(id);
  if (!norm_links) return Fail(norm_links.error());
  std::unordered_map<CommitmentId, std::vector<std::string>> norms_of;
  for (auto& [commitment, code] : *norm_links) norms_of[commitment].push_back(std::move(code));
  auto statuses = store::FollowUpRepository(db).StatusesForDocument(id);
  if (!statuses) return Fail(statuses.error());
  std::unordered_map<CommitmentId, std::vector<FollowUpStatus>> statuses_of;
  for (auto [commitment, status] : *statuses) statuses_of[commitment].push_back(status);
  auto names = store::ActorRepository(db).NamesForDocument(id);
  if (!names) return Fail(names.error());
  std::unordered_map<ActorId, const store::ActorName*> actor_names;
  for (const store::ActorName& name : *names) actor_names.emplace(name.id, &name);

  auto add_actor = [&](std::vector<std::string>& to, ActorId actor_id) -> Status {
    // The actor and its parents: actor:Japan also finds what METI committed to.
    for (int depth = 0; actor_id && depth < 4; ++depth) {
      auto named = actor_names.find(actor_id);
      if (named == actor_names.end()) {
        return Fail(ErrorCode::kNotFound,
                    "There is no actor #" + std::to_string(actor_id.value) + ".");
      }
      AddUnique(to, named->second->canonical_name);
      actor_id = named->second->parent_id;
    }
    return {};
  };

  auto paragraphs = documents.Paragraphs(id);
  if (!paragraphs) return Fail(paragraphs.error());
  for (const Paragraph& p : *paragraphs) {
    if (p.is_boilerplate) continue;
    search::IndexItem paragraph;
    paragraph.kind = search::ItemKind::kParagraph;
    paragraph.id = p.id.value;
    paragraph.paragraph_id = p.id.value;
    paragraph.label = p.label;
    paragraph.text = p.text;
    paragraph.language = p.language;
    if (*mentions) {
      if (auto found = mentioned.find(p.id); found != mentioned.end()) {
        for (ActorId actor : found->second) NT_TRY(add_actor(paragraph.actors, actor));
      }
    } else {
      // A document stored before its mentions were recorded (schema 3), or imported without
      // the reference data. The migration cannot fill them (SQL cannot run the gazetteer) and
      // filling them here would make a read write (the check assembles on reader connections,
      // architecture invariant 1), so such a document is matched as before until it is
      // imported again; either way the index holds the same actors.
      const auto tokens = extract::Tokenize(p.text);
      for (const auto& match : reference_.gazetteer.MatchAll(p.text, tokens)) {
        for (int index = match.actor_index, depth = 0; index >= 0 && depth < 4; ++depth) {
          const auto& actor = reference_.gazetteer.actor(index);
          AddUnique(paragraph.actors, actor.canonical_name);
          index = actor.parent_index;
        }
      }
    }
    std::vector<search::IndexItem> commitment_items;
    for (const Commitment* c : commitments_of[p.id]) {
      search::IndexItem item;
      item.kind = search::ItemKind::kCommitment;
      item.id = c->id.value;
      item.paragraph_id = p.id.value;
      item.label = p.label;
      item.text = c->text;
      item.language = p.language;
      for (const CommitmentActor& actor : c->actors) NT_TRY(add_actor(item.actors, actor.actor_id));
      AddUnique(item.commitment_types, std::string(ToString(c->type)));
      for (const std::string& code : norms_of[c->id]) AddUnique(item.norms, code);
      for (FollowUpStatus status : statuses_of[c->id]) {
        AddUnique(item.statuses, std::string(ToString(status)));
      }
      // The paragraph carries what its commitments carry, so fields filter paragraphs too.
      for (const auto& a : item.actors) AddUnique(paragraph.actors, a);
      for (const auto& t : item.commitment_types) AddUnique(paragraph.commitment_types, t);
      for (const auto& n : item.norms) AddUnique(paragraph.norms, n);
      for (const auto& st : item.statuses) AddUnique(paragraph.statuses, st);
      commitment_items.push_back(std::move(item));
    }
    out.items.push_back(std::move(paragraph));
    for (auto& item : commitment_items) out.items.push_back(std::move(item));
  }
  out.content_hash = search::ContentHash(out);
  return out;
}

}  // namespace nt::app
