#include <catch2/catch.hpp>

#include "app/internal/import_service.h"
#include "app/internal/library.h"
#include "app/internal/reference_data.h"
#include "store/follow_up_repository.h"
#include "store/norm_repository.h"
#include "extracting_library.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::app;

namespace {

struct Fixture : test::ExtractingLibrary {
  std::vector<std::string> Names(const CommitmentView& view, ActorRole role) {
    std::vector<std::string> names;
    for (const auto& actor : view.actors) {
      if (actor.role == role) names.push_back(actor.name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }
};

}  // namespace

TEST_CASE("Import pipeline: the joint statement is round 5 of the Japan-U.S. Cyber Dialogue",
          "[app]") {
  Fixture f;
  ImportReport report = f.Import({test::JointStatementPath()});
  CHECK(report.files[0].commitments == 24);
  CHECK(report.files[0].unknown_acronyms == std::vector<std::string>{"IoT", "AIS"});

  auto view = f.library->ShowDocument("Joint Statement");
  REQUIRE(view);
  REQUIRE(view->dialogue);
  CHECK(view->dialogue->name == "Japan-U.S. Cyber Dialogue");
  REQUIRE(view->round);
  CHECK(view->round->number == 5);
  CHECK(view->round->start_date == "2017-07-20");
  CHECK(view->round->end_date == "2017-07-21");
  CHECK(view->round->place == "Tokyo");
}

TEST_CASE("Import pipeline: commitments keep their labels, types, cues and actor roles",
          "[app]") {
  Fixture f;
  f.Import({test::JointStatementPath()});
  auto commitments = f.library->ListCommitments({.document = "Joint Statement"});
  REQUIRE(commitments);
  REQUIRE(commitments->size() == 24);

  auto find = [&](const std::string& label, const std::string& cue) -> const CommitmentView& {
    for (const auto& view : *commitments) {
      if (view.row.paragraph_label == label && view.row.commitment.cue == cue) return view;
    }
    FAIL("no commitment " << cue << " in " << label);
    throw std::logic_error("unreachable");
  };
  const auto& nisc = find("7(1)", "will");
  CHECK(nisc.row.commitment.type == CommitmentType::kPledge);
  CHECK(f.Names(nisc, ActorRole::kSubject) ==
        std::vector<std::string>{"National Center of Incident Readiness and Strategy for Cybersecurity"});
  CHECK(f.Names(nisc, ActorRole::kCounterpart) ==
        std::vector<std::string>{"U.S. Department of Homeland Security"});
  const std::string& text = nisc.row.commitment.text;
  CHECK_THAT(text, Catch::Contains("will join the U.S. Department of Homeland Security"));

  const auto& agreed = find("7(2)c", "agreed to");
  CHECK(agreed.row.commitment.type == CommitmentType::kAgreement);
  CHECK(f.Names(agreed, ActorRole::kSubject) == std::vector<std::string>{"Japan", "United States"});
  const auto& intend = find("7(3)c", "intend to");
  CHECK(intend.row.commitment.type == CommitmentType::kIntention);
  CHECK(intend.row.commitment.strength == CommitmentStrength::kAspirational);
  CHECK(find("6", "welcomed").row.commitment.type == CommitmentType::kWelcome);
  CHECK(find("8", "affirmed their determination to").row.commitment.type ==
        CommitmentType::kPledge);

  auto by_actor = f.library->ListCommitments({.actor = "DHS"});
  REQUIRE(by_actor);
  CHECK(by_actor->size() == 3);  // 7(1) join AIS, 7(2)a METI-DHS training, 7(2)b Olympics
  auto intentions = f.library->ListCommitments({.type = CommitmentType::kIntention});
  REQUIRE(intentions);
  CHECK(intentions->size() == 2);
  CHECK(f.library->ListCommitments({.actor = "Narnia"}).error().code == ErrorCode::kNotFound);
}

TEST_CASE("Import pipeline: spellings of one dialogue merge, rounds in passing and "
          "intersessional meetings are recorded faithfully",
          "[app]") {
  Fixture f;
  const auto fixtures = test::FixturesDir() / "app" / "dialogue";
  f.Import({test::JointStatementPath(), fixtures});
  auto dialogues = f.library->ListDialogues();
  REQUIRE(dialogues);
  const DialogueView* cyber = nullptr;
  for (const auto& view : *dialogues) {
    if (view.dialogue.name.find("Cyber Dialogue") != std::string::npos &&
        view.dialogue.name.find("Japan") != std::string::npos &&
        view.dialogue.name.find("India") == std::string::npos) {
      REQUIRE(cyber == nullptr);  // one dialogue, whatever the spelling
      cyber = &view;
    }
  }
  REQUIRE(cyber != nullptr);
  std::vector<int> numbers;
  for (const auto& round : cyber->rounds) {
    if (round.round.number) numbers.push_back(*round.round.number);
  }
  CHECK(numbers == std::vector<int>{5, 6, 7});
  REQUIRE(cyber->rounds.size() >= 3);
  CHECK(cyber->rounds[0].documents.size() == 1);
  CHECK(cyber->rounds[1].round.place == "Washington, DC");
  CHECK(cyber->rounds[1].documents.size() == 1);
  CHECK(cyber->rounds[2].documents.empty());  // the seventh, only announced
  REQUIRE(cyber->unnumbered_documents.size() + (cyber->rounds.size() - 3) >= 1);
  bool intersessional_found = false;
  for (const auto& round : cyber->rounds) {
    for (const auto& doc : round.documents) {
      if (doc.title.find("intersessional") != std::string::npos) {
        CHECK_FALSE(round.round.number.has_value());
        intersessional_found = true;
      }
    }
  }
  for (const auto& doc : cyber->unnumbered_documents) {
    if (doc.title.find("intersessional") != std::string::npos) intersessional_found = true;
  }
  CHECK(intersessional_found);
}

TEST_CASE("Import pipeline: a revision keeps commitments and follow-ups of unchanged paragraphs",
          "[app]") {
  Fixture f;
  test::TempDir inputs;
  const std::string original =
      "# Joint Statement of the Second Japan-Estonia Cyber Dialogue\n\nTokyo\nMay 5, 2020\n\n"
      "1. Japan and Estonia will deepen cooperation on cyber exercises.\n\n"
      "2. Japan and Estonia intend to exchange views on capacity building.\n";
  auto path = inputs.Write("estonia.md", original);
  ImportReport first = f.Import({path});
  REQUIRE(first.files[0].commitments == 2);
  auto before = f.library->ListCommitments({.document = "Estonia"}).value();
  REQUIRE(before.size() == 2);

  store::FollowUpRepository follow_ups(f.library->database());
  FollowUp follow_up;
  follow_up.title = "Joint exercise held";
  follow_up.commitment_ids = {before[0].row.commitment.id};
  REQUIRE(follow_ups.Insert(follow_up, FollowUpEvent{}));

  inputs.Write("estonia.md", original + "\n3. Japan and Estonia agreed to meet again in 2021.\n");
  ImportReport second = f.Import({path});
  REQUIRE(second.files[0].outcome == ImportOutcome::kRevised);
  auto after = f.library->ListCommitments({.document = "Estonia"}).value();
  REQUIRE(after.size() == 3);
  // The report counts the revised document's commitments, the kept ones included.
  CHECK(second.files[0].commitments == 3);
  CHECK(after[0].row.commitment.id == before[0].row.commitment.id);
  CHECK(after[1].row.commitment.id == before[1].row.commitment.id);
  CHECK(after[2].row.commitment.type == CommitmentType::kAgreement);
  auto kept = follow_ups.Get(follow_up.id);
  REQUIRE(kept);
  CHECK(kept->commitment_ids == std::vector<CommitmentId>{before[0].row.commitment.id});
}

TEST_CASE("ReferenceData: a broken gazetteer is reported with its file and line", "[app]") {
  test::TempDir dir;
  dir.Write("actors.tsv", "Japan\tstate\n Broken\tagncy\n");
  dir.Write("norms.tsv", "");
  auto loaded = ReferenceData::Load(dir.path());
  REQUIRE_FALSE(loaded);
  CHECK_THAT(loaded.error().message, Catch::Contains("actors.tsv") && Catch::Contains("2"));
}

TEST_CASE("Import pipeline: the 2015 GGE report's paragraph 13 fills the norms catalogue",
          "[app]") {
  Fixture f;
  f.Import({test::FixturesDir() / "importers" / "un_report" / "a_70_174_gge_2015.txt"});
  store::NormRepository norms(f.library->database());
  auto list = norms.List();
  REQUIRE(list);
  REQUIRE(list->size() == 11);
  CHECK(list->front().code == "13(a)");
  CHECK(list->back().code == "13(k)");
  for (const Norm& norm : *list) {
    INFO(norm.code);
    CHECK(norm.source_symbol == "A/70/174");
    CHECK_FALSE(norm.short_title.empty());
    CHECK(norm.description.size() > 40);  // the report's own sentence for the norm
  }
  auto view = f.library->ShowDocument("A/70/174");
  REQUIRE(view);
  for (const auto& paragraph : view->paragraphs) {
    if (paragraph.label == "13(f)") {
      CHECK(norms.FindByCode("13(f)").value()->description == paragraph.text);
    }
  }
  // A later document does not erase the descriptions.
  f.Import({test::JointStatementPath()});
  CHECK(norms.FindByCode("13(f)").value()->description.size() > 40);
}
