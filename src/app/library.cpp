#include "app/library.h"

#include "store/dialogue_repository.h"

namespace nt::app {

Result<std::unique_ptr<Library>> Library::Open(const Home& home, const LibraryOptions& options) {
  store::OpenOptions open;
  open.create_if_missing = options.mode == OpenMode::kCreateIfMissing;
  open.busy_timeout_ms = options.busy_timeout_ms;
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

Result<StoreStatistics> Library::Statistics() { return store::ReadStatistics(*database_); }

}  // namespace nt::app
