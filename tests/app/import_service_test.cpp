#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>

#include "app/internal/import_service.h"
#include "app/internal/library.h"
#include "core/fault.h"
#include "core/platform.h"
#include "extracting_library.h"
#include "store/database.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::app;

namespace {

struct Fixture {
  test::TempDir dir;
  importers::Registry registry = importers::Registry::WithBuiltinFormats();
  std::unique_ptr<Library> library;

  Fixture() {
    auto opened = Library::Open(Home::InFolder(dir / "home"), {.mode = OpenMode::kCreateIfMissing});
    REQUIRE(opened);
    library = std::move(*opened);
  }

  ImportReport Import(const std::vector<std::filesystem::path>& paths, bool dry_run = false) {
    ImportService service(*library, registry);
    auto report = service.Import(paths, {.dry_run = dry_run});
    REQUIRE(report);
    return *report;
  }

  // Everything a reader can see, to compare "before" and "after".
  std::string Snapshot() {
    std::string out;
    auto documents = library->ListDocuments();
    REQUIRE(documents);
    for (const auto& summary : *documents) {
      auto view = library->ShowDocument(std::to_string(summary.document.id.value)).value();
      out += view.document.title + "|" + view.document.sha256 + "|" +
             std::to_string(view.document.revision) + "\n";
      for (const auto& p : view.paragraphs) {
        out += std::to_string(p.id.value) + ":" + p.label + ":" + p.text + "\n";
      }
    }
    return out;
  }
};

// Every file of `report` failed, with a message naming it and giving `reason`, and is not stored.
void CheckEachFailed(const ImportReport& report, const std::string& reason) {
  for (const FileImportResult& file : report.files) {
    INFO(file.path);
    CHECK(file.outcome == ImportOutcome::kFailed);
    REQUIRE(file.error);
    CHECK_THAT(file.error->message,
               Catch::Contains(platform::PathToUtf8(file.path.filename())) &&
                   Catch::Contains(reason));
    CHECK(file.document_id == DocumentId());
  }
}

}  // namespace

TEST_CASE("ImportService: the seed corpus imports, and again is a no-op (invariant 3)", "[app]") {
  Fixture f;
  ImportReport first = f.Import({test::CorpusDocumentsDir()});
  REQUIRE(first.files.size() == 2);
  CHECK(first.Count(ImportOutcome::kImported) == 2);
  CHECK(first.AllSucceeded());
  const std::string snapshot = f.Snapshot();
  CHECK_THAT(snapshot, Catch::Contains("Joint Statement of the Japan-U.S. Cyber Dialogue"));

  ImportReport second = f.Import({test::JointStatementPath(), test::NiscArticlePath()});
  CHECK(second.Count(ImportOutcome::kUnchanged) == 2);
  CHECK(second.files[0].document_id == first.files[0].document_id);
  CHECK(f.Snapshot() == snapshot);
  CHECK(f.library->Statistics()->documents == 2);
}

TEST_CASE("ImportService: a failure halfway leaves the database exactly as before (invariant 1)",
          "[app]") {
  Fixture f;
  f.Import({test::NiscArticlePath()});
  const std::string before = f.Snapshot();
  const auto stats_before = f.library->Statistics().value();

  const char* point = GENERATE("store.insert_paragraph", "import.before_commit");
  fault::Arm(point, point == std::string("store.insert_paragraph") ? 5 : 1);
  ImportReport report = f.Import({test::JointStatementPath()});
  fault::DisarmAll();
  REQUIRE(report.files.size() == 1);
  CHECK(report.files[0].outcome == ImportOutcome::kFailed);
  REQUIRE(report.files[0].error);
  CHECK_THAT(report.files[0].error->message,
             Catch::Contains("japan-us-cyber-dialogue-2017-joint-statement.txt"));
  CHECK(f.Snapshot() == before);
  CHECK(f.library->Statistics()->paragraphs == stats_before.paragraphs);

  // Nothing half-written blocks a later, successful import.
  CHECK(f.Import({test::JointStatementPath()}).Count(ImportOutcome::kImported) == 1);
}

