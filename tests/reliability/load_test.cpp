// Load (docs/reliability.md): 20 reader threads search, each through its own read-only
// Workspace (its own SQLite connection and Xapian database), while a writer's workspace imports
// documents one by one for a bounded time, each import followed by its index upkeep job. No reader may see an error or a torn result: every
// hit's document exists with all its paragraphs, and what a reader sees never shrinks. Every
// document imported is searchable afterwards.

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "app/workspace.h"
#include "importers/registry.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kReaders = 20;
constexpr int kDocuments = 400;  // more than the writer can import in the time allowed
constexpr auto kWriteFor = std::chrono::seconds(3);

// Statement `n`: its own marker word, a word every first paragraph has, 2-7 paragraphs.
std::string Statement(int n) {
  std::string text = "Joint Statement on Load " + std::to_string(n) + "\n\n";
  const int paragraphs = 2 + n % 6;
  for (int p = 1; p <= paragraphs; ++p) {
    text += std::to_string(p) + ". " +
            (p == 1 ? "Loadtitle loaddoc" + std::to_string(n) + ": " : std::string()) +
            "Japan and Australia affirmed that they will cooperate on incident response, "
            "paragraph " +
            std::to_string(p) + " of statement " + std::to_string(n) + ".\n\n";
  }
  return text;
}

std::string FileName(int n) { return "load-" + std::to_string(n) + ".txt"; }

// What readers report back to the test thread (Catch2 assertions are not thread-safe).
struct Findings {
  std::mutex mutex;
  std::vector<std::string> failures;
  std::atomic<long> searches{0};
  std::atomic<std::size_t> most_documents_seen{0};  // by any reader in one search
  void Fail(std::string what) {
    std::lock_guard lock(mutex);
    if (failures.size() < 20) failures.push_back(std::move(what));
  }
};

void Read(const app::Home& home, const std::map<std::string, int>& expected,
          const std::atomic<bool>& stop, Findings& findings) {
  auto library = app::Workspace::Open({.home = home, .read_only = true});
  if (!library) return findings.Fail("open: " + library.error().message);
  std::size_t seen_documents = 0;
  int seen_count = 0;
  while (!stop) {
    SearchRequest request;
    request.query = "loadtitle";
    request.limit = 1000;
    auto results = (*library)->Search(request);
    if (!results) return findings.Fail("search: " + results.error().message);
    ++findings.searches;
    std::set<std::int64_t> documents;
    for (const SearchHit& hit : results->hits) documents.insert(hit.document_id);
    if (documents.size() < seen_documents) {
      findings.Fail("the search found " + std::to_string(documents.size()) +
                    " documents after finding " + std::to_string(seen_documents));
    }
    seen_documents = documents.size();
    for (std::size_t most = findings.most_documents_seen;
         most < seen_documents &&
         !findings.most_documents_seen.compare_exchange_weak(most, seen_documents);) {
    }
    for (std::int64_t id : documents) {
      auto view = (*library)->ShowDocument(std::to_string(id));
      if (!view) return findings.Fail("show #" + std::to_string(id) + ": " + view.error().message);
      const std::string file =
          view->document.source_path.substr(view->document.source_path.find_last_of("/\\") + 1);
      auto want = expected.find(file);
      if (want == expected.end() || want->second != static_cast<int>(view->paragraphs.size())) {
        findings.Fail("document #" + std::to_string(id) + " has " +
                      std::to_string(view->paragraphs.size()) + " paragraphs");
      }
    }
    auto count = (*library)->DocumentCount();
    if (!count) return findings.Fail("count: " + count.error().message);
    if (*count < seen_count) findings.Fail("the document count went down");
    seen_count = *count;
  }
}

}  // namespace

TEST_CASE("Load: 20 readers search while a writer imports", "[reliability][load]") {
  test::TempDir dir;
  std::vector<std::filesystem::path> files;
  for (int n = 0; n < kDocuments; ++n) {
    files.push_back(dir.Write("corpus/" + FileName(n), Statement(n)));
  }
  const auto registry = importers::Registry::WithBuiltinFormats();

  // Each file's paragraph count, from an import of its own (readers compare with these).
  std::map<std::string, int> expected;
  for (const auto& file : files) {
    auto read = registry.ReadFile(file);
    REQUIRE(read);
    expected[file.filename().string()] = static_cast<int>(read->document.paragraphs.size());
  }

  const auto home = app::Home::InFolder(dir / "home");
  auto writer = app::Workspace::Open({.home = home, .create_if_missing = true});
  REQUIRE(writer);
  // The readers start on an index that exists.
  REQUIRE((*writer)->Import({files[0]}).Wait());

  std::atomic<bool> stop{false};
  Findings findings;
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&] { Read(home, expected, stop, findings); });
  }
  std::vector<int> imported{0};
  const auto deadline = Clock::now() + kWriteFor;
  for (int n = 1; n < kDocuments && Clock::now() < deadline; ++n) {
    const auto& report = (*writer)->Import({files[static_cast<std::size_t>(n)]}).Wait();
    REQUIRE(report);
    REQUIRE(report->AllSucceeded());
    REQUIRE_FALSE(report->index_error);
    imported.push_back(n);
  }
  stop = true;
  for (std::thread& reader : readers) reader.join();

  INFO("documents imported: " << imported.size() << ", searches: " << findings.searches);
  for (const std::string& failure : findings.failures) UNSCOPED_INFO(failure);
  CHECK(findings.failures.empty());
  CHECK(findings.searches >= kReaders);
  CHECK(imported.size() >= 10);
  CHECK(findings.most_documents_seen > 1);  // the readers saw the library grow

  // Every imported document can be found by its own word.
  for (int n : imported) {
    SearchRequest request;
    request.query = "loaddoc" + std::to_string(n);
    auto results = (*writer)->Search(request);
    REQUIRE(results);
    INFO(request.query);
    REQUIRE(results->hits.size() >= 1);
    CHECK(results->hits.front().document_title == "Joint Statement on Load " + std::to_string(n));
  }
  auto check = (*writer)->CheckIndex();
  REQUIRE(check);
  CHECK(check->ok());
}
