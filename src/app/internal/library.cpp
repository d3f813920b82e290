#include "app/internal/library.h"

#include <algorithm>
#include <map>

#include "app/internal/dialogue_reference.h"
#include "store/actor_repository.h"
#include "store/dialogue_repository.h"
#include "store/link_repository.h"
#include "store/norm_repository.h"

namespace nt::app {

Result<std::unique_ptr<Library>> Library::Open(const Home& home, const LibraryOptions& options) {
  store::OpenOptions open;
  open.create_if_missing = options.mode == OpenMode::kCreateIfMissing;
  open.busy_timeout_ms = options.busy_timeout_ms;
  open.read_only = options.read_only;
  if (options.read_only) open.create_if_missing = false;
  auto database = store::Database::Open(home.database, open);
  if (!database && database.error().code == ErrorCode::kReadOnly) {
    // A read-only file (a colleague's copy, a CD) can still be browsed and searched.
    open.read_only = true;
    open.create_if_missing = false;
    database = store::Database::Open(home.database, open);
  }
  if (!database) return Fail(database.error());
  return std::unique_ptr<Library>(new Library(home, std::move(*database)));
}

Result<std::vector<DocumentSummary>> Library::ListDocuments(const DocumentListQuery& query) {
  return store::DocumentRepository(*database_).List(query);
}

Result<int> Library::DocumentCount() { return store::DocumentRepository(*database_).Count(); }

Result<Document> Library::FindDocument(std::string_view reference) {
  return store::DocumentRepository(*database_).Resolve(reference);
}

Result<DocumentView> Library::ShowDocument(std::string_view reference) {
  store::DocumentRepository documents(*database_);
  auto document = documents.Resolve(reference);
  if (!document) return Fail(document.error());
  auto paragraphs = documents.Paragraphs(document->id);
  if (!paragraphs) return Fail(paragraphs.error());
  DocumentView view{std::move(*document), std::move(*paragraphs), {}, {}};
  store::DialogueRepository dialogues(*database_);
  if (view.document.dialogue_id) {
    auto dialogue = dialogues.Get(view.document.dialogue_id);
    if (!dialogue) return Fail(dialogue.error());
    view.dialogue = std::move(*dialogue);
  }
  if (view.document.round_id) {
    auto round = dialogues.GetRound(view.document.round_id);
    if (!round) return Fail(round.error());
    view.round = std::move(*round);
  }
  return view;
}

Result<LibraryStatistics> Library::Statistics() { return store::ReadStatistics(*database_); }

Result<std::vector<CommitmentView>> Library::ListCommitments(const CommitmentFilter& filter) {
  CommitmentQuery query;
  query.type = filter.type;
  if (!filter.document.empty()) {
    auto document = FindDocument(filter.document);
    if (!document) return Fail(document.error());
    query.document = document->id;
  }
  store::ActorRepository actors(*database_);
  if (!filter.actor.empty()) {
    auto actor = actors.FindByName(filter.actor);
    if (!actor) return Fail(actor.error());
    if (!*actor) {
      return Fail(ErrorCode::kNotFound, "No actor is called " + Quoted(filter.actor) +
                                            " in this library.");
    }
    query.actor = (*actor)->id;
  }
  if (filter.round && filter.dialogue.empty()) {
    return Fail(ErrorCode::kUsage, "A round is a round of a dialogue: name the dialogue too.");
  }
  if (!filter.dialogue.empty()) {
    store::DialogueRepository dialogues(*database_);
    auto dialogue = ResolveDialogue(*database_, filter.dialogue);
    if (!dialogue) return Fail(dialogue.error());
    query.dialogue = dialogue->id;
    if (filter.round) {
      auto round = dialogues.FindRound(dialogue->id, *filter.round);
      if (!round) return Fail(round.error());
      if (!*round) {
        return Fail(ErrorCode::kNotFound, "The " + dialogue->name + " has no round " +
                                              std::to_string(*filter.round) + " in this library.");
      }
      query.round = (*round)->id;
    }
  }
  auto rows = store::CommitmentRepository(*database_).Find(query);
  if (!rows) return Fail(rows.error());

  auto all_actors = actors.List();
  if (!all_actors) return Fail(all_actors.error());
  std::map<ActorId, std::string> names;
  for (const Actor& actor : *all_actors) names.emplace(actor.id, actor.canonical_name);
  auto norms = store::NormRepository(*database_).List();
  if (!norms) return Fail(norms.error());
  std::map<std::int64_t, std::string> codes;
  for (const Norm& norm : *norms) codes.emplace(norm.id.value, norm.code);

  store::LinkRepository links(*database_);
  std::vector<CommitmentView> views;
  views.reserve(rows->size());
  for (CommitmentRow& row : *rows) {
    CommitmentView view{std::move(row), {}, {}};
    for (const CommitmentActor& actor : view.row.commitment.actors) {
      view.actors.push_back({actor.actor_id, names[actor.actor_id], actor.role});
    }
    auto from = links.From({EntityKind::kCommitment, view.row.commitment.id.value});
    if (!from) return Fail(from.error());
    for (const Link& link : *from) {
      if (link.target.kind == EntityKind::kNorm) view.norm_codes.push_back(codes[link.target.id]);
    }
    views.push_back(std::move(view));
  }
  return views;
}

Result<std::vector<DialogueView>> Library::ListDialogues() {
  store::DialogueRepository dialogues(*database_);
  store::DocumentRepository documents(*database_);
  auto list = dialogues.List();
  if (!list) return Fail(list.error());
  std::vector<DialogueView> views;
  for (Dialogue& dialogue : *list) {
    DialogueView view{std::move(dialogue), {}, {}};
    auto rounds = dialogues.Rounds(view.dialogue.id);
    if (!rounds) return Fail(rounds.error());
    auto docs = documents.InDialogue(view.dialogue.id);
    if (!docs) return Fail(docs.error());
    for (Round& round : *rounds) view.rounds.push_back({std::move(round), {}});
    for (Document& document : *docs) {
      auto round = std::find_if(view.rounds.begin(), view.rounds.end(), [&](const RoundView& r) {
        return r.round.id == document.round_id;
      });
      if (document.round_id && round != view.rounds.end()) {
        round->documents.push_back(std::move(document));
      } else {
        view.unnumbered_documents.push_back(std::move(document));
      }
    }
    views.push_back(std::move(view));
  }
  return views;
}

}  // namespace nt::app
