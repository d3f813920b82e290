// Scale-out: one search over several shards, local and served by xapian-tcpsrv, through a Xapian
// stub file. The test starts and stops xapian-tcpsrv itself on a free loopback port.

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "search/indexer.h"
#include "search/searcher.h"
#include "support/temp_dir.h"

extern char** environ;

using namespace nt;
using namespace nt::search;

namespace {

IndexDocument Statement(std::int64_t id, const std::string& title, const std::string& date,
                        const std::string& text, const std::string& actor) {
  IndexDocument document;
  document.document_id = id;
  document.title = title;
  document.kind = "statement";
  document.date = date;
  document.language = "en";
  IndexItem item;
  item.id = id * 100;
  item.paragraph_id = id * 100;
  item.label = "1";
  item.text = text;
  item.actors = {actor};
  document.items.push_back(item);
  document.content_hash = ContentHash(document);
  return document;
}

void BuildShard(const std::filesystem::path& folder, const IndexDocument& document,
                IndexLayout layout) {
  auto indexer = Indexer::Open(folder, IndexOpenMode::kOverwrite, layout);
  REQUIRE(indexer);
  REQUIRE((*indexer)->Replace(document));
  REQUIRE((*indexer)->Commit());
}

int FreeLoopbackPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  close(fd);
  return ntohs(address.sin_port);
}

bool Accepting(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

// xapian-tcpsrv serving one folder, stopped when the test ends (whatever happens).
class TcpServer {
 public:
  TcpServer(const std::filesystem::path& folder, int port) {
    const std::string port_text = std::to_string(port);
    const std::string path = folder.string();
    std::vector<std::string> args = {"xapian-tcpsrv", "--interface", "127.0.0.1",
                                     "--port",        port_text,     "--quiet",
                                     "--timeout",     "10000",       path};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group (to stop the
    // children it forked per connection), which must not include this test.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    // Its messages about connections the test closes are noise here.
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0);
    started_ =
        posix_spawnp(&pid_, "xapian-tcpsrv", &files, &attributes, argv.data(), environ) == 0 &&
        pid_ > 0;
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attributes);
  }
  ~TcpServer() {
    if (!started_) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  bool started() const { return started_; }
  // Waits (bounded) until the server accepts connections.
  bool WaitUntilReady(int port) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      if (Accepting(port)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

 private:
  pid_t pid_ = 0;
  bool started_ = false;
};

}  // namespace

TEST_CASE("Shards: a stub file searches a local shard and a remote xapian-tcpsrv shard at once",
          "[search]") {
  test::TempDir dir;
  const auto local = dir / "local-shard";
  const auto remote = dir / "remote-shard";
  // The served shard is built to be shared (a remote reader cannot read word forms); the local
  // one in the library's own layout.
  BuildShard(local,
             Statement(1, "Japan-U.S. Joint Statement", "2017-07-24",
                       "The two countries will protect critical infrastructure.", "Japan"),
             IndexLayout::kLocal);
  BuildShard(remote,
             Statement(2, "UK-Singapore Joint Statement", "2019-09-20",
                       "Both sides will protect critical infrastructure and share "
                       "threat information.",
                       "Singapore"),
             IndexLayout::kShared);
  const int port = FreeLoopbackPort();
  TcpServer server(remote, port);
  REQUIRE(server.started());
  REQUIRE(server.WaitUntilReady(port));

  const auto stub = dir.Write(
      "team.stub", "auto " + local.string() + "\nremote 127.0.0.1:" + std::to_string(port) + "\n");
  auto searcher = Searcher::Open(stub);
  REQUIRE(searcher);
  SearchRequest request;
  request.query = "\"critical infrastructure\"";
  request.facets = true;
  request.sort = SortOrder::kDateOldestFirst;
  auto results = (*searcher)->Search(request);
  if (!results) FAIL(results.error().message);
  REQUIRE(results->hits.size() == 2);
  CHECK(results->hits[0].document_title == "Japan-U.S. Joint Statement");
  CHECK(results->hits[1].document_title == "UK-Singapore Joint Statement");
  CHECK_FALSE(results->hits[1].snippet.empty());
  CHECK(results->total_estimate == 2);
  REQUIRE(results->has_facets);
  CHECK(results->facets.actor.size() == 2);
  CHECK(results->facets.year.size() == 2);

  auto remote_only = (*searcher)->Search({.query = "threat actor:Singapore"});
  REQUIRE(remote_only);
  REQUIRE(remote_only->hits.size() == 1);
  CHECK(remote_only->hits[0].document_id == 2);

  // A plain word finds its other forms in both layouts: stemmed terms in the shared shard, the
  // word forms of the local one.
  auto forms =
      (*searcher)->Search({.query = "protecting countries", .sort = SortOrder::kDateOldestFirst});
  REQUIRE(forms);
  REQUIRE(forms->hits.size() == 1);
  CHECK(forms->hits[0].document_id == 1);
  auto both = (*searcher)->Search({.query = "protected", .sort = SortOrder::kDateOldestFirst});
  REQUIRE(both);
  REQUIRE(both->hits.size() == 2);
  CHECK(both->hits[1].document_id == 2);
  CHECK(both->hits[1].text.find("threat information") != std::string::npos);
}

TEST_CASE("Shards: an unreachable remote shard is one clear error", "[search]") {
  test::TempDir dir;
  const int port = FreeLoopbackPort();  // nothing listens there
  const auto stub = dir.Write("gone.stub", "remote 127.0.0.1:" + std::to_string(port) + "\n");
  auto searcher = Searcher::Open(stub);
  REQUIRE_FALSE(searcher);
  CHECK(searcher.error().code == ErrorCode::kIo);
  CHECK_THAT(searcher.error().message, Catch::Contains("xapian-tcpsrv"));
}

TEST_CASE("Shards: a remote shard in the local layout is refused with the fix, not half-searched",
          "[search]") {
  test::TempDir dir;
  const auto remote = dir / "remote-shard";
  BuildShard(remote,
             Statement(2, "UK-Singapore Joint Statement", "2019-09-20",
                       "Both sides will protect critical infrastructure.", "Singapore"),
             IndexLayout::kLocal);
  const int port = FreeLoopbackPort();
  TcpServer server(remote, port);
  REQUIRE(server.started());
  REQUIRE(server.WaitUntilReady(port));
  const auto stub = dir.Write("team.stub", "remote 127.0.0.1:" + std::to_string(port) + "\n");
  auto searcher = Searcher::Open(stub);
  REQUIRE_FALSE(searcher);
  CHECK(searcher.error().code == ErrorCode::kUsage);
  CHECK(searcher.error().message ==
        "The shard served at 127.0.0.1:" + std::to_string(port) + " (listed in '" + stub.string() +
            "') is a local-layout index, which cannot be searched remotely; rebuild it on its "
            "server with 'normtrack index --rebuild --layout shared'.");
}
