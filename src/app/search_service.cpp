#include "app/search_service.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "core/clock.h"
#include "core/fault.h"
#include "core/text.h"
#include "extract/tokenizer.h"
#include "search/index_builder.h"
#include "search/indexer.h"
#include "store/actor_repository.h"
#include "store/commitment_repository.h"
#include "store/dialogue_repository.h"
#include "store/document_repository.h"
#include "store/follow_up_repository.h"
#include "store/index_outbox_repository.h"
#include "store/link_repository.h"
#include "store/norm_repository.h"
#include "store/saved_search_match_repository.h"
#include "store/saved_search_repository.h"

namespace nt::app {
namespace {

// A running rebuild writes to one of its shards every few seconds and merges them as soon as the
// last is written (86 s in all for a million paragraphs), so folders quiet for an hour belong to
// no running rebuild.
constexpr std::chrono::seconds kLeftoverQuietFor = std::chrono::hours(1);

// Documents per Xapian commit during a long repair: big enough to amortise the commit, small
// enough that an interrupted repair keeps most of its work.
constexpr int kDocumentsPerCommit = 200;
// When at least this many documents are queued and they are at least half of the library (a
// first large import), the whole index is rebuilt on every core instead: the parallel build
// indexes about twice as fast as the one writer (performance.md), which more than pays for
// re-indexing the rest.
constexpr std::size_t kRebuildFromQueued = 200;
// How many matches a watch remembers per run.
constexpr int kWatchMatchLimit = 1000;

void AddUnique(std::vector<std::string>& values, const std::string& value) {
  if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
    values.push_back(value);
  }
}

}  // namespace

SearchService::SearchService(Library& library, const ReferenceData* reference)
    : library_(library), reference_(reference), index_path_(library.home().index) {}

SearchService::~SearchService() = default;

void SearchService::UseIndex(const std::filesystem::path& index_path) {
  index_path_ = index_path;
  searcher_.reset();
}

std::string SearchService::ItemKey(const SearchHit& hit) {
  return std::string(search::ToString(hit.kind)) + ":" + std::to_string(hit.item_id);
}