TEST_CASE("ImportService: bad files fail alone with one sentence each (invariant 2)", "[app]") {
  Fixture f;
  test::TempDir inputs;
  inputs.Write("a-good.md", "# A good statement\n\n1. Japan will cooperate.\n");
  inputs.Write("b-binary.txt", std::string("\x7f" "ELF\0\0\x01\x02", 8));
  inputs.Write("c-empty.txt", "");
  inputs.Write("d-latin1.txt", "Caf\xe9 au lait\n\nSecond paragraph.\n");
  inputs.Write("e-notes.md", "# Title only\n");
  inputs.Write(".hidden/skipped.md", "# Hidden\n\nNever read.\n");
  inputs.Write("image.png", "\x89PNG");
  inputs.Write("README.md", "# Statements of 2017\n\nWhat this folder holds.\n");
  inputs.Write("nested/License.txt", "Licensed to all.\n\nSecond paragraph.\n");
  ImportReport report = f.Import({inputs.path()});
  // The hidden folder, the non-document extension and the folder's notes are skipped.
  REQUIRE(report.files.size() == 5);
  CHECK(report.files[0].outcome == ImportOutcome::kImported);
  for (std::size_t i = 1; i < report.files.size(); ++i) {
    INFO(report.files[i].path);
    CHECK(report.files[i].outcome == ImportOutcome::kFailed);
    REQUIRE(report.files[i].error);
    CHECK_THAT(report.files[i].error->message,
               Catch::Contains(platform::PathToUtf8(report.files[i].path.filename())));
  }
  CHECK_THAT(report.files[1].error->message, Catch::Contains("binary"));
  CHECK_THAT(report.files[2].error->message, Catch::Contains("empty"));
  CHECK_THAT(report.files[3].error->message, Catch::Contains("UTF-8") && Catch::Contains("line 1"));
  CHECK_THAT(report.files[4].error->message, Catch::Contains("no paragraphs"));
  CHECK(f.library->Statistics()->documents == 1);

  // A folder note named on its own is imported like any file.
  ImportReport named = f.Import({inputs.path() / "README.md"});
  REQUIRE(named.files.size() == 1);
  CHECK(named.files[0].outcome == ImportOutcome::kImported);
}

TEST_CASE("ImportService: a changed file becomes a new revision (invariant 4)", "[app]") {
  Fixture f;
  test::TempDir inputs;
  auto path = inputs.Write("statement.md",
                           "# Joint statement\n\nFirst paragraph stays.\n\nSecond will change.\n");
  ImportReport first = f.Import({path});
  REQUIRE(first.Count(ImportOutcome::kImported) == 1);
  auto before = f.library->ShowDocument(std::to_string(first.files[0].document_id.value)).value();

  inputs.Write("statement.md",
               "# Joint statement\n\nFirst paragraph stays.\n\nSecond has changed.\n\nA third.\n");
  ImportReport second = f.Import({path});
  REQUIRE(second.files.size() == 1);
  CHECK(second.files[0].outcome == ImportOutcome::kRevised);
  CHECK(second.files[0].revision == 2);
  CHECK(second.files[0].document_id == first.files[0].document_id);
  auto after = f.library->ShowDocument(std::to_string(first.files[0].document_id.value)).value();
  CHECK(after.document.revision == 2);
  REQUIRE(after.paragraphs.size() == before.paragraphs.size() + 1);
  CHECK(after.paragraphs[0].id == before.paragraphs[0].id);
  CHECK(after.paragraphs[1].text == "Second has changed.");
  CHECK(f.library->Statistics()->documents == 1);
}

TEST_CASE("ImportService: a dry run classifies files and writes nothing (invariant 5)", "[app]") {
  Fixture f;
  f.Import({test::NiscArticlePath()});
  const std::string before = f.Snapshot();
  ImportReport report = f.Import({test::CorpusDocumentsDir()}, /*dry_run=*/true);
  CHECK(report.dry_run);
  REQUIRE(report.files.size() == 2);
  CHECK(report.Count(ImportOutcome::kImported) == 1);
  CHECK(report.Count(ImportOutcome::kUnchanged) == 1);
  CHECK(f.Snapshot() == before);
}

TEST_CASE("ImportService: a path that does not exist fails alone, naming it", "[app]") {
  Fixture f;
  ImportService service(*f.library, f.registry);
  auto report = service.Import({f.dir / "nowhere", test::JointStatementPath()});
  REQUIRE(report);
  REQUIRE(report->files.size() == 2);
  const FileImportResult& missing = report->files[0];
  CHECK(missing.outcome == ImportOutcome::kFailed);
  REQUIRE(missing.error);
  CHECK(missing.error->code == ErrorCode::kNotFound);
  CHECK_THAT(missing.error->message, Catch::Contains("nowhere"));
  CHECK(report->files[1].outcome == ImportOutcome::kImported);  // invariant 2
}

TEST_CASE("ImportService: cancellation stops before the next file", "[app]") {
  Fixture f;
  ImportService service(*f.library, f.registry);
  ImportOptions options;
  options.progress = [&](const ProgressUpdate& update) {
    if (update.done == 1) options.cancel.Cancel();
  };
  auto report = service.Import({test::CorpusDocumentsDir()}, options);
  REQUIRE(report);
  CHECK(report->Count(ImportOutcome::kImported) == 1);
  CHECK(report->Count(ImportOutcome::kCancelled) == 1);
}

