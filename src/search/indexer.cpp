#include "search/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <system_error>
#include <unordered_set>

#include "core/platform.h"
#include "search/fields.h"
#include "search/read_retry.h"
#include "search/term_builder.h"
#include "search/xapian_error.h"

namespace nt::search {

struct Indexer::Impl {
  std::filesystem::path folder;
  Xapian::WritableDatabase database;
  IndexLayout layout = IndexLayout::kLocal;
  std::optional<TermBuilder> builder;  // made once the layout is known
  bool in_batch = false;
  bool format_current = false;

  std::string Name() const { return "the search index " + Quoted(platform::PathToUtf8(folder)); }

  void EnsureBatch() {
    if (!in_batch) {
      database.begin_transaction(true);
      in_batch = true;
    }
  }
};

Indexer::Indexer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Indexer::~Indexer() {
  // An open batch is dropped, never committed by accident: what is not committed explicitly
  // stays queued in the store's outbox and is indexed again.
  Abandon();
}

namespace {

// An empty index takes the current layout; a filled one keeps the layout it was written in.
bool IsFormatCurrent(const Xapian::Database& database) {
  return database.get_doccount() == 0 || database.get_metadata(std::string(kFormatKey)) == kFormat;
}

IndexLayout LayoutOf(const Xapian::Database& database) {
  return database.get_metadata(std::string(kLayoutKey)) == ToString(IndexLayout::kShared)
             ? IndexLayout::kShared
             : IndexLayout::kLocal;
}

std::map<std::int64_t, IndexedDocumentState> ReadDocumentStates(const Xapian::Database& db) {
  std::map<std::int64_t, IndexedDocumentState> states;
  const std::string prefix(kDocumentStateKeyPrefix);
  for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
    const std::string value = db.get_metadata(*key);
    if (value.empty()) continue;
    std::int64_t id = 0;
    const std::string name = *key;
    std::from_chars(name.data() + prefix.size(), name.data() + name.size(), id);
    IndexedDocumentState state;
    auto tab = value.find('\t');
    state.content_hash = value.substr(0, tab);
    if (tab != std::string::npos) {
      std::from_chars(value.data() + tab + 1, value.data() + value.size(), state.recorded_items);
    }
    state.actual_items = static_cast<int>(db.get_termfreq(DocumentTerm(id)));
    states.emplace(id, std::move(state));
  }
  // Items of a document that has no record (a half-written index) count as drift too.
  for (auto term = db.allterms_begin(std::string(kDocumentPrefix));
       term != db.allterms_end(std::string(kDocumentPrefix)); ++term) {
    const std::string name = *term;
    std::int64_t id = 0;
    std::from_chars(name.data() + kDocumentPrefix.size(), name.data() + name.size(), id);
    if (!states.contains(id)) {
      states[id].actual_items = static_cast<int>(term.get_termfreq());
    }
  }
  return states;
}

// Finds the free-text words that lack their word-form entry (a batch that wrote its words but
// not their entries). Reads the vocabulary, not the postings: the id and field terms are skipped.
void FindWordsWithoutForms(const Xapian::Database& db, Indexer::Contents& contents) {
  constexpr std::size_t kExamples = 5;
  std::unordered_set<std::string> entries;  // key + '\0' + word
  const std::string forms(kWordFormPrefix);
  for (auto key = db.synonym_keys_begin(forms); key != db.synonym_keys_end(forms); ++key) {
    const std::string name = *key;
    for (auto word = db.synonyms_begin(name); word != db.synonyms_end(name); ++word) {
      entries.insert(name + '\0' + *word);
    }
  }
  const Xapian::Stem stemmer{std::string(kStemmerLanguage)};
  auto check = [&](const std::string& word) {
    auto key = WordFormKey(word, stemmer);
    if (!key || entries.contains(*key + '\0' + word)) return;
    if (contents.words_without_forms_examples.size() < kExamples) {
      contents.words_without_forms_examples.push_back(word);
    }
    ++contents.words_without_forms;
  };
  // Body words sort before and after the upper-case prefixes; each free-text field has its own.
  for (auto term = db.allterms_begin(); term != db.allterms_end();) {
    const std::string word = *term;
    if (word.front() >= 'A' && word.front() <= 'Z') {
      term.skip_to("[");  // '[' follows 'Z'
      continue;
    }
    check(word);
    ++term;
  }
  for (const FieldPrefix& field : kFields) {
    if (field.boolean) continue;
    const std::string prefix(field.prefix);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
      check(*term);
    }
  }
}

}  // namespace

