#include <catch2/catch.hpp>
#include <set>

#include "app/internal/automatic_links.h"
#include "app/internal/follow_up_service.h"
#include "app/internal/import_service.h"
#include "app/internal/library.h"
#include "app/internal/link_service.h"
#include "app/internal/reference_data.h"
#include "core/text.h"
#include "extracting_library.h"
#include "store/link_repository.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::app;

namespace {

struct Fixture : test::ExtractingLibrary {
  std::int64_t FirstCommitment() {
    auto commitments = library->ListCommitments({.document = "Joint Statement"});
    REQUIRE(commitments);
    REQUIRE_FALSE(commitments->empty());
    return commitments->front().row.commitment.id.value;
  }
  // The corpus's joint statement (fifth round, 2017) and a copy of the sixth round's (2018);
  // returns the copy's path.
  std::filesystem::path ImportFifthAndSixthRounds() {
    const auto sixth = dir.Write(
        "sixth.md",
        test::ReadAll(test::FixturesDir() / "app/dialogue/sixth-us-japan-cyber-dialogue-2018.md"));
    Import({test::JointStatementPath(), sixth});
    return sixth;
  }
  std::vector<Link> Links(std::string_view type) {
    auto all = store::LinkRepository(library->database()).List();
    REQUIRE(all);
    std::vector<Link> found;
    for (const Link& link : *all) {
      if (link.type == type) found.push_back(link);
    }
    return found;
  }
};

}  // namespace

TEST_CASE("FollowUpService: add checks its input and names what is wrong", "[app]") {
  Fixture f;
  f.Import({test::JointStatementPath()});
  FollowUpService service(*f.library);
  FollowUpInput input;
  input.title = "Join AIS";
  input.commitment_ids = {f.FirstCommitment()};

  auto no_title = input;
  no_title.title = "  ";
  CHECK(service.Add(no_title).error().code == ErrorCode::kUsage);
  auto no_commitment = input;
  no_commitment.commitment_ids.clear();
  CHECK(service.Add(no_commitment).error().code == ErrorCode::kUsage);
  auto unknown_commitment = input;
  unknown_commitment.commitment_ids = {999999};
  CHECK(service.Add(unknown_commitment).error().code == ErrorCode::kNotFound);
  auto unknown_owner = input;
  unknown_owner.owner = "Atlantis";
  auto failed = service.Add(unknown_owner);
  REQUIRE_FALSE(failed);
  CHECK_THAT(failed.error().message, Catch::Contains("Atlantis"));
  auto bad_date = input;
  bad_date.due_date = "next spring";
  CHECK(service.Add(bad_date).error().code == ErrorCode::kUsage);
  auto bad_evidence = input;
  bad_evidence.evidence_paragraph = 999999;
  CHECK(service.Add(bad_evidence).error().code == ErrorCode::kNotFound);

  auto added = service.Add(input);
  REQUIRE(added);
  CHECK(added->follow_up.status == FollowUpStatus::kPlanned);
  REQUIRE(added->history.size() == 1);
  auto list = service.List();
  REQUIRE(list);
  CHECK(list->size() == 1);
}

TEST_CASE("FollowUpService: edits change fields, never the history, status changes append",
          "[app]") {
  Fixture f;
  f.Import({test::JointStatementPath()});
  FollowUpService service(*f.library);
  FollowUpInput input;
  input.title = "Training";
  input.commitment_ids = {f.FirstCommitment()};
  input.date = "2017-09-01";
  auto added = service.Add(input);
  REQUIRE(added);
  const std::int64_t id = added->follow_up.id.value;

  FollowUpEdit edit;
  edit.title = "Joint ICS training";
  edit.owner = "METI";
  edit.due_date = "2018-06-30";
  edit.add_commitments = {f.FirstCommitment() + 1};
  auto edited = service.Edit(id, edit);
  REQUIRE(edited);
  CHECK(edited->follow_up.title == "Joint ICS training");
  CHECK(edited->owner.find("Economy, Trade and Industry") != std::string::npos);
  CHECK(edited->follow_up.commitment_ids.size() == 2);
  CHECK(edited->history.size() == 1);

  REQUIRE(service.ChangeStatus(
      id, {FollowUpStatus::kBlocked, std::nullopt, "2017-12-01", "budget", 0, ""}));
  auto paragraph = f.library->ShowDocument("Joint Statement");
  REQUIRE(paragraph);
  const std::int64_t evidence = paragraph->paragraphs.back().id.value;
  auto done = service.ChangeStatus(
      id, {FollowUpStatus::kDone, Completion::kSubstantial, "2018-05-01", "", evidence, ""});
  REQUIRE(done);
  REQUIRE(done->history.size() == 3);
  CHECK(done->history[1].status == FollowUpStatus::kBlocked);
  CHECK(done->history[1].completion == Completion::kNotStarted);
  CHECK(done->history[2].completion == Completion::kSubstantial);
  CHECK(done->history[2].evidence_paragraph_id.value == evidence);
  CHECK(done->follow_up.status == FollowUpStatus::kDone);

  auto by_status = service.List({FollowUpStatus::kDone, 0, ""});
  REQUIRE(by_status);
  CHECK(by_status->size() == 1);
  auto by_owner = service.List({std::nullopt, 0, "DHS"});
  REQUIRE(by_owner);
  CHECK(by_owner->empty());
  CHECK(service.Show(424242).error().code == ErrorCode::kNotFound);
}