TEST_CASE("Home: NORMTRACK_HOME chooses the library folder, --db puts the index beside it",
          "[app]") {
  platform::SetEnv("NORMTRACK_HOME", "/srv/normtrack-team");
  Home home = Home::Default();
  platform::SetEnv("NORMTRACK_HOME", "");
  CHECK(home.database == std::filesystem::path("/srv/normtrack-team/normtrack.sqlite3"));
  CHECK(home.index == std::filesystem::path("/srv/normtrack-team/search-index"));
  Home explicit_db = Home::ForDatabase("/tmp/x/briefing.db");
  CHECK(explicit_db.index == std::filesystem::path("/tmp/x/briefing.db.index"));
  platform::SetEnv("XDG_DATA_HOME", "/home/ana/.data");
  CHECK(Home::Default().database ==
        std::filesystem::path("/home/ana/.data/normtrack/normtrack.sqlite3"));
}

TEST_CASE("ImportService: a 200 MB file is refused without being read, the rest imports",
          "[app]") {
  Fixture f;
  test::TempDir inputs;
  inputs.Write("a-statement.md", "# Statement\n\nJapan will cooperate.\n");
  auto huge = inputs.Write("b-huge.txt", "");
  // Sparse: takes no disk space, but a reader that loaded it would need 200 MB.
  std::filesystem::resize_file(huge, 200ull * 1024 * 1024);
  ImportReport report = f.Import({inputs.path()});
  REQUIRE(report.files.size() == 2);
  CHECK(report.files[0].outcome == ImportOutcome::kImported);
  CHECK(report.files[1].outcome == ImportOutcome::kFailed);
  CHECK_THAT(report.files[1].error->message,
             Catch::Contains("b-huge.txt") && Catch::Contains("200 MB") &&
                 Catch::Contains("too large"));
}

TEST_CASE("ImportService: an unreadable file fails alone, naming the file", "[app]") {
  Fixture f;
  test::TempDir inputs;
  inputs.Write("a-first.md", "# First\n\nJapan will cooperate.\n");
  auto locked = inputs.Write("b-locked.md", "# Locked\n\nNever read.\n");
  inputs.Write("c-last.md", "# Last\n\nEstonia will cooperate.\n");
  // Permissions do not stop root, so the read failure is injected at the same point where the
  // operating system's refusal would surface.
  fault::Arm("file.read", 2);
  ImportReport report = f.Import({inputs.path()});
  fault::DisarmAll();
  REQUIRE(report.files.size() == 3);
  CHECK(report.files[0].outcome == ImportOutcome::kImported);
  CHECK(report.files[1].outcome == ImportOutcome::kFailed);
  CHECK_THAT(report.files[1].error->message,
             Catch::Contains("b-locked.md") && Catch::Contains("cannot be read"));
  CHECK(report.files[2].outcome == ImportOutcome::kImported);
  std::filesystem::permissions(locked, std::filesystem::perms::none);
  if (std::ifstream(locked).good()) {
    WARN("running with privileges that ignore file permissions; real-permission case skipped");
  } else {
    ImportReport real = f.Import({locked});
    CHECK(real.files[0].outcome == ImportOutcome::kFailed);
    CHECK_THAT(real.files[0].error->message, Catch::Contains("b-locked.md"));
  }
}

TEST_CASE("ImportService: a file failing inside a batch fails alone, its neighbours are stored "
          "(invariants 1, 2)",
          "[app]") {
  Fixture f;
  test::TempDir inputs;
  inputs.Write("a.md", "# First\n\nJapan will cooperate.\n");
  inputs.Write("b.md", "# Second\n\nEstonia will cooperate.\n");
  inputs.Write("c.md", "# Third\n\nKenya will cooperate.\n");
  // The second file fails after all its rows were written, just before its savepoint ends.
  fault::Arm("import.before_commit", 2);
  ImportReport report = f.Import({inputs.path()});
  fault::DisarmAll();
  REQUIRE(report.files.size() == 3);
  CHECK(report.files[0].outcome == ImportOutcome::kImported);
  CHECK(report.files[1].outcome == ImportOutcome::kFailed);
  CHECK_THAT(report.files[1].error->message, Catch::Contains("b.md"));
  CHECK(report.files[2].outcome == ImportOutcome::kImported);
  const std::string snapshot = f.Snapshot();
  CHECK_THAT(snapshot, Catch::Contains("Japan will cooperate.") &&
                           Catch::Contains("Kenya will cooperate.") &&
                           !Catch::Contains("Estonia"));
  CHECK(f.library->Statistics()->documents == 2);
}

