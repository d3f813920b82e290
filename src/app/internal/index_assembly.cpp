#include "app/internal/index_assembly.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "extract/tokenizer.h"
#include "store/actor_repository.h"
#include "store/commitment_repository.h"
#include "store/dialogue_repository.h"
#include "store/document_repository.h"
#include "store/follow_up_repository.h"
#include "store/link_repository.h"
#include "store/norm_repository.h"

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

  store::ActorRepository actors(db);
  std::map<ActorId, std::pair<std::string, ActorId>> actor_names;  // id -> (name, parent)
  auto actor_name = [&](ActorId actor_id) -> Result<std::pair<std::string, ActorId>> {
    if (auto it = actor_names.find(actor_id); it != actor_names.end()) return it->second;
    auto actor = actors.Get(actor_id);
    if (!actor) return Fail(actor.error());
    return actor_names[actor_id] = {actor->canonical_name, actor->parent_id};
  };
  auto add_actor = [&](std::vector<std::string>& names, ActorId actor_id) -> Status {
    // The actor and its parents: actor:Japan also finds what METI committed to.
    for (int depth = 0; actor_id && depth < 4; ++depth) {
      auto named = actor_name(actor_id);
      if (!named) return Fail(named.error());
      AddUnique(names, named->first);
      actor_id = named->second;
    }
    return {};
  };
  auto norms = store::NormRepository(db).List();
  if (!norms) return Fail(norms.error());
  std::map<std::int64_t, std::string> norm_codes;
  for (const Norm& norm : *norms) norm_codes.emplace(norm.id.value, norm.code);

  store::CommitmentRepository commitments(db);
  store::LinkRepository links(db);
  store::FollowUpRepository follow_ups(db);
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
    const auto tokens = extract::Tokenize(p.text);
    for (const auto& match : reference_.gazetteer.MatchAll(p.text, tokens)) {
      for (int index = match.actor_index, depth = 0; index >= 0 && depth < 4; ++depth) {
        const auto& actor = reference_.gazetteer.actor(index);
        AddUnique(paragraph.actors, actor.canonical_name);
        index = actor.parent_index;
      }
    }
    auto found = commitments.ForParagraph(p.id);
    if (!found) return Fail(found.error());
    std::vector<search::IndexItem> commitment_items;
    for (const Commitment& c : *found) {
      search::IndexItem item;
      item.kind = search::ItemKind::kCommitment;
      item.id = c.id.value;
      item.paragraph_id = p.id.value;
      item.label = p.label;
      item.text = c.text;
      item.language = p.language;
      for (const CommitmentActor& actor : c.actors) NT_TRY(add_actor(item.actors, actor.actor_id));
      AddUnique(item.commitment_types, std::string(ToString(c.type)));
      auto from = links.From({EntityKind::kCommitment, c.id.value});
      if (!from) return Fail(from.error());
      for (const Link& link : *from) {
        if (link.target.kind == EntityKind::kNorm)
          AddUnique(item.norms, norm_codes[link.target.id]);
      }
      auto followed = follow_ups.ForCommitment(c.id);
      if (!followed) return Fail(followed.error());
      for (const FollowUp& f : *followed) AddUnique(item.statuses, std::string(ToString(f.status)));
      // The paragraph carries what its commitments carry, so fields filter paragraphs too.
      for (const auto& a : item.actors) AddUnique(paragraph.actors, a);
      for (const auto& t : item.commitment_types) AddUnique(paragraph.commitment_types, t);
      for (const auto& n : item.norms) AddUnique(paragraph.norms, n);
      for (const auto& s : item.statuses) AddUnique(paragraph.statuses, s);
      commitment_items.push_back(std::move(item));
    }
    out.items.push_back(std::move(paragraph));
    for (auto& item : commitment_items) out.items.push_back(std::move(item));
  }
  out.content_hash = search::ContentHash(out);
  return out;
}

}  // namespace nt::app