Result<std::unique_ptr<Indexer>> Indexer::Open(const std::filesystem::path& folder,
                                               IndexOpenMode mode, IndexLayout layout) {
  auto impl = std::make_unique<Impl>();
  impl->folder = folder;
  std::error_code ec;
  if (folder.has_parent_path()) std::filesystem::create_directories(folder.parent_path(), ec);
  try {
    impl->database =
        Xapian::WritableDatabase(platform::PathToUtf8(folder), mode == IndexOpenMode::kOverwrite
                                                                   ? Xapian::DB_CREATE_OR_OVERWRITE
                                                                   : Xapian::DB_CREATE_OR_OPEN);
    impl->format_current = IsFormatCurrent(impl->database);
    // A recorded layout stays (even an empty index's: a shared one rebuilt from an empty
    // library); an index without one is new, or older than layouts, which means local.
    impl->layout = impl->database.get_doccount() > 0 ||
                           !impl->database.get_metadata(std::string(kLayoutKey)).empty()
                       ? LayoutOf(impl->database)
                       : layout;
    impl->builder.emplace(impl->layout);
  } catch (const Xapian::Error& error) {
    return Fail(XapianError(error, "Opening " + impl->Name()));
  }
  return std::unique_ptr<Indexer>(new Indexer(std::move(impl)));
}

Status Indexer::Replace(const IndexDocument& document) {
  try {
    impl_->EnsureBatch();
    Xapian::WritableDatabase& db = impl_->database;
    const std::string doc_term = DocumentTerm(document.document_id);
    std::set<std::string> stale;
    for (auto post = db.postlist_begin(doc_term); post != db.postlist_end(doc_term); ++post) {
      Xapian::Document existing = db.get_document(*post);
      auto term = existing.termlist_begin();
      term.skip_to("Q");
      if (term != existing.termlist_end() && (*term).starts_with("Q")) stale.insert(*term);
    }
    // A document the index has never seen (an import, a rebuild) is added outright: items
    // belong to one document, so none of its id terms can exist yet, and add_document spares
    // Xapian the id-term lookup that replace_document makes against the uncommitted batch.
    const bool is_new = stale.empty() && db.get_termfreq(doc_term) == 0;
    for (const IndexItem& item : document.items) {
      const std::string unique = UniqueTerm(item.kind, item.id);
      Xapian::Document built = impl_->builder->Build(document, item);
      impl_->builder->RecordWordForms(built, db);
      if (is_new) {
        db.add_document(built);
      } else {
        db.replace_document(unique, built);
      }
      stale.erase(unique);
    }
    for (const std::string& term : stale) db.delete_document(term);
    db.set_metadata(DocumentStateKey(document.document_id), DocumentStateValue(document));
    return {};
  } catch (const Xapian::Error& error) {
    return Fail(XapianError(error, "Indexing document #" + std::to_string(document.document_id) +
                                       " in " + impl_->Name()));
  }
}

Status Indexer::Remove(std::int64_t document_id) {
  try {
    impl_->EnsureBatch();
    impl_->database.delete_document(DocumentTerm(document_id));
    impl_->database.set_metadata(DocumentStateKey(document_id), "");
    return {};
  } catch (const Xapian::Error& error) {
    return Fail(XapianError(
        error, "Removing document #" + std::to_string(document_id) + " from " + impl_->Name()));
  }
}