TEST_CASE("ImportService: a batch that cannot be committed fails each of its files and stores "
          "nothing of them (invariant 1)",
          "[app]") {
  test::ExtractingLibrary f;
  f.Import({test::NiscArticlePath()});
  const auto before = f.library->Statistics().value();
  const auto sixth = f.dir.Write(
      "sixth.md",
      test::ReadAll(test::FixturesDir() / "app/dialogue/sixth-us-japan-cyber-dialogue-2018.md"));

  fault::Arm("import.before_batch_commit", 1);
  ImportService service(*f.library, f.registry, &test::ShippedReference());
  auto report = service.Import({test::JointStatementPath(), sixth});
  fault::DisarmAll();
  REQUIRE(report);
  REQUIRE(report->files.size() == 2);
  CheckEachFailed(*report, "undone with the files committed together with it");
  const auto after = f.library->Statistics().value();
  CHECK(after.documents == before.documents);
  CHECK(after.paragraphs == before.paragraphs);
  CHECK(after.commitments == before.commitments);
  CHECK(after.links == before.links);
  CHECK(after.rounds == before.rounds);

  // The same files again: stored with the same commitments and links as in a library that
  // never saw the failure (the job's linker did not keep the undone documents).
  auto again = f.Import({test::JointStatementPath(), sixth});
  CHECK(again.Count(ImportOutcome::kImported) == 2);
  test::ExtractingLibrary fresh;
  fresh.Import({test::NiscArticlePath()});
  fresh.Import({test::JointStatementPath(), sixth});
  const auto expected = fresh.library->Statistics().value();
  const auto retried = f.library->Statistics().value();
  CHECK(retried.documents == expected.documents);
  CHECK(retried.commitments == expected.commitments);
  CHECK(retried.links == expected.links);
  CHECK(retried.rounds == expected.rounds);
  CHECK(retried.links > before.links);
}

TEST_CASE("ImportService: a long job commits in batches, a failed batch loses only its own files",
          "[app]") {
  Fixture f;
  test::TempDir inputs;
  constexpr int kFiles = 250;
  for (int i = 0; i < kFiles; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "statement-%03d.md", i);
    inputs.Write(name, "# Statement " + std::to_string(i) + "\n\nParty " + std::to_string(i) +
                           " will cooperate.\n");
  }
  // However the batches fall (by count or by time), the second one fails to commit.
  fault::Arm("import.before_batch_commit", 2);
  ImportReport report = f.Import({inputs.path()});
  fault::DisarmAll();
  REQUIRE(report.files.size() == kFiles);
  std::size_t first_failed = report.files.size();
  std::size_t last_failed = 0;
  for (std::size_t i = 0; i < report.files.size(); ++i) {
    if (report.files[i].outcome != ImportOutcome::kFailed) continue;
    first_failed = std::min(first_failed, i);
    last_failed = i;
  }
  REQUIRE(first_failed > 0);  // the first batch was committed
  REQUIRE(last_failed >= first_failed);
  const int failed = report.Count(ImportOutcome::kFailed);
  CHECK(static_cast<std::size_t>(failed) == last_failed - first_failed + 1);  // one run
  CHECK(failed <= 100);
  CHECK(report.Count(ImportOutcome::kImported) == kFiles - failed);
  CHECK(f.library->Statistics()->documents == kFiles - failed);

  // Importing the folder again stores exactly the files that were undone.
  ImportReport again = f.Import({inputs.path()});
  CHECK(again.Count(ImportOutcome::kImported) == failed);
  CHECK(again.Count(ImportOutcome::kUnchanged) == kFiles - failed);
  CHECK(f.library->Statistics()->documents == kFiles);
}

TEST_CASE("ImportService: a library locked by another program fails the job's files after one "
          "bounded wait, and stores nothing",
          "[app]") {
  test::TempDir dir;
  auto opened = Library::Open(Home::InFolder(dir / "home"),
                              {.mode = OpenMode::kCreateIfMissing, .busy_timeout_ms = 300});
  REQUIRE(opened);
  Library& library = **opened;
  test::TempDir inputs;
  for (const char* name : {"a.md", "b.md", "c.md"}) {
    inputs.Write(name, std::string("# ") + name + "\n\nJapan will cooperate.\n");
  }
  // The other program: a second connection holding the write lock.
  auto other = store::Database::Open(library.database().path(), {});
  REQUIRE(other);
  Status held = (*other)->InTransaction([&]() -> Status {
    importers::Registry registry = importers::Registry::WithBuiltinFormats();
    ImportService service(library, registry);
    const auto start = std::chrono::steady_clock::now();
    auto report = service.Import({inputs.path()});
    const auto waited = std::chrono::steady_clock::now() - start;
    REQUIRE(report);
    REQUIRE(report->files.size() == 3);
    CheckEachFailed(*report, "locked");
    CHECK(waited >= std::chrono::milliseconds(250));
    CHECK(waited < std::chrono::milliseconds(3 * 300 + 2000));  // not one wait per file
    return {};
  });
  REQUIRE(held);
  CHECK(library.Statistics()->documents == 0);
}