TEST_CASE("FollowUpService: evidence comes from a document dated on or after the commitment's",
          "[app]") {
  Fixture f;
  f.ImportFifthAndSixthRounds();
  auto of_2018 = f.library->ShowDocument("Sixth");
  REQUIRE(of_2018);
  auto of_2017 = f.library->ShowDocument("Joint Statement of the Japan");
  REQUIRE(of_2017);
  auto commitments_2018 = f.library->ListCommitments({.document = "Sixth"});
  REQUIRE(commitments_2018);
  REQUIRE_FALSE(commitments_2018->empty());
  auto commitments_2017 = f.library->ListCommitments({.document = "Joint Statement of the Japan"});
  REQUIRE(commitments_2017);
  REQUIRE_FALSE(commitments_2017->empty());
  const std::int64_t promised_2017 = commitments_2017->front().row.commitment.id.value;
  const std::int64_t promised_2018 = commitments_2018->front().row.commitment.id.value;
  const std::int64_t paragraph_2017 = of_2017->paragraphs.back().id.value;
  const std::int64_t paragraph_2018 = of_2018->paragraphs.back().id.value;

  FollowUpService service(*f.library);
  FollowUpInput input;
  input.title = "Information sharing";
  input.commitment_ids = {promised_2017};
  input.evidence_paragraph = paragraph_2018;  // a year later: fine
  auto added = service.Add(input);
  REQUIRE(added);

  // 2017 cannot show what was done about a 2018 promise.
  input.commitment_ids = {promised_2018};
  input.evidence_paragraph = paragraph_2017;
  auto early = service.Add(input);
  REQUIRE_FALSE(early);
  CHECK(early.error().code == ErrorCode::kUsage);
  CHECK_THAT(early.error().message, Catch::Contains("2017-07") && Catch::Contains("2018-07") &&
                                        Catch::Contains("on or after"));
  input.evidence_paragraph = paragraph_2018;  // the same document: dated the same day
  auto second = service.Add(input);
  REQUIRE(second);
  auto change =
      service.ChangeStatus(second->follow_up.id.value,
                           {FollowUpStatus::kDone, std::nullopt, "", "", paragraph_2017, ""});
  REQUIRE_FALSE(change);
  CHECK(change.error().code == ErrorCode::kUsage);
  auto history = service.Show(second->follow_up.id.value);
  REQUIRE(history);
  CHECK(history->history.size() == 1);

  // Evidence already in a history counts too: a follow-up shown done by a 2017 paragraph
  // cannot take on a 2018 promise afterwards.
  input.commitment_ids = {promised_2017};
  input.evidence_paragraph = paragraph_2017;
  auto same_day = service.Add(input);
  REQUIRE(same_day);
  FollowUpEdit edit;
  edit.add_commitments = {promised_2018};
  auto widened = service.Edit(same_day->follow_up.id.value, edit);
  REQUIRE_FALSE(widened);
  CHECK(widened.error().code == ErrorCode::kUsage);
  CHECK_THAT(widened.error().message, Catch::Contains("on or after"));
  auto unchanged = service.Show(same_day->follow_up.id.value);
  REQUIRE(unchanged);
  CHECK(unchanged->follow_up.commitment_ids.size() == 1);
}