Result<search::IndexDocument> SearchService::Assemble(DocumentId id) {
  store::Database& db = library_.database();
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
    if (reference_) {
      const auto tokens = extract::Tokenize(p.text);
      for (const auto& match : reference_->gazetteer.MatchAll(p.text, tokens)) {
        for (int index = match.actor_index, depth = 0; index >= 0 && depth < 4; ++depth) {
          const auto& actor = reference_->gazetteer.actor(index);
          AddUnique(paragraph.actors, actor.canonical_name);
          index = actor.parent_index;
        }
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

Result<IndexSyncReport> SearchService::Sync() {
  synced_ = true;
  IndexSyncReport report;
  if (library_.read_only()) return report;
  // A rebuild killed as it swapped the new index in left it complete beside the folder.
  auto swapped = search::CompleteInterruptedSwap(library_.home().index);
  if (!swapped) return Fail(swapped.error());
  std::error_code ec;
  if (std::filesystem::exists(library_.home().index, ec)) {
    // An index written by an older NormTrack lacks terms queries now rely on: rebuild it. (An
    // index that cannot be read is left to the indexer below, which reports it.)
    auto current = search::Indexer::FormatCurrentAt(library_.home().index);
    if (current && !*current) return Rebuild();
  }
  store::IndexOutboxRepository outbox(library_.database());
  auto pending = outbox.Pending();
  if (!pending) return Fail(pending.error());
  if (pending->empty()) return report;
  if (pending->size() >= kRebuildFromQueued && std::thread::hardware_concurrency() > 1) {
    auto stored = store::DocumentRepository(library_.database()).Count();
    if (!stored) return Fail(stored.error());
    if (pending->size() * 2 >= static_cast<std::size_t>(*stored)) return Rebuild();
  }
  searcher_.reset();
  auto indexer = search::Indexer::Open(library_.home().index, search::IndexOpenMode::kOpenOrCreate);
  if (!indexer) return Fail(indexer.error());
  store::DocumentRepository documents(library_.database());

  for (std::size_t begin = 0; begin < pending->size(); begin += kDocumentsPerCommit) {
    const std::size_t end = std::min(pending->size(), begin + kDocumentsPerCommit);
    for (std::size_t i = begin; i < end; ++i) {
      const store::OutboxEntry& entry = (*pending)[i];
      auto exists = documents.Get(entry.document_id);
      if (entry.action == store::OutboxAction::kDelete || !exists) {
        NT_TRY((*indexer)->Remove(entry.document_id.value));
        ++report.removed;
        continue;
      }
      auto assembled = Assemble(entry.document_id);
      if (!assembled) return Fail(assembled.error());
      NT_TRY((*indexer)->Replace(*assembled));
      ++report.indexed;
    }
    // Between the store's commit and the index's: where a crash leaves outbox rows behind.
    if (auto injected = fault::Check("search.before_index_commit"); !injected) {
      (*indexer)->Abandon();
      return Fail(injected.error());
    }
    NT_TRY((*indexer)->Commit());
    NT_TRY(fault::Check("search.before_outbox_clear"));
    NT_TRY(outbox.Clear(std::span(*pending).subspan(begin, end - begin)));
  }
  return report;
}

Result<IndexSyncReport> SearchService::Rebuild(const ProgressCallback& progress,
                                               std::optional<search::IndexLayout> layout) {
  if (library_.read_only()) {
    return Fail(ErrorCode::kReadOnly,
                "The library is read-only, so its search index cannot be rebuilt.");
  }
  searcher_.reset();
  IndexSyncReport report;
  // What the outbox queues now is in the store as listed below, so the new index covers it; its
  // rows are cleared once that index is in place. A rebuild that fails or is killed leaves them
  // for the next Sync (invariant 7), and a change made meanwhile queues a newer row that stays.
  store::IndexOutboxRepository outbox(library_.database());
  auto pending = outbox.Pending();
  if (!pending) return Fail(pending.error());
  store::DocumentRepository documents(library_.database());
  auto list = documents.List();
  if (!list) return Fail(list.error());
  {
    // Holding the writer's lock while the new index is built keeps another writer from
    // updating the index that is about to be replaced.
    // (A damaged index cannot be opened, and is simply replaced.)
    auto lock = search::Indexer::Open(library_.home().index, search::IndexOpenMode::kOpenOrCreate);
    if (!lock && lock.error().code == ErrorCode::kLocked) return Fail(lock.error());
    // Assembling reads the store on this thread; the workers index on the others (the 2 cores
    // of a small machine both work: the index is built at about twice the rate of one thread).
    const int workers = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
    // An index that cannot be opened is replaced in the default layout.
    if (!layout) layout = lock ? (*lock)->Layout() : search::IndexLayout::kLocal;
    auto builder = search::IndexBuilder::Start(library_.home().index, workers, *layout);
    if (!builder) return Fail(builder.error());
    for (std::size_t i = 0; i < list->size(); ++i) {
      const Document& document = (*list)[i].document;
      if (progress) progress(ProgressUpdate{i, list->size(), document.title});
      auto assembled = Assemble(document.id);
      if (!assembled) return Fail(assembled.error());
      NT_TRY((*builder)->Add(std::move(*assembled)));
      ++report.indexed;
    }
    if (lock) lock->reset();
    NT_TRY(fault::Check("search.before_rebuild_finish"));
    NT_TRY((*builder)->Finish());
  }
  NT_TRY(outbox.Clear(*pending));
  if (progress) progress(ProgressUpdate{list->size(), list->size(), ""});
  synced_ = true;
  return report;
}

Result<IndexCheckReport> SearchService::Check() {
  IndexCheckReport report;
  store::DocumentRepository documents(library_.database());
  auto list = documents.List();
  if (!list) return Fail(list.error());
  report.store_documents = static_cast<int>(list->size());
  auto pending = store::IndexOutboxRepository(library_.database()).Count();
  if (!pending) return Fail(pending.error());
  report.pending = *pending;
  report.leftovers = search::FindRebuildLeftovers(library_.home().index, kLeftoverQuietFor);
  std::error_code ec;
  if (!std::filesystem::exists(library_.home().index, ec)) {
    if (report.store_documents > 0) {
      report.drift.push_back("There is no search index; 'normtrack index --rebuild' creates it.");
    }
    return report;
  }
  // Read-only: a check runs beside another program that holds the writer's lock.
  auto contents = search::Indexer::ReadAt(library_.home().index);
  if (!contents) return Fail(contents.error());
  const auto& states = contents->documents;
  report.index_items = contents->items;
  report.layout = contents->layout;
  report.index_documents = static_cast<int>(states.size());
  if (!contents->format_current) {
    report.drift.push_back(
        "The search index was written by an older NormTrack; 'normtrack index --rebuild' (or "
        "the next search) rebuilds it.");
  }
  if (contents->words_without_forms > 0) {
    std::string examples;
    for (const std::string& word : contents->words_without_forms_examples) {
      examples += (examples.empty() ? "" : ", ") + Quoted(word);
    }
    const bool one = contents->words_without_forms == 1;
    report.drift.push_back(
        std::to_string(contents->words_without_forms) +
        (one ? " word in the search index has" : " words in the search index have") +
        " no word-form entry, so a plain search misses " + (one ? "it" : "them") + " (" + examples +
        "); 'normtrack index --rebuild' restores " + (one ? "it." : "them."));
  }
  std::set<std::int64_t> seen;
  for (const DocumentSummary& summary : *list) {
    const Document& d = summary.document;
    const std::string name = "Document #" + std::to_string(d.id.value) + " " + Quoted(d.title);
    seen.insert(d.id.value);
    auto state = states.find(d.id.value);
    if (state == states.end()) {
      report.drift.push_back(name + " is in the database but not in the search index.");
      continue;
    }
    auto expected = Assemble(d.id);
    if (!expected) return Fail(expected.error());
    if (state->second.content_hash != expected->content_hash) {
      report.drift.push_back(name + " has changed since it was indexed (content hash differs).");
    }
    const int want = static_cast<int>(expected->items.size());
    if (state->second.actual_items != want) {
      report.drift.push_back(name + " has " + std::to_string(state->second.actual_items) +
                             " items in the index, not " + std::to_string(want) + ".");
    }
  }
  for (const auto& [id, state] : states) {
    if (!seen.contains(id)) {
      report.drift.push_back("The search index still holds document #" + std::to_string(id) +
                             ", which is no longer in the database.");
    }
  }
  return report;
}

search::TextSource SearchService::StoreText() {
  return [this](search::ItemKind kind, std::int64_t id) -> std::string {
    if (kind == search::ItemKind::kCommitment) {
      auto commitment = store::CommitmentRepository(library_.database()).Get(CommitmentId{id});
      return commitment ? commitment->text : std::string();
    }
    auto paragraph = store::DocumentRepository(library_.database()).GetParagraph(ParagraphId{id});
    return paragraph ? paragraph->text : std::string();
  };
}

Status SearchService::RemoveLeftovers(const search::RebuildLeftovers& leftovers) {
  // Found again: only what has stayed quiet since is removed.
  search::RebuildLeftovers still =
      search::FindRebuildLeftovers(library_.home().index, kLeftoverQuietFor);
  std::erase_if(still.folders, [&](const std::filesystem::path& folder) {
    return std::find(leftovers.folders.begin(), leftovers.folders.end(), folder) ==
           leftovers.folders.end();
  });
  return search::RemoveRebuildLeftovers(still);
}

Result<std::vector<search::ActorNames>> SearchService::ActorSynonyms() {
  std::map<std::string, search::ActorNames> by_name;
  if (reference_) {
    for (const auto& actor : reference_->gazetteer.actors()) {
      auto& names = by_name[actor.canonical_name];
      names.canonical = actor.canonical_name;
      for (const ActorAlias& alias : actor.aliases) {
        (alias.is_acronym ? names.acronyms : names.names).push_back(alias.text);
      }
    }
  }
  auto stored = store::ActorRepository(library_.database()).List();
  if (!stored) return Fail(stored.error());
  for (const Actor& actor : *stored) {
    auto& names = by_name[actor.canonical_name];
    names.canonical = actor.canonical_name;
    for (const ActorAlias& alias : actor.aliases) {
      (alias.is_acronym ? names.acronyms : names.names).push_back(alias.text);
    }
  }
  std::vector<search::ActorNames> out;
  for (auto& [name, names] : by_name) out.push_back(std::move(names));
  return out;
}

Result<search::Searcher*> SearchService::OpenSearcher() {
  if (!synced_ && index_path_ == library_.home().index) {
    // Repair on open (invariant 7): what an interrupted import left queued is indexed now.
    auto synced = Sync();
    if (!synced) return Fail(synced.error());
  }
  std::error_code ec;
  if (!searcher_ && index_path_ == library_.home().index && !library_.read_only() &&
      !std::filesystem::exists(index_path_, ec)) {
    // A library with nothing indexed yet searches an empty index rather than failing.
    auto created = search::Indexer::Open(index_path_, search::IndexOpenMode::kOpenOrCreate);
    if (!created) return Fail(created.error());
  }
  if (!searcher_) {
    auto synonyms = ActorSynonyms();
    if (!synonyms) return Fail(synonyms.error());
    auto opened = search::Searcher::Open(
        index_path_, std::move(*synonyms),
        index_path_ == library_.home().index ? StoreText() : search::TextSource{});
    if (!opened) return Fail(opened.error());
    searcher_ = std::move(*opened);
  } else {
    NT_TRY(searcher_->Reopen());
  }
  return searcher_.get();
}

Result<SearchResults> SearchService::Search(const SearchRequest& request) {
  auto searcher = OpenSearcher();
  if (!searcher) return Fail(searcher.error());
  return (*searcher)->Search(request);
}

Result<SearchResults> SearchService::MoreLikeThis(ParagraphId paragraph, int limit) {
  auto searcher = OpenSearcher();
  if (!searcher) return Fail(searcher.error());
  return (*searcher)->MoreLikeThis(paragraph.value, limit);
}

Result<std::vector<search::Precedent>> SearchService::Precedents(
    std::string_view wording, const search::PrecedentOptions& options) {
  auto searcher = OpenSearcher();
  if (!searcher) return Fail(searcher.error());
  return search::FindPrecedents(**searcher, wording, options);
}

Result<std::vector<SearchHit>> SearchService::AllMatches(const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = kWatchMatchLimit;
  request.snippet_length = 160;
  auto results = Search(request);
  if (!results) return Fail(results.error());
  return std::move(results->hits);
}

Result<SavedSearch> SearchService::Save(std::string_view name, std::string_view query, bool watch) {
  if (TrimView(name).empty()) {
    return Fail(ErrorCode::kUsage, "A saved search needs a name.");
  }
  auto matches = AllMatches(std::string(query));  // also rejects a malformed query
  if (!matches) return Fail(matches.error());
  SavedSearch saved;
  saved.name = Trim(name);
  saved.query = std::string(query);
  saved.is_watch = watch;
  store::SavedSearchRepository searches(library_.database());
  store::SavedSearchMatchRepository seen(library_.database());
  NT_TRY(library_.database().InTransaction([&]() -> Status {
    NT_TRY(searches.Save(saved));
    NT_TRY(seen.Forget(saved.id));
    if (watch) {
      std::vector<std::string> keys;
      for (const SearchHit& hit : *matches) keys.push_back(ItemKey(hit));
      auto recorded = seen.Record(saved.id, keys, /*reported=*/true);
      if (!recorded) return Fail(recorded.error());
    }
    return searches.MarkRun(saved.id, UtcTimestampNow());
  }));
  return saved;
}

Result<std::vector<WatchReport>> SearchService::RunWatches() {
  store::SavedSearchRepository searches(library_.database());
  store::SavedSearchMatchRepository seen(library_.database());
  auto list = searches.List();
  if (!list) return Fail(list.error());
  std::vector<WatchReport> reports;
  for (const SavedSearch& saved : *list) {
    if (!saved.is_watch) continue;
    auto matches = AllMatches(saved.query);
    if (!matches) return Fail(matches.error().WithContext("Watch " + Quoted(saved.name)));
    std::vector<std::string> keys;
    for (const SearchHit& hit : *matches) keys.push_back(ItemKey(hit));
    auto fresh = seen.Record(saved.id, keys, /*reported=*/false);
    if (!fresh) return Fail(fresh.error());
    NT_TRY(searches.MarkRun(saved.id, UtcTimestampNow()));
    WatchReport report{saved, static_cast<int>(fresh->size()), {}};
    std::set<std::string> wanted(fresh->begin(), fresh->end());
    for (const SearchHit& hit : *matches) {
      if (wanted.contains(ItemKey(hit))) report.hits.push_back(hit);
    }
    reports.push_back(std::move(report));
  }
  return reports;
}

Result<std::vector<WatchReport>> SearchService::ReportWatches() {
  auto reports = RunWatches();
  if (!reports) return Fail(reports.error());
  store::SavedSearchMatchRepository seen(library_.database());
  for (WatchReport& report : *reports) {
    auto unreported = seen.Unreported(report.search.id);
    if (!unreported) return Fail(unreported.error());
    report.new_matches = static_cast<int>(unreported->size());
    std::set<std::string> wanted(unreported->begin(), unreported->end());
    auto matches = AllMatches(report.search.query);
    if (!matches) return Fail(matches.error());
    report.hits.clear();
    for (const SearchHit& hit : *matches) {
      if (wanted.contains(ItemKey(hit))) report.hits.push_back(hit);
    }
    NT_TRY(seen.MarkReported(report.search.id));
  }
  return reports;
}

}  // namespace nt::app
