#include "app/internal/import_service.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <set>

#include "app/internal/automatic_links.h"
#include "app/internal/correction_replay.h"
#include "app/internal/extraction_recorder.h"
#include "core/clock.h"
#include "core/file_io.h"
#include "core/fault.h"
#include "core/platform.h"
#include "core/text.h"
#include "store/document_repository.h"
#include "store/index_outbox_repository.h"

namespace nt::app {
namespace {

// Extensions a folder walk picks up; files named explicitly are always tried.
constexpr std::array<std::string_view, 9> kDocumentExtensions = {
    ".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xml", ".akn", ".pdf"};

// Documents are committed in batches: one sync of the database per batch instead of one per
// document, which is most of an import's wall-clock time on a real disk. Each document still
// has its own savepoint (invariant 1). The time bound keeps the write lock short for other
// writers (the app and the CLI at once) and lets readers see progress.
constexpr std::size_t kBatchDocuments = 100;
constexpr auto kBatchTime = std::chrono::milliseconds(500);

bool IsDocumentFile(const std::filesystem::path& path) {
  std::string extension = ToLowerAscii(platform::PathToUtf8(path.extension()));
  return std::find(kDocumentExtensions.begin(), kDocumentExtensions.end(), extension) !=
         kDocumentExtensions.end();
}

bool IsHidden(const std::filesystem::path& path) {
  std::string name = platform::PathToUtf8(path.filename());
  return !name.empty() && name.front() == '.';
}

// A folder's own notes (README.md, LICENSE.txt...) describe the folder, not a diplomatic
// document: a folder import skips them; naming one on its own still imports it.
bool IsFolderNote(const std::filesystem::path& path) {
  static constexpr std::array<std::string_view, 8> kNoteNames{
      "readme", "license", "licence", "copying", "changelog", "changes", "contributing",
      "notice"};
  const std::string stem = ToLowerAscii(platform::PathToUtf8(path.stem()));
  return std::find(kNoteNames.begin(), kNoteNames.end(), stem) != kNoteNames.end();
}

std::filesystem::path Absolute(const std::filesystem::path& path) {
  std::error_code ec;
  auto absolute = std::filesystem::weakly_canonical(path, ec);
  return ec ? std::filesystem::absolute(path) : absolute;
}

// Whether `path` is `folder` or inside it (both canonical).
bool IsWithin(const std::filesystem::path& path, const std::filesystem::path& folder) {
  const std::filesystem::path relative = path.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != "..";
}

Document ToDocument(const importers::ReadDocument& read, const std::filesystem::path& path) {
  const ImportedDocument& in = read.document;
  Document document;
  document.kind = in.kind;
  document.title = in.title;
  document.symbol = in.symbol;
  document.date = in.date;
  document.place = in.place;
  document.language = in.language.empty() ? "en" : in.language;
  document.source_path = platform::PathToUtf8(path);
  document.sha256 = read.sha256;
  document.importer = read.importer;
  document.importer_version = read.importer_version;
  document.imported_at = UtcTimestampNow();
  return document;
}

std::vector<Paragraph> ToParagraphs(const ImportedDocument& in) {
  std::vector<Paragraph> paragraphs;
  paragraphs.reserve(in.paragraphs.size());
  for (const ImportedParagraph& p : in.paragraphs) {
    Paragraph paragraph;
    paragraph.label = p.label;
    paragraph.heading_path = p.heading_path;
    paragraph.text = p.text;
    paragraph.language = p.language;
    paragraph.page = p.page;
    paragraph.is_boilerplate = p.is_boilerplate;
    paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

void TakeCounts(FileImportResult& result, const DocumentCounts& counts) {
  result.paragraphs = counts.paragraphs;
  result.boilerplate_paragraphs = counts.boilerplate_paragraphs;
  result.commitments = counts.commitments;
}

}  // namespace

std::string_view ToString(ImportOutcome outcome) {
  switch (outcome) {
    case ImportOutcome::kImported: return "imported";
    case ImportOutcome::kRevised: return "revised";
    case ImportOutcome::kUnchanged: return "unchanged";
    case ImportOutcome::kFailed: return "failed";
    case ImportOutcome::kCancelled: return "cancelled";
  }
  return "failed";
}

int ImportReport::Count(ImportOutcome outcome) const {
  return static_cast<int>(std::count_if(files.begin(), files.end(), [&](const auto& file) {
    return file.outcome == outcome;
  }));
}

Result<std::vector<std::filesystem::path>> ImportService::CollectFiles(
    const std::vector<std::filesystem::path>& paths, bool follow_links,
    std::vector<std::filesystem::path>* skipped_links) const {
  using Options = std::filesystem::directory_options;
  std::vector<std::filesystem::path> files;
  for (const auto& path : paths) {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    // A path that does not exist (or a URL) is listed as given: ImportFile reports it as that
    // file's failure, and the other paths are imported (invariant 2).
    if (!std::filesystem::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::filesystem::path> found;
    const std::filesystem::path root = Absolute(path);
    // Followed links can lead back up (a -> ..): each real folder is walked once.
    std::set<std::filesystem::path> walked{root};
    auto it = std::filesystem::recursive_directory_iterator(
        path,
        follow_links ? Options::skip_permission_denied | Options::follow_directory_symlink
                     : Options::skip_permission_denied,
        ec);
    if (ec) return Fail(FilesystemError(path, ec, "read the folder"));
    for (; it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) return Fail(FilesystemError(it->path(), ec, "read the folder"));
      if (IsHidden(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_symlink(ec)) {
        // A link is the folder's own only while it stays inside it (x.txt -> /etc/passwd is not).
        std::error_code target_ec;
        const std::filesystem::path target = std::filesystem::canonical(it->path(), target_ec);
        const bool leaves = !target_ec && !IsWithin(target, root);
        if (leaves && !follow_links) {
          if (skipped_links && (it->is_directory(ec) || IsDocumentFile(it->path()))) {
            skipped_links->push_back(it->path());
          }
          continue;
        }
      }
      if (follow_links && it->is_directory(ec)) {
        std::error_code real_ec;
        const auto real = std::filesystem::canonical(it->path(), real_ec);
        if (real_ec || !walked.insert(real).second) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && IsDocumentFile(it->path()) && !IsFolderNote(it->path())) {
        found.push_back(it->path());
      }
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  if (skipped_links) std::sort(skipped_links->begin(), skipped_links->end());
  return files;
}

FileImportResult ImportService::ImportFile(const std::filesystem::path& path, bool dry_run) {
  FileImportResult result;
  result.path = path;
  auto fail = [&](Error error) {
    result.outcome = ImportOutcome::kFailed;
    result.error = std::move(error);
    return result;
  };

  const std::string name = platform::PathToUtf8(path);
  if (name.starts_with("http://") || name.starts_with("https://") || name.starts_with("ftp://")) {
    return fail(Error{ErrorCode::kUsage, "NormTrack does not fetch " + Quoted(name) +
                                             ": save the page in your browser and import the "
                                             "saved file."});
  }
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return fail(Error{ErrorCode::kNotFound, "There is no file or folder " + Quoted(name) + "."});
  }
  auto read = registry_.ReadFile(path);
  if (!read) return fail(read.error());
  result.title = read->document.title;
  result.importer = read->importer;
  for (const ImportedParagraph& p : read->document.paragraphs) {
    ++(p.is_boilerplate ? result.boilerplate_paragraphs : result.paragraphs);
  }
  result.warnings = read->document.warnings;

  // Extraction is pure computation: done before the transaction so the writer holds its lock
  // only while it writes.
  std::optional<extract::DocumentExtraction> extraction;
  std::vector<std::vector<int>> mentions;
  if (reference_) {
    auto extracted = extract::ExtractDocument(read->document, reference_->gazetteer,
                                              reference_->norms);
    if (!extracted) {
      return fail(extracted.error().WithContext("Reading " + Quoted(platform::PathToUtf8(path))));
    }
    extraction = std::move(*extracted);
    mentions = FindParagraphMentions(reference_->gazetteer, read->document);
    for (const auto& [acronym, count] : extraction->unknown_acronyms) {
      result.unknown_acronyms.push_back(acronym);
    }
  }

  store::DocumentRepository documents(library_.database());
  auto same_bytes = documents.FindBySha256(read->sha256);
  if (!same_bytes) return fail(same_bytes.error());
  if (*same_bytes) {
    result.outcome = ImportOutcome::kUnchanged;
    result.document_id = (*same_bytes)->id;
    result.revision = (*same_bytes)->revision;
    auto counts = documents.Counts(result.document_id);
    if (!counts) return fail(counts.error());
    TakeCounts(result, *counts);
    return result;
  }

  const std::filesystem::path source = Absolute(path);
  Document document = ToDocument(*read, source);
  std::vector<Paragraph> paragraphs = ToParagraphs(read->document);
  auto same_path = documents.FindBySourcePath(document.source_path);
  if (!same_path) return fail(same_path.error());
  result.outcome = *same_path ? ImportOutcome::kRevised : ImportOutcome::kImported;
  if (dry_run) {
    result.commitments = extraction ? static_cast<int>(extraction->commitments.size()) : 0;
    if (*same_path) {
      result.document_id = (*same_path)->id;
      result.revision = (*same_path)->revision + 1;
    } else {
      result.revision = 1;
    }
    return result;
  }

  // One file on its own (not in a job) has a linker of its own.
  std::optional<AutomaticLinker> own_linker;
  if (!linker_) own_linker.emplace(library_.database());
  AutomaticLinker& linker = linker_ ? *linker_ : *own_linker;
  Status stored = library_.database().InTransaction([&]() -> Status {
    std::set<ParagraphId> kept;
    CapturedCorrections corrections;  // what users corrected wins over extraction
    if (*same_path) {
      auto captured = CaptureCorrections(library_.database(), (*same_path)->id);
      if (!captured) return Fail(captured.error());
      corrections = std::move(*captured);
      document.id = (*same_path)->id;
      document.dialogue_id = (*same_path)->dialogue_id;
      document.round_id = (*same_path)->round_id;
      auto previous = documents.Paragraphs(document.id);
      if (!previous) return Fail(previous.error());
      // Kept = the same row with the same text: a changed paragraph's new row can reuse the id
      // of a deleted one (SQLite hands out the largest id + 1 again), and it needs extracting.
      std::map<ParagraphId, std::string> old_texts;
      for (const Paragraph& p : *previous) old_texts.emplace(p.id, p.text);
      NT_TRY(documents.StoreRevision(document, paragraphs));
      for (const Paragraph& p : paragraphs) {
        auto old = old_texts.find(p.id);
        if (old != old_texts.end() && old->second == p.text) kept.insert(p.id);
      }
    } else {
      NT_TRY(documents.Insert(document, paragraphs));
    }
    if (extraction) {
      auto recorded = RecordExtraction(library_.database(), *reference_, read->document,
                                       *extraction, mentions, paragraphs, kept, document);
      if (!recorded) return Fail(recorded.error());
    }
    if (*same_path) NT_TRY(ReplayCorrections(library_.database(), corrections, document));
    if (extraction) {
      // Continuations and citations, found again on every revision (automatic_links.h).
      auto linked = linker.Link(document.id);
      if (!linked) return Fail(linked.error());
    }
    // Invariant 6: the index learns of this document through a row of the same transaction.
    NT_TRY(store::IndexOutboxRepository(library_.database())
               .Enqueue(document.id, store::OutboxAction::kIndex));
    // What the report says is read back from what was stored, so it agrees with `docs` (a
    // revision keeps the commitments of its unchanged paragraphs).
    auto counts = documents.Counts(document.id);
    if (!counts) return Fail(counts.error());
    TakeCounts(result, *counts);
    return fault::Check("import.before_commit");
  });
  if (!stored) {
    return fail(stored.error().WithContext("Importing " + Quoted(platform::PathToUtf8(path))));
  }
  linker.Committed();
  result.document_id = document.id;
  result.revision = document.revision;
  return result;
}

Result<ImportReport> ImportService::Import(const std::vector<std::filesystem::path>& paths,
                                           const ImportOptions& options) {
  ImportReport report;
  report.dry_run = options.dry_run;
  auto files = CollectFiles(paths, options.follow_links, &report.skipped_links);
  if (!files) return Fail(files.error());
  // The job's link rules read the library once and follow its documents (automatic_links.h).
  std::optional<AutomaticLinker> linker;
  linker.emplace(library_.database());
  linker_ = &*linker;
  struct Forget {
    AutomaticLinker*& linker;
    ~Forget() { linker = nullptr; }
  } forget{linker_};

  std::size_t next = 0;
  // Imports files from `next` until the batch is full; a file that failed alone does not end
  // the batch, one whose failure took the whole transaction with it does (its error is the
  // batch's).
  auto import_batch = [&]() -> Status {
    const auto started = std::chrono::steady_clock::now();
    std::size_t stored = 0;
    while (next < files->size()) {
      const auto& file = (*files)[next];
      if (options.progress) {
        options.progress(ProgressUpdate{next, files->size(), platform::PathToUtf8(file)});
      }
      ++next;
      // Checked after the progress report, so a cancel pressed while it showed takes effect now.
      if (options.cancel.IsCancelled()) {
        FileImportResult cancelled;
        cancelled.path = file;
        cancelled.outcome = ImportOutcome::kCancelled;
        report.files.push_back(std::move(cancelled));
        continue;
      }
      report.files.push_back(ImportFile(file, options.dry_run));
      const FileImportResult& result = report.files.back();
      if (options.dry_run) continue;
      if (result.outcome == ImportOutcome::kFailed && !library_.database().in_transaction()) {
        return Fail(*result.error);
      }
      if (result.outcome == ImportOutcome::kImported || result.outcome == ImportOutcome::kRevised) {
        ++stored;
      }
      if (stored >= kBatchDocuments || std::chrono::steady_clock::now() - started >= kBatchTime) {
        break;
      }
    }
    return fault::Check("import.before_batch_commit");
  };
  while (next < files->size()) {
    if (options.dry_run) {
      (void)import_batch();
      continue;
    }
    const std::size_t batch_begin = report.files.size();
    Status batch = library_.database().InTransaction(import_batch);
    if (batch) continue;
    if (report.files.size() == batch_begin) {
      // The batch could not even begin (another program holds the library's write lock past
      // the busy timeout): no later file can be stored either, and each would wait as long
      // again, so the job ends here with every remaining file failed for that reason.
      for (; next < files->size(); ++next) {
        FileImportResult failed;
        failed.path = (*files)[next];
        failed.error = batch.error().WithContext("Importing " +
                                                 Quoted(platform::PathToUtf8(failed.path)));
        report.files.push_back(std::move(failed));
      }
      break;
    }
    // Nothing of the batch is stored: its documents fail with the reason, and the linker's
    // caches, which counted them, are read again.
    for (std::size_t i = batch_begin; i < report.files.size(); ++i) {
      FileImportResult& result = report.files[i];
      if (result.outcome == ImportOutcome::kImported ||
          result.outcome == ImportOutcome::kRevised) {
        result.outcome = ImportOutcome::kFailed;
        result.error = batch.error().WithContext(
            "Importing " + Quoted(platform::PathToUtf8(result.path)) +
            " was undone with the files committed together with it");
        result.document_id = DocumentId();
        result.revision = 0;
        result.commitments = 0;
      }
    }
    linker.emplace(library_.database());
    linker_ = &*linker;
  }
  if (options.progress) options.progress(ProgressUpdate{files->size(), files->size(), ""});
  // Earlier documents citing the new ones: one pass over the library for the whole job.
  std::vector<DocumentId> stored;
  for (const FileImportResult& file : report.files) {
    if (file.outcome == ImportOutcome::kImported || file.outcome == ImportOutcome::kRevised) {
      stored.push_back(file.document_id);
    }
  }
  if (reference_ && !options.dry_run && !stored.empty()) {
    Status linked = library_.database().InTransaction([&]() -> Status {
      auto count = linker->LinkCitationsOf(stored);
      if (!count) return Fail(count.error());
      return {};
    });
    if (!linked) report.link_error = linked.error();
  }
  return report;
}

Result<Document> ImportService::DeleteDocument(std::string_view reference) {
  auto document = library_.FindDocument(reference);
  if (!document) return Fail(document.error());
  // The deletion trigger queues the index removal inside this transaction (invariant 6).
  NT_TRY(library_.database().InTransaction(
      [&]() -> Status { return store::DocumentRepository(library_.database()).Delete(document->id); }));
  return document;
}

}  // namespace nt::app