TEST_CASE("LinkService: manual links with inverse names, listing and removal", "[app]") {
  Fixture f;
  f.Import({test::CorpusDocumentsDir()});
  LinkService links(*f.library);
  const std::string commitment = "commitment:" + std::to_string(f.FirstCommitment());

  auto added = links.Add({"document:International Strategy", "implemented_by", commitment, 0.7,
                          "the strategy's information sharing"});
  REQUIRE(added);
  // Stored forward: the commitment implements the strategy.
  CHECK(added->link.source.kind == EntityKind::kCommitment);
  CHECK(added->link.target.kind == EntityKind::kDocument);
  CHECK(added->link.type == "implements");
  CHECK(added->label == "implements");
  CHECK(added->inverse_label == "implemented by");
  CHECK(added->link.origin == Origin::kManual);
  CHECK(added->link.confidence == Approx(0.7));

  auto norm = links.Add({commitment, "relates_to_norm", "norm:13(h)", 1.0, ""});
  REQUIRE(norm);
  CHECK_THAT(norm->target, Catch::Contains("13(h)"));
  CHECK(links.Add({commitment, "relates_to_norm", "actor:NISC", 1.0, ""}).error().code ==
        ErrorCode::kUsage);
  CHECK(links.Add({commitment, "befriends", "actor:NISC", 1.0, ""}).error().code ==
        ErrorCode::kUsage);
  CHECK(links.Add({commitment, "references", commitment, 1.0, ""}).error().code ==
        ErrorCode::kUsage);
  CHECK(links.Add({commitment, "references", "actor:NISC", 1.5, ""}).error().code ==
        ErrorCode::kUsage);
  CHECK(links.Add({"NISC", "references", commitment, 1.0, ""}).error().code == ErrorCode::kUsage);
  CHECK(links.Add({"actor:Atlantis", "references", commitment, 1.0, ""}).error().code ==
        ErrorCode::kNotFound);

  auto of_commitment = links.List({commitment, "", Origin::kManual});
  REQUIRE(of_commitment);
  CHECK(of_commitment->size() == 2);
  REQUIRE(links.Remove(added->link.id.value));
  CHECK(links.Remove(added->link.id.value).error().code == ErrorCode::kNotFound);
  of_commitment = links.List({commitment, "", Origin::kManual});
  REQUIRE(of_commitment);
  CHECK(of_commitment->size() == 1);
}

TEST_CASE(
    "Automatic links: a later round's close wording continues the earlier commitment, "
    "kept in step on re-import",
    "[app]") {
  Fixture f;
  const auto sixth = f.ImportFifthAndSixthRounds();
  auto continues = f.Links("continues");
  REQUIRE_FALSE(continues.empty());
  auto later = f.library->ListCommitments({.document = "Sixth"});
  REQUIRE(later);
  bool from_sixth = false;
  for (const Link& link : continues) {
    CHECK(link.origin == Origin::kExtracted);
    CHECK(link.confidence >= 0.45);
    for (const auto& c : *later) {
      if (c.row.commitment.id.value == link.source.id) from_sixth = true;
    }
  }
  CHECK(from_sixth);

  // The revised statement no longer speaks of information sharing: its link goes.
  std::string text = test::ReadAll(sixth);
  const auto at = text.find("1. The United States");
  REQUIRE(at != std::string::npos);
  text = text.substr(0, at) +
         "1. The United States and Japan agreed to launch a space dialogue.\n\n" +
         text.substr(text.find("2. Both"));
  std::filesystem::remove(sixth);
  f.dir.Write("sixth.md", text);
  f.Import({sixth});
  CHECK(f.Links("continues").size() < continues.size());

  const double threshold = AutomaticLinkOptions().continues_threshold;
  // The fifth round's clause and the sixth's restatement of it (fewer words, another order of
  // the parties' names) ...
  const std::string_view parties = "Japan United States U.S.";
  CHECK(WordingSimilarity("Both countries affirmed that they will further strengthen their "
                          "cybersecurity information sharing to support prevention of and "
                          "response to cyber incidents that may occur.",
                          "The United States and Japan affirmed that they will continue to "
                          "strengthen information sharing on cyber threats.",
                          parties) >= threshold);
  // ... and a clause of the same round on another subject, which shares the framing and a word.
  CHECK(WordingSimilarity("Japan and the United States will continue to enhance cooperation to "
                          "deter and respond to malicious cyber activities, consistent with "
                          "relevant domestic and international law.",
                          "The United States and Japan affirmed that they will continue to "
                          "strengthen information sharing on cyber threats.",
                          parties) < threshold);
  CHECK(WordingSimilarity("agreed to hold the seventh dialogue in Tokyo",
                          "affirmed the applicability of international law") == 0);
}

