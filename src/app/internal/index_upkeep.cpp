#include "app/internal/index_upkeep.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <span>
#include <thread>
#include <vector>

#include "core/fault.h"
#include "core/text.h"
#include "search/index_builder.h"
#include "search/indexer.h"
#include "store/document_repository.h"
#include "store/index_outbox_repository.h"
#include "store/settings_repository.h"

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

// Names the library in its settings; the index records it (search::kLibraryKey).
constexpr std::string_view kLibraryIdSetting = "library_id";

}  // namespace

Result<IndexState> IndexUpkeep::Inspect() {
  store::DocumentRepository documents(library_.database());
  auto stored = documents.Ids();
  if (!stored) return Fail(stored.error());
  auto pending = store::IndexOutboxRepository(library_.database()).Pending();
  if (!pending) return Fail(pending.error());
  std::error_code ec;
  const auto& folder = library_.home().index;
  // A rebuild cut short as it swapped the new index in is completed by Sync, not rebuilt.
  std::set<std::int64_t> queued;
  for (const store::OutboxEntry& entry : *pending) queued.insert(entry.document_id.value);
  if (!std::filesystem::exists(folder, ec)) {
    if (std::filesystem::exists(folder.string() + ".new", ec)) return IndexState::kPending;
    // A new library's first import: every document is queued, and Sync creates the index.
    const bool all_queued = std::all_of(stored->begin(), stored->end(),
                                        [&](DocumentId id) { return queued.contains(id.value); });
    if (all_queued) return pending->empty() ? IndexState::kCurrent : IndexState::kPending;
    return IndexState::kMissing;
  }
  auto summary = search::Indexer::SummaryAt(folder);
  // A folder Xapian cannot open (a first index killed before its first commit, junk): only a
  // rebuild, which replaces it whole, brings it back. (A writer busy creating it holds the lock,
  // and the rebuild then waits for the next upkeep.)
  if (!summary) return IndexState::kUnreadable;
  if (!summary->format_current) return IndexState::kOutdated;
  auto library_id = LibraryId();
  if (!library_id) return Fail(library_id.error());
  if (!summary->library_id.empty() && !library_id->empty() && summary->library_id != *library_id) {
    return IndexState::kForeign;
  }
  // A queued document is put right by Sync whichever side lacks it; any other difference
  // between the index's documents and the store's means the index is not this library's as it
  // is now.
  std::set<std::int64_t> in_store;
  for (DocumentId id : *stored) {
    if (!queued.contains(id.value)) in_store.insert(id.value);
  }
  std::set<std::int64_t> in_index;
  for (std::int64_t id : summary->document_ids) {
    if (!queued.contains(id)) in_index.insert(id);
  }
  if (in_store != in_index) return IndexState::kStale;
  return pending->empty() ? IndexState::kCurrent : IndexState::kPending;
}

Result<std::string> IndexUpkeep::LibraryId() {
  auto stored = store::SettingsRepository(library_.database()).Get(kLibraryIdSetting);
  if (!stored) return Fail(stored.error());
  return stored->value_or("");
}

Result<std::string> IndexUpkeep::EnsureLibraryId() {
  auto current = LibraryId();
  if (!current || !current->empty()) return current;
  // 128 random bits: two libraries never share one unless one is a copy of the other.
  std::random_device entropy;
  std::mt19937_64 generator((static_cast<std::uint64_t>(entropy()) << 32) ^ entropy());
  char id[33];
  std::snprintf(id, sizeof id, "%016llx%016llx",
                static_cast<unsigned long long>(generator()),
                static_cast<unsigned long long>(generator()));
  NT_TRY(store::SettingsRepository(library_.database()).Set(kLibraryIdSetting, id));
  return std::string(id);
}

Result<IndexSyncReport> IndexUpkeep::BringUpToDate(const ProgressCallback& progress) {
  if (library_.read_only()) return IndexSyncReport{};
  auto state = Inspect();
  if (!state) return Fail(state.error());
  if (NeedsRebuild(*state)) return Rebuild(progress);
  return Sync();
}

Result<IndexSyncReport> IndexUpkeep::Sync() {
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
  auto indexer = search::Indexer::Open(library_.home().index, search::IndexOpenMode::kOpenOrCreate);
  if (!indexer) return Fail(indexer.error());
  auto library_id = EnsureLibraryId();
  if (!library_id) return Fail(library_id.error());
  // Recorded with the first batch (an index written before ids were recorded gets one now).
  NT_TRY((*indexer)->RecordLibrary(*library_id));
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
      auto assembled = assembler_.Assemble(entry.document_id);
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

Result<IndexSyncReport> IndexUpkeep::Rebuild(const ProgressCallback& progress,
                                               std::optional<IndexLayout> layout) {
  if (library_.read_only()) {
    return Fail(ErrorCode::kReadOnly,
                "The library is read-only, so its search index cannot be rebuilt.");
  }
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
      auto assembled = assembler_.Assemble(document.id);
      if (!assembled) return Fail(assembled.error());
      NT_TRY((*builder)->Add(std::move(*assembled)));
      ++report.indexed;
    }
    if (lock) lock->reset();
    NT_TRY(fault::Check("search.before_rebuild_finish"));
    NT_TRY((*builder)->Finish());
  }
  {
    auto library_id = EnsureLibraryId();
    if (!library_id) return Fail(library_id.error());
    auto indexer =
        search::Indexer::Open(library_.home().index, search::IndexOpenMode::kOpenOrCreate);
    if (!indexer) return Fail(indexer.error());
    NT_TRY((*indexer)->RecordLibrary(*library_id));
    NT_TRY((*indexer)->Commit());
  }
  NT_TRY(outbox.Clear(*pending));
  if (progress) progress(ProgressUpdate{list->size(), list->size(), ""});
  report.rebuilt = true;
  return report;
}

Result<IndexCheckReport> IndexUpkeep::Check() {
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
        "opening the library for writing) rebuilds it.");
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
    auto expected = assembler_.Assemble(d.id);
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

Status IndexUpkeep::RemoveLeftovers(const RebuildLeftovers& leftovers) {
  // Found again: only what has stayed quiet since is removed.
  RebuildLeftovers still =
      search::FindRebuildLeftovers(library_.home().index, kLeftoverQuietFor);
  std::erase_if(still.folders, [&](const std::filesystem::path& folder) {
    return std::find(leftovers.folders.begin(), leftovers.folders.end(), folder) ==
           leftovers.folders.end();
  });
  return search::RemoveRebuildLeftovers(still);
}

}  // namespace nt::app
