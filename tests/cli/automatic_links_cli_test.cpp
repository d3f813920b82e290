// The automatic "continues" links are a function of the library's content (issue 15, item 24):
// the same documents imported in one job, in reverse order one by one, or in two halves give
// the same links, compared by the wording they join (ids differ with the order of import).

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "support/cli_library.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

using nt::test::CliRun;
using Json = nlohmann::json;

namespace {

struct RoundStatement {
  std::string file;
  std::string text;
};

// Three rounds of one dialogue. The second round restates the first round's clause twice, once
// shorter and once longer, so the closest pairs differ by the side they are looked for from:
// from round 1 the longer one is closest, from round 2 both find the same round-1 clause.
std::vector<RoundStatement> Statements() {
  return {
      {"round1.txt",
       "Joint Statement of the First Japan-Australia Cyber Dialogue\n\n"
       "Canberra, 3 March 2019\n\n"
       "1. Japan and Australia held the first Japan-Australia Cyber Dialogue in Canberra on "
       "3 March 2019.\n\n"
       "2. Japan and Australia affirmed their intention to cooperate on cyber threat "
       "information sharing and incident response between their national computer emergency "
       "response teams.\n\n"
       "3. Japan and Australia decided to hold joint capacity building workshops for partners "
       "in the Pacific islands on critical infrastructure protection.\n"},
      {"round2.txt",
       "Joint Statement of the Second Japan-Australia Cyber Dialogue\n\n"
       "Tokyo, 9 March 2020\n\n"
       "1. Japan and Australia held the second Japan-Australia Cyber Dialogue in Tokyo on "
       "9 March 2020.\n\n"
       "2. Japan and Australia affirmed their intention to cooperate on cyber threat "
       "information sharing between their national computer emergency response teams.\n\n"
       "3. Japan and Australia affirmed their intention to cooperate on cyber threat "
       "information sharing and incident response between their national computer emergency "
       "response teams and with regional partners in Southeast Asia.\n\n"
       "4. Japan and Australia decided to hold joint capacity building workshops for partners "
       "in the Pacific islands on critical infrastructure protection and cybercrime.\n"},
      {"round3.txt",
       "Joint Statement of the Third Japan-Australia Cyber Dialogue\n\n"
       "Canberra, 15 March 2021\n\n"
       "1. Japan and Australia held the third Japan-Australia Cyber Dialogue in Canberra on "
       "15 March 2021.\n\n"
       "2. Japan and Australia decided to cooperate on cyber threat information sharing and "
       "incident response between their national computer emergency response teams.\n\n"
       "3. Japan and Australia decided to hold joint capacity building workshops in the "
       "Pacific islands on critical infrastructure protection.\n"},
  };
}

// A library in its own folder, fed the statements by the given import jobs (lists of files).
class Library {
 public:
  explicit Library(const std::vector<std::vector<std::string>>& jobs) {
    for (const RoundStatement& statement : Statements()) {
      std::ofstream(dir_.path() / statement.file) << statement.text;
    }
    REQUIRE(Run({"init"}).exit_code == 0);
    for (const auto& job : jobs) {
      std::vector<std::string> args = {"import"};
      for (const std::string& file : job) args.push_back((dir_.path() / file).string());
      const CliRun imported = Run(args);
      INFO(imported.out << imported.err);
      REQUIRE(imported.exit_code == 0);
    }
  }

  CliRun Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", (dir_.path() / "library.sqlite3").string()});
    return nt::test::RunCli(args, dir_.path());
  }

  // The "continues" links as (later wording, earlier wording).
  std::set<std::pair<std::string, std::string>> Continuations() {
    const CliRun commitments = Run({"commitments", "--json"});
    REQUIRE(commitments.exit_code == 0);
    std::map<std::int64_t, std::string> text;
    for (const Json& c : Json::parse(commitments.out)) text[c["id"]] = c["text"];
    const CliRun links = Run({"link", "list", "--type", "continues", "--json"});
    REQUIRE(links.exit_code == 0);
    std::set<std::pair<std::string, std::string>> found;
    for (const Json& link : Json::parse(links.out)) {
      found.insert({text.at(link["source"]["id"]), text.at(link["target"]["id"])});
    }
    return found;
  }

 private:
  nt::test::TempDir dir_;
};

}  // namespace

TEST_CASE("CLI: automatic continues links do not depend on the order or split of imports",
          "[cli][links]") {
  Library one_job({{"round1.txt", "round2.txt", "round3.txt"}});
  const auto expected = one_job.Continuations();
  // Each later round's restatements continue the earlier clause, both of round 2's included.
  CHECK(expected.size() >= 5);

  Library reversed({{"round3.txt"}, {"round2.txt"}, {"round1.txt"}});
  CHECK(reversed.Continuations() == expected);

  Library halves({{"round2.txt", "round3.txt"}, {"round1.txt"}});
  CHECK(halves.Continuations() == expected);

  Library middle_last({{"round1.txt"}, {"round3.txt"}, {"round2.txt"}});
  CHECK(middle_last.Continuations() == expected);

  // Importing again changes nothing.
  Library again({{"round1.txt", "round2.txt", "round3.txt"}, {"round2.txt"}});
  CHECK(again.Continuations() == expected);
}