namespace {

// A statement of the U.S.-Japan Cyber Dialogue shaped like the sixth round's fixture.
std::string DialogueStatement(std::string_view ordinal, std::string_view place,
                              std::string_view date, std::string_view body) {
  return "# Joint Statement on the " + std::string(ordinal) + " U.S.-Japan Cyber Dialogue\n\n" +
         "Media Note\n" + std::string(place) + "\n" + std::string(date) + "\n\n" +
         "The United States and Japan held the " + ToLowerAscii(ordinal) +
         " U.S.-Japan Cyber Dialogue in " + std::string(place) + " on " + std::string(date) +
         ".\n\n" + std::string(body);
}

constexpr std::string_view kSharing =
    "1. The United States and Japan affirmed that they will continue to strengthen information "
    "sharing on cyber threats.\n\n2. Both governments agreed to expand joint exercises on the "
    "protection of critical infrastructure.\n";

}  // namespace

TEST_CASE(
    "Automatic links: only an earlier round of the same dialogue is continued, whichever is "
    "imported first, a round's two statements never continue each other",
    "[app]") {
  Fixture f;
  const auto seventh =
      f.dir.Write("seventh.md", DialogueStatement("Seventh", "Tokyo", "October 3, 2019", kSharing));
  const auto sixth = f.dir.Write(
      "sixth.md", DialogueStatement("Sixth", "Washington, DC", "July 27, 2018", kSharing));
  // The other side's release of the sixth round, with the same wording and another date.
  const auto sixth_tokyo =
      f.dir.Write("sixth-tokyo.md", DialogueStatement("Sixth", "Tokyo", "July 30, 2018", kSharing));
  const DocumentId seventh_id = f.Import({seventh}).files.at(0).document_id;
  f.Import({sixth});
  f.Import({sixth_tokyo});
  // A later statement of another dialogue, in the same words, continues nothing of this one.
  std::string other = DialogueStatement("Eighth", "Canberra", "May 5, 2020", kSharing);
  for (auto at = other.find("U.S.-Japan"); at != std::string::npos; at = other.find("U.S.-Japan")) {
    other.replace(at, 10, "Australia-Japan");
  }
  f.Import({f.dir.Write("australia.md", other)});
  auto dialogues = f.library->ListDialogues();
  REQUIRE(dialogues);
  REQUIRE(dialogues->size() == 2);

  auto all = f.library->ListCommitments();
  REQUIRE(all);
  REQUIRE(all->size() == 8);
  std::set<std::int64_t> in_seventh;
  for (const auto& c : *all) {
    if (c.row.document_id == seventh_id) in_seventh.insert(c.row.commitment.id.value);
  }
  REQUIRE(in_seventh.size() == 2);

  int from_seventh = 0;
  for (const Link& link : f.Links("continues")) {
    INFO(link.source.id << " continues " << link.target.id);
    // Always later -> earlier within the dialogue: never within the sixth round, never
    // towards the seventh, never from the other dialogue.
    CHECK(in_seventh.contains(link.source.id));
    CHECK_FALSE(in_seventh.contains(link.target.id));
    ++from_seventh;
  }
  // Each of the seventh round's two clauses continues the same clause of both sixth-round
  // statements, though both were imported after it.
  CHECK(from_seventh == 4);
}

TEST_CASE(
    "Automatic links: a document citing a symbol references that document, whichever "
    "is imported first",
    "[app]") {
  Fixture f;
  const auto citing =
      f.dir.Write("citing.md",
                  "# Statement on responsible behaviour\n\nMinistry\nTokyo\nMay 1, 2019\n\n"
                  // At the end of a sentence: the full stop is not part of the symbol.
                  "1. Japan will implement the norms of the 2015 report A/70/174.\n\n"
                  "2. Japan will not cite A/70/1745 here.\n");
  f.Import({citing});
  f.Import({test::FixturesDir() / "importers/un_report/a_70_174_gge_2015.txt"});
  auto references = f.Links("references");
  REQUIRE(references.size() == 1);
  auto citing_doc = f.library->FindDocument("responsible behaviour");
  REQUIRE(citing_doc);
  CHECK(references[0].source.id == citing_doc->id.value);
  CHECK(references[0].confidence == 1.0);
  CHECK_THAT(references[0].note, Catch::Contains("A/70/174"));

  // The other order: the report first, then the document citing it.
  Fixture g;
  g.Import({test::FixturesDir() / "importers/un_report/a_70_174_gge_2015.txt"});
  g.Import({g.dir.Write("citing.md", test::ReadAll(citing))});
  auto found = g.Links("references");
  REQUIRE(found.size() == 1);
  CHECK_THAT(found[0].note, Catch::Contains("A/70/174"));
}
