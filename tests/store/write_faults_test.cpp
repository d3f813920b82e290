// Faults during writes at the store's edge (docs/reliability.md, "Faults during writes"): a VFS
// shim, registered as SQLite's default for the length of one test, makes the operating system's
// answers exactly those of a full disk (SQLITE_FULL), a failing device (SQLITE_IOERR) or a
// read-only file, on any platform and whoever runs the test. The CLI tests repeat the disk and
// read-only cases with the real operating system (tests/cli/write_faults_cli_test.cpp).

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <map>
#include <memory>

#include "store/database.h"
#include "store/document_repository.h"
#include "store_samples.h"
#include "support/database_snapshot.h"
#include "support/temp_dir.h"

using namespace nt;
using namespace nt::store;
using nt::test::SampleDocument;
using nt::test::SampleParagraphs;

namespace {

// The default VFS with its write method (and, for read-only, its open flags) overridden. The
// methods of the real VFS run on the very same file objects: only the method table is swapped.
class FaultyVfs {
 public:
  enum class Fault { kNone, kFullAfter, kIoErrorAfter, kReadOnly };

  FaultyVfs() {
    real_ = sqlite3_vfs_find(nullptr);
    REQUIRE(real_ != nullptr);
    vfs_ = *real_;
    vfs_.zName = "normtrack-faulty";
    vfs_.xOpen = &Open;
    instance_ = this;
    REQUIRE(sqlite3_vfs_register(&vfs_, /*makeDflt=*/1) == SQLITE_OK);
  }
  ~FaultyVfs() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real_, 1);
    instance_ = nullptr;
  }
  FaultyVfs(const FaultyVfs&) = delete;
  FaultyVfs& operator=(const FaultyVfs&) = delete;

  // Writes fail once `bytes` more bytes have been written (to any file: database, WAL, journal).
  void Arm(Fault fault, sqlite3_int64 bytes = 0) {
    fault_ = fault;
    budget_ = bytes;
  }
  void Disarm() { fault_ = Fault::kNone; }

 private:
  static int Open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags,
                  int* out_flags) {
    FaultyVfs& self = *instance_;
    (void)vfs;
    if (self.fault_ == Fault::kReadOnly && (flags & SQLITE_OPEN_MAIN_DB)) {
      // What SQLite's own VFS does when the file may not be written: open it read-only.
      flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
    }
    const int rc = self.real_->xOpen(self.real_, name, file, flags, out_flags);
    if (rc == SQLITE_OK && file->pMethods) {
      // One table per table of the real VFS (main files and temporary files differ).
      auto& wrapped = self.wrapped_[file->pMethods];
      if (!wrapped) {
        wrapped = std::make_unique<Wrapped>(Wrapped{*file->pMethods, file->pMethods});
        wrapped->methods.xWrite = &Write;
      }
      file->pMethods = &wrapped->methods;
    }
    return rc;
  }

  static int Write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
    FaultyVfs& self = *instance_;
    if (self.fault_ == Fault::kFullAfter || self.fault_ == Fault::kIoErrorAfter) {
      if (self.budget_ < amount) {
        return self.fault_ == Fault::kFullAfter ? SQLITE_FULL : SQLITE_IOERR_WRITE;
      }
      self.budget_ -= amount;
    }
    // `methods` is Wrapped's first member: the table leads back to its wrapper.
    const auto* wrapped = reinterpret_cast<const Wrapped*>(file->pMethods);
    return wrapped->real->xWrite(file, data, amount, offset);
  }

  struct Wrapped {
    sqlite3_io_methods methods;  // first: a file's pMethods points here
    const sqlite3_io_methods* real;
  };

  static inline FaultyVfs* instance_ = nullptr;
  sqlite3_vfs* real_ = nullptr;
  sqlite3_vfs vfs_{};
  std::map<const sqlite3_io_methods*, std::unique_ptr<Wrapped>> wrapped_;
  Fault fault_ = Fault::kNone;
  sqlite3_int64 budget_ = 0;
};

// A library holding one document, closed; returns its file.
std::filesystem::path LibraryWithOneDocument(const test::TempDir& dir) {
  const auto path = dir / "library.sqlite3";
  auto db = Database::Open(path, {.create_if_missing = true});
  REQUIRE(db);
  DocumentRepository documents(**db);
  Document kept = SampleDocument("Kept");
  auto paragraphs = SampleParagraphs(20);
  REQUIRE(documents.Insert(kept, paragraphs));
  return path;
}

}  // namespace

TEST_CASE("Write faults: a full disk or an I/O error while storing leaves the library as it was",
          "[store][faults]") {
  test::TempDir dir;
  const auto path = LibraryWithOneDocument(dir);
  const std::string before = test::DatabaseSnapshot(path);
  FaultyVfs vfs;
  auto db = Database::Open(path);
  REQUIRE(db);
  DocumentRepository documents(**db);

  for (auto [fault, expected] :
       {std::pair{FaultyVfs::Fault::kFullAfter, "The disk is full while writing the database '"},
        std::pair{FaultyVfs::Fault::kIoErrorAfter,
                  "The operating system reported an I/O error while "}}) {
    for (sqlite3_int64 budget : {0, 5000, 60000}) {
      INFO(expected << " after " << budget << " bytes");
      vfs.Arm(fault, budget);
      Document lost = SampleDocument("Lost");
      auto paragraphs = SampleParagraphs(5000);
      Status stored = documents.Insert(lost, paragraphs);
      vfs.Disarm();
      REQUIRE_FALSE(stored);
      CHECK(stored.error().code == ErrorCode::kIo);
      CHECK_THAT(stored.error().message, Catch::StartsWith(expected) &&
                                             Catch::Contains(path.string()) &&
                                             Catch::Contains("nothing was changed"));
    }
  }
  CHECK(test::DatabaseSnapshot(path) == before);  // read by another connection

  // The connection is still usable once there is room, and stores whole documents again.
  Document later = SampleDocument("Later");
  auto paragraphs = SampleParagraphs(3);
  CHECK(documents.Insert(later, paragraphs));
  db->reset();
  const std::string after = test::DatabaseSnapshot(path);
  CHECK_THAT(after, Catch::Contains("Later") && !Catch::Contains("Lost"));
  CHECK_THAT(after, Catch::Contains("|Kept|"));
}

TEST_CASE("Write faults: a library that can only be read refuses writes with 'cannot be written'",
          "[store][faults]") {
  test::TempDir dir;
  const auto path = LibraryWithOneDocument(dir);
  const std::string before = test::DatabaseSnapshot(path);
  {
    FaultyVfs vfs;
    vfs.Arm(FaultyVfs::Fault::kReadOnly);
    auto db = Database::Open(path);
    REQUIRE(db);
    DocumentRepository documents(**db);
    auto listed = documents.List();  // reading works
    REQUIRE(listed);
    CHECK(listed->size() == 1);
    Document lost = SampleDocument("Lost");
    auto paragraphs = SampleParagraphs(5);
    Status stored = documents.Insert(lost, paragraphs);
    REQUIRE_FALSE(stored);
    CHECK(stored.error().code == ErrorCode::kReadOnly);
    CHECK(stored.error().message == "The database '" + path.string() +
                                        "' cannot be written (read-only file or folder).");
  }
  CHECK(test::DatabaseSnapshot(path) == before);
}
