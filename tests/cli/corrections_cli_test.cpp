// Corrections that survive (issue 14): commitment edit/add/delete, actor merge/rename, dialogue
// rename/merge and document edit through the real binary; each is manual, listed in the
// history with who, when and what was before, and still there after the same file is imported
// again and after a revised file is imported as a new revision.

#include <pwd.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "support/cli_library.h"

using namespace nt;
using test::CliRun;
using Json = nlohmann::json;

namespace {

// Seven numbered paragraphs; extraction finds commitments in 1-6, none in 7.
constexpr std::string_view kStatement =
    "Joint Statement of the Fifth Japan-U.S. Cyber Dialogue\n\n"
    "Tokyo, July 21, 2017\n\n"
    "1. Japan and the United States affirmed that they will cooperate closely on cyber incident "
    "response.\n\n"
    "2. The two countries decided to expand information sharing on cyber threats.\n\n"
    "3. Japan will host a workshop on critical infrastructure protection in 2018.\n\n"
    "4. Both sides welcomed the progress of the Cyber Defense Policy Working Group.\n\n"
    "5. US-CERT will share threat indicators with NISC.\n\n"
    "6. CISA will lead the joint exercise for the United States.\n\n"
    "7. Officials exchanged views on deterrence in cyberspace.\n";

// The same statement revised: paragraphs 1, 2, 4 and 7 changed (so they are extracted again),
// 3, 5 and 6 kept.
std::string Revised() {
  std::string text(kStatement);
  auto replace = [&](std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace("incident response.", "incident response in 2018.");
  replace("on cyber threats.", "on cyber threats, as before.");
  replace("Working Group.", "Working Group. They met in Tokyo.");
  replace("in cyberspace.", "in cyberspace and elsewhere.");
  return text;
}

std::string CurrentUser() {
  const passwd* entry = getpwuid(geteuid());
  return entry ? entry->pw_name : "unknown";
}

struct Library : test::CliLibrary {
  std::filesystem::path file = dir.Write("statement.txt", kStatement);

  Library() {
    CliRun run = Run({"import", "-q", file.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
  }
  void Revise() {
    dir.Write("statement.txt", Revised());
    CliRun run = Run({"import", file.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    REQUIRE_THAT(run.out, Catch::Contains("revised 1"));
  }
  void ImportAgain() {
    CliRun run = Run({"import", file.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    REQUIRE_THAT(run.out, Catch::Contains("unchanged 1"));
  }
  // The commitments of the document as (id, type, text, "Name:role, ...").
  std::vector<std::tuple<int, std::string, std::string, std::string>> Commitments() {
    std::vector<std::tuple<int, std::string, std::string, std::string>> out;
    for (const auto& c : Json({"commitments", "--json"})) {
      std::vector<std::string> actors;
      for (const auto& a : c["actors"]) {
        actors.push_back(a["name"].get<std::string>() + ":" + a["role"].get<std::string>());
      }
      std::sort(actors.begin(), actors.end());
      std::string joined;
      for (const std::string& a : actors) joined += (joined.empty() ? "" : ", ") + a;
      out.emplace_back(c["id"].get<int>(), c["type"], c["text"], joined);
    }
    return out;
  }
  int ParagraphId(const std::string& label) {
    const nlohmann::json shown = Json({"show", "1", "--json"});
    for (const auto& p : shown["paragraphs"]) {
      if (p["label"] == label) return p["id"];
    }
    FAIL("no paragraph " << label);
    return 0;
  }
};

// The history entries as "action field: before -> after".
std::vector<std::string> Changes(const Json& history) {
  std::vector<std::string> out;
  for (const auto& h : history) {
    out.push_back(h["action"].get<std::string>() + " " +
                  (h["field"].is_null() ? std::string("-") : h["field"].get<std::string>()) +
                  ": " + (h["before"].is_null() ? std::string("") : h["before"].get<std::string>()) +
                  " -> " + (h["after"].is_null() ? std::string("") : h["after"].get<std::string>()));
  }
  return out;
}

}  // namespace

TEST_CASE(
    "Corrections: an edited, an added and a deleted commitment are manual, in the history, and "
    "still so after the same file and a revised file are imported again",
    "[cli][corrections]") {
  Library f;
  const auto extracted = f.Commitments();
  REQUIRE(extracted.size() == 6);
  CHECK(extracted[1] == std::tuple{2, "agreement",
                                   "The two countries decided to expand information sharing on "
                                   "cyber threats.",
                                   "Japan:subject, United States:subject"});
  CHECK(std::get<2>(extracted[3]) ==
        "Both sides welcomed the progress of the Cyber Defense Policy Working Group.");

  // Edit #2: type, actors with roles, and the span as the fragment a user types.
  Json edited = f.Json({"commitment", "edit", "2", "--type", "pledge", "--actors",
                        "Japan:subject,United States:counterpart", "--text-span",
                        "expand information sharing on cyber threats", "--json"});
  CHECK(edited["origin"] == "manual");
  CHECK(edited["type"] == "pledge");
  CHECK(edited["strength"] == "political");
  CHECK(edited["text"] == "expand information sharing on cyber threats");
  CHECK(edited["span"] == Json::array({29, 72}));
  CHECK(Changes(edited["history"]) ==
        std::vector<std::string>{
            "edit type: agreement -> pledge",
            "edit actors: United States:subject, Japan:subject -> Japan:subject, United "
            "States:counterpart",
            "edit span: The two countries decided to expand information sharing on cyber "
            "threats. -> expand information sharing on cyber threats"});
  for (const auto& h : edited["history"]) {
    CHECK(h["user"] == CurrentUser());
    CHECK(std::regex_match(h["recorded_at"].get<std::string>(),
                           std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  }

  // Delete #4 (kept as rejected) and add one extraction missed in paragraph 7.
  Json rejected = f.Json({"commitment", "delete", "4", "--json"});
  CHECK(rejected["rejected"] == true);
  CHECK(Changes(rejected["history"]) ==
        std::vector<std::string>{
            "reject -: Both sides welcomed the progress of the Cyber Defense Policy Working "
            "Group. -> "});
  Json added = f.Json({"commitment", "add", "--paragraph", std::to_string(f.ParagraphId("7")),
                       "--span", "exchanged views on deterrence in cyberspace", "--type",
                       "recognition", "--actors", "Japan,U.S.", "--json"});
  CHECK(added["id"] == 7);
  CHECK(added["origin"] == "manual");
  CHECK(added["paragraph_label"] == "7");

  const std::vector<std::tuple<int, std::string, std::string, std::string>> corrected = {
      extracted[0],
      {2, "pledge", "expand information sharing on cyber threats",
       "Japan:subject, United States:counterpart"},
      extracted[2],
      extracted[4],
      extracted[5],
      {7, "recognition", "exchanged views on deterrence in cyberspace",
       "Japan:subject, United States:subject"}};
  CHECK(f.Commitments() == corrected);

  // The index follows: the corrected commitment is found by its new type, the rejected one is
  // gone.
  auto commitment_hits = [&](const std::string& query) {
    std::vector<int> ids;
    const Json found = f.Json({"search", query, "--json"});
    for (const auto& hit : found["hits"]) {
      if (hit["kind"] == "commitment") ids.push_back(hit["item_id"]);
    }
    return ids;
  };
  CHECK(commitment_hits("type:pledge AND expand") == std::vector<int>{2});
  CHECK(commitment_hits("type:agreement AND expand").empty());
  CHECK(commitment_hits("welcomed").empty());

  // The same file again: unchanged, and so are the corrections.
  f.ImportAgain();
  CHECK(f.Commitments() == corrected);

  // A revised file: paragraphs 1, 2, 4 and 7 are extracted again, the corrections win.
  f.Revise();
  const auto revised = f.Commitments();
  REQUIRE(revised.size() == 6);
  CHECK(std::get<2>(revised[0]) ==
        "Japan and the United States affirmed that they will cooperate closely on cyber "
        "incident response in 2018.");  // extracted again (a new id)
  CHECK(revised[1] == corrected[1]);  // same id, type, actors and span: not the extracted one
  CHECK(revised[2] == corrected[2]);
  CHECK(revised[3] == corrected[3]);
  CHECK(revised[4] == corrected[4]);
  CHECK(revised[5] == corrected[5]);
  for (const auto& c : revised) {
    CHECK_THAT(std::get<2>(c), !Catch::Contains("welcomed the progress"));  // stays rejected
  }
  Json two = f.Json({"commitment", "show", "2", "--json"});
  CHECK(two["origin"] == "manual");
  CHECK(two["paragraph_label"] == "2");
  CHECK(two["history"].size() == 3);
  Json four = f.Json({"commitment", "show", "4", "--json"});
  CHECK(four["rejected"] == true);
  CHECK(f.Json({"commitment", "show", "7", "--json"})["text"] ==
        "exchanged views on deterrence in cyberspace");

  // The history: on the record, on the document, and as a whole, in text.
  CliRun history = f.Run({"history", "commitment:2"});
  INFO(history.err);
  REQUIRE(history.exit_code == 0);
  CHECK_THAT(history.out, Catch::Contains("  " + CurrentUser() +
                                          "  commitment #2  type: agreement -> pledge\n"));
  CliRun show = f.Run({"show", "1"});
  CHECK_THAT(show.out, Catch::Contains("\nCorrections:\n") &&
                           Catch::Contains("commitment #4  deleted (rejected): Both sides") &&
                           Catch::Contains("commitment #7  added: exchanged views"));
  CHECK(f.Json({"history", "document:1", "--json"}).size() == 5);
  CHECK(commitment_hits("type:pledge AND expand") == std::vector<int>{2});
  CHECK(commitment_hits("welcomed").empty());
  CHECK(f.Run({"check"}).exit_code == 0);
}

TEST_CASE(
    "Corrections: merged and renamed actors stay so, and a revision's extraction resolves the "
    "old names to them",
    "[cli][corrections]") {
  Library f;
  Json merged = f.Json({"actor", "merge", "CISA", "US-CERT", "--json"});
  CHECK(merged["name"] == "Cybersecurity and Infrastructure Security Agency");
  CHECK_THAT(merged["aliases"].dump(),
             Catch::Contains("\"US-CERT\"") &&
                 Catch::Contains("\"United States Computer Emergency Readiness Team\""));
  Json renamed = f.Json({"actor", "rename", "Japan", "Government of Japan", "--json"});
  CHECK(renamed["name"] == "Government of Japan");
  CHECK_THAT(renamed["aliases"].dump(), Catch::Contains("\"Japan\"") &&
                                          !Catch::Contains("\"Government of Japan\""));

  auto check = [&] {
    const auto commitments = f.Commitments();
    REQUIRE(commitments.size() == 6);
    CHECK(std::get<3>(commitments[4]) ==
          "Cybersecurity and Infrastructure Security Agency:subject, National Center of "
          "Incident Readiness and Strategy for Cybersecurity:counterpart");
    CHECK(std::get<3>(commitments[2]) == "Government of Japan:subject");
    CHECK(std::get<3>(commitments[0]) == "Government of Japan:subject, United States:subject");
    // The old names name the corrected actors; no actor of the old name came back.
    CHECK(f.Json({"commitments", "--actor", "US-CERT", "--json"}).size() == 2);
    CHECK(f.Json({"commitments", "--actor", "Japan", "--json"}).size() == 4);
    CHECK(f.Json({"stats", "--json"})["actors"] == 6);
  };
  check();
  f.Revise();  // paragraph 1 names Japan again, extracted anew
  check();
  // The index knows the new name: paragraphs 1-5 and their commitments (5 through NISC, an
  // agency of Japan), old and re-extracted alike.
  const Json search = f.Json({"search", "actor:\"Government of Japan\"", "--json"});
  std::set<std::string> hits;
  for (const auto& hit : search["hits"]) {
    hits.insert(hit["kind"].get<std::string>() + " " + hit["label"].get<std::string>());
  }
  CHECK(hits == std::set<std::string>{"commitment 1", "commitment 2", "commitment 3",
                                      "commitment 4", "commitment 5", "paragraph 1",
                                      "paragraph 2", "paragraph 3", "paragraph 4", "paragraph 5"});

  CHECK(Changes(f.Json({"history", "actor:CISA", "--json"})) ==
        std::vector<std::string>{"merge -: United States Computer Emergency Readiness Team -> "
                                 "Cybersecurity and Infrastructure Security Agency"});
  CHECK(Changes(f.Json({"history", "actor:Japan", "--json"})) ==
        std::vector<std::string>{"rename name: Japan -> Government of Japan"});
  CliRun taken = f.Run({"actor", "rename", "CISA", "United States"});
  CHECK(taken.exit_code == 1);
  CHECK(taken.err ==
        "normtrack: Another actor is already called 'United States'; 'normtrack actor merge' "
        "makes the two one actor.\n");
  CliRun same = f.Run({"actor", "merge", "CISA", "US-CERT"});
  CHECK(same.exit_code == 1);
  CHECK_THAT(same.err, Catch::Contains("are already one actor"));
}

TEST_CASE(
    "Corrections: document metadata and dialogues corrected by hand win over a revision, "
    "impossible dates are refused naming --date, search shows the corrections",
    "[cli][corrections]") {
  Library f;
  CliRun bad = f.Run({"document", "edit", "1", "--date", "2017-02-30"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err ==
        "normtrack: The date given with --date, '2017-02-30', is not a date: write a real day "
        "as YYYY-MM-DD (or YYYY-MM, YYYY when only that is known).\n");
  CliRun kind = f.Run({"document", "edit", "1", "--kind", "memo"});
  CHECK(kind.exit_code == 1);
  CHECK_THAT(kind.err, Catch::StartsWith("normtrack: The kind given with --kind, 'memo'"));
  CHECK(f.Run({"document", "edit", "1"}).exit_code == 1);

  Json edited = f.Json({"document", "edit", "1", "--title", "Cyber Dialogue Outcome Memorandum",
                        "--date", "2017-07-24", "--kind", "agreement", "--json"});
  CHECK(edited["title"] == "Cyber Dialogue Outcome Memorandum");
  Json renamed = f.Json({"dialogue", "rename", "U.S.-Japan Cyber Dialogue",
                         "Japan-U.S. Bilateral Cyber Dialogue", "--json"});
  CHECK(renamed["name"] == "Japan-U.S. Bilateral Cyber Dialogue");

  // A second document whose dialogue extraction named apart: merged into the first.
  const auto sixth = f.dir.Write(
      "sixth.txt",
      "Joint Statement of the Sixth Japan-U.S. Cybersecurity Dialogue\n\nWashington, D.C., "
      "August 1, 2018\n\n1. Japan and the United States decided to hold regular exercises.\n");
  REQUIRE(f.Run({"import", "-q", sixth.string()}).exit_code == 0);
  REQUIRE(f.Json({"dialogues", "--json"}).size() == 2);
  Json merged = f.Json({"dialogue", "merge", "Japan-U.S. Bilateral Cyber Dialogue",
                        "Japan-U.S. Cybersecurity Dialogue", "--json"});
  CHECK(merged["id"] == renamed["id"]);

  auto check = [&] {
    Json shown = f.Json({"show", "1", "--json"});
    CHECK(shown["title"] == "Cyber Dialogue Outcome Memorandum");
    CHECK(shown["date"] == "2017-07-24");
    CHECK(shown["kind"] == "agreement");
    CHECK(shown["dialogue"]["name"] == "Japan-U.S. Bilateral Cyber Dialogue");
    CHECK(shown["round"]["number"] == 5);
    CHECK(Changes(shown["history"]) ==
          std::vector<std::string>{
              "edit title: Joint Statement of the Fifth Japan-U.S. Cyber Dialogue -> Cyber "
              "Dialogue Outcome Memorandum",
              "edit date: 2017-07-21 -> 2017-07-24", "edit kind: statement -> agreement"});
    Json dialogues = f.Json({"dialogues", "--json"});
    REQUIRE(dialogues.size() == 1);
    CHECK(dialogues[0]["name"] == "Japan-U.S. Bilateral Cyber Dialogue");
    REQUIRE(dialogues[0]["rounds"].size() == 2);
    CHECK(dialogues[0]["rounds"][1]["number"] == 6);
    // The merged dialogue's spelling names the one it joined.
    CHECK(f.Json({"commitments", "--dialogue", "Japan-U.S. Cybersecurity Dialogue", "--round",
                  "6", "--json"})
              .size() == 1);
    Json hits = f.Json({"search", "title:memorandum", "--json"})["hits"];
    REQUIRE(hits.size() >= 1);
    CHECK(hits[0]["document_title"] == "Cyber Dialogue Outcome Memorandum");
    CHECK(hits[0]["document_kind"] == "agreement");
  };
  check();
  f.ImportAgain();
  check();
  f.Revise();
  check();

  // Moving the document to another round, then a revision.
  Json moved = f.Json({"document", "edit", "1", "--round", "4", "--json"});
  CHECK(moved["round_id"] != nullptr);
  f.dir.Write("statement.txt", std::string(kStatement));
  REQUIRE(f.Run({"import", "-q", f.file.string()}).exit_code == 0);
  CHECK(f.Json({"show", "1", "--json"})["round"]["number"] == 4);
}

TEST_CASE("Corrections: mistakes are usage errors in one sentence", "[cli][corrections]") {
  Library f;
  auto usage = [&](std::vector<std::string> args, const std::string& error) {
    CliRun run = f.Run(args);
    INFO(args[0] << " " << args[1]);
    CHECK(run.exit_code == 1);
    CHECK(run.err == "normtrack: " + error + "\n");
  };
  usage({"commitment", "show", "99"}, "There is no commitment #99.");
  usage({"commitment", "edit", "2"}, "Nothing to change: give --type, --actors or --text-span.");
  usage({"commitment", "edit", "2", "--actors", "Japan:leader"},
        "In --actors, 'leader' is not a role: write subject, counterpart or addressee after the "
        "name (\"Japan:subject\").");
  usage({"commitment", "edit", "2", "--actors", "Atlantis"},
        "No actor is called 'Atlantis' in this library or the gazetteer.");
  usage({"commitment", "edit", "2", "--text-span", "share cyber threats"},
        "Paragraph #2 does not contain 'share cyber threats': give the words exactly as the "
        "paragraph has them ('normtrack show DOC' prints it).");
  usage({"commitment", "add", "--paragraph", "99", "--span", "x"}, "There is no paragraph #99.");
  usage({"actor", "merge", "CISA", "Atlantis"}, "No actor is called 'Atlantis' in this library.");
  usage({"history", "norm:13(f)"},
        "'norm:13(f)' names no record with a history: write document:DOC, commitment:ID, "
        "actor:NAME or dialogue:NAME.");
  REQUIRE(f.Run({"commitment", "delete", "4"}).exit_code == 0);
  usage({"commitment", "delete", "4"}, "Commitment #4 is already deleted (rejected).");
  usage({"commitment", "edit", "4", "--type", "pledge"},
        "Commitment #4 was deleted (rejected) on " +
            f.Json({"commitment", "show", "4", "--json"})["rejected_at"].get<std::string>().substr(
                0, 10) +
            ".");
  usage({"document", "edit", "1", "--round", "0"}, "A round (--round) is a number from 1.");
  Json detached = f.Json({"document", "edit", "1", "--dialogue", "", "--json"});
  CHECK(detached["dialogue_id"] == nullptr);
  CHECK(detached["round_id"] == nullptr);
  usage({"document", "edit", "1", "--round", "3"},
        "A round is a round of a dialogue, and the document has none: give --dialogue too.");
  // A dialogue the library does not know is made, with the round asked for.
  f.Json({"document", "edit", "1", "--dialogue", "Japan-Australia Cyber Policy Dialogue",
          "--round", "2", "--json"});
  Json shown = f.Json({"show", "1", "--json"});
  CHECK(shown["dialogue"]["name"] == "Japan-Australia Cyber Policy Dialogue");
  CHECK(shown["round"]["number"] == 2);
  CHECK(Changes(f.Json({"history", "document:1", "--json"})) ==
        std::vector<std::string>{
            "reject -: Both sides welcomed the progress of the Cyber Defense Policy Working "
            "Group. -> ",
            "edit dialogue: Japan-U.S. Cyber Dialogue -> (none)",
            "edit round: 5 -> (none)",
            "edit dialogue: (none) -> Japan-Australia Cyber Policy Dialogue",
            "edit round: (none) -> 2"});
  // Offsets work where the words are hard to type.
  Json offsets = f.Json({"commitment", "edit", "3", "--text-span", "0:10", "--json"});
  CHECK(offsets["text"] == "Japan will");
  CHECK(f.Json({"history", "--json"}).size() == 6);
}

TEST_CASE(
    "Import of a revision: a changed paragraph is extracted again even when its new row gets "
    "the id of a deleted paragraph",
    "[cli][corrections]") {
  Library f;
  // Paragraph 7 (the last row) and paragraph 1 change: paragraph 1's new row gets id 7.
  std::string text(kStatement);
  text.replace(text.find("incident response."), 18, "incident response in 2018.");
  text.replace(text.find("in cyberspace."), 14, "in cyberspace and elsewhere.");
  f.dir.Write("statement.txt", text);
  REQUIRE(f.Run({"import", "-q", f.file.string()}).exit_code == 0);
  REQUIRE(f.ParagraphId("1") == 7);
  const auto commitments = f.Commitments();
  REQUIRE(commitments.size() == 6);
  CHECK(std::get<2>(commitments[0]) ==
        "Japan and the United States affirmed that they will cooperate closely on cyber "
        "incident response in 2018.");
}