Status Indexer::Commit() {
  if (!impl_->in_batch) return {};
  for (int attempt = 0;; ++attempt) {
    try {
      if (impl_->format_current && attempt == 0) {
        impl_->database.set_metadata(std::string(kFormatKey), std::string(kFormat));
        impl_->database.set_metadata(std::string(kLayoutKey), std::string(ToString(impl_->layout)));
      }
      impl_->database.commit_transaction();
      impl_->in_batch = false;
      return {};
    } catch (const Xapian::DatabaseModifiedError& error) {
      if (attempt > 0) return Fail(XapianError(error, "Committing " + impl_->Name()));
    } catch (const Xapian::Error& error) {
      Abandon();
      return Fail(XapianError(error, "Committing " + impl_->Name()));
    }
  }
}

void Indexer::Abandon() {
  if (!impl_ || !impl_->in_batch) return;
  try {
    impl_->database.cancel_transaction();
  } catch (const Xapian::Error&) {
    // Nothing more to undo: the batch was never committed.
  }
  impl_->in_batch = false;
  // Its word-form entries went with it: a later batch records them again.
  impl_->builder->ForgetRecordedWordForms();
}

Status Indexer::RecordLibrary(std::string_view library_id) {
  try {
    impl_->EnsureBatch();
    impl_->database.set_metadata(std::string(kLibraryKey), std::string(library_id));
    return {};
  } catch (const Xapian::Error& error) {
    return Fail(XapianError(error, "Writing " + impl_->Name()));
  }
}

bool Indexer::FormatCurrent() const { return impl_->format_current; }

IndexLayout Indexer::Layout() const { return impl_->layout; }

Result<bool> Indexer::FormatCurrentAt(const std::filesystem::path& folder) {
  try {
    return IsFormatCurrent(Xapian::Database(platform::PathToUtf8(folder)));
  } catch (const Xapian::Error& error) {
    return Fail(
        XapianError(error, "Reading the search index " + Quoted(platform::PathToUtf8(folder))));
  }
}

Result<std::map<std::int64_t, IndexedDocumentState>> Indexer::Documents() {
  try {
    return ReadDocumentStates(impl_->database);
  } catch (const Xapian::Error& error) {
    return Fail(XapianError(error, "Reading " + impl_->Name()));
  }
}

Result<Indexer::Contents> Indexer::ReadAt(const std::filesystem::path& folder) {
  try {
    // Each try opens the newest revision.
    return RetryWhileModified([&] {
      Xapian::Database database(platform::PathToUtf8(folder));
      Contents contents;
      contents.format_current = IsFormatCurrent(database);
      contents.layout = LayoutOf(database);
      contents.documents = ReadDocumentStates(database);
      contents.items = static_cast<std::int64_t>(database.get_doccount());
      if (contents.format_current && contents.layout == IndexLayout::kLocal) {
        FindWordsWithoutForms(database, contents);
      }
      return contents;
    });
  } catch (const Xapian::Error& error) {
    return Fail(
        XapianError(error, "Reading the search index " + Quoted(platform::PathToUtf8(folder))));
  }
}

Result<Indexer::Summary> Indexer::SummaryAt(const std::filesystem::path& folder) {
  try {
    return RetryWhileModified([&] {
      Xapian::Database database(platform::PathToUtf8(folder));
      Summary summary;
      summary.format_current = IsFormatCurrent(database);
      summary.library_id = database.get_metadata(std::string(kLibraryKey));
      const std::string prefix(kDocumentStateKeyPrefix);
      for (auto key = database.metadata_keys_begin(prefix);
           key != database.metadata_keys_end(prefix); ++key) {
        // A removed document leaves its key with an empty value (Remove).
        if (database.get_metadata(*key).empty()) continue;
        const std::string name = *key;
        std::int64_t id = 0;
        std::from_chars(name.data() + prefix.size(), name.data() + name.size(), id);
        summary.document_ids.push_back(id);
      }
      std::sort(summary.document_ids.begin(), summary.document_ids.end());
      return summary;
    });
  } catch (const Xapian::Error& error) {
    return Fail(
        XapianError(error, "Reading the search index " + Quoted(platform::PathToUtf8(folder))));
  }
}

}  // namespace nt::search
