#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "store/actor_mention_repository.h"
#include "store/actor_repository.h"
#include "store/commitment_repository.h"
#include "store/database.h"
#include "store/dialogue_repository.h"
#include "store/document_repository.h"
#include "store/follow_up_repository.h"
#include "store/index_outbox_repository.h"
#include "store/link_repository.h"
#include "store/norm_repository.h"
#include "store/saved_search_repository.h"
#include "store/settings_repository.h"
#include "store/statistics.h"
#include "support/temp_dir.h"

using namespace nt;
using namespace nt::store;

namespace {

struct Fixture {
  test::TempDir dir;
  std::unique_ptr<Database> db;

  Fixture() {
    auto opened = Database::Open(dir / "library.sqlite3", {.create_if_missing = true});
    REQUIRE(opened);
    db = std::move(*opened);
  }

  Document AddDocument(const std::string& title, const std::vector<std::string>& texts,
                       const std::string& symbol = "") {
    Document d;
    d.kind = DocumentKind::kUnReport;
    d.title = title;
    d.symbol = symbol;
    d.date = "2015-07-22";
    d.place = "New York";
    d.language = "en";
    d.source_path = "/data/" + title + ".txt";
    d.sha256 = std::string(64, static_cast<char>('a' + title.size() % 26));
    d.importer = "test";
    d.importer_version = "1";
    d.imported_at = "2026-01-01T00:00:00Z";
    std::vector<Paragraph> paragraphs;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      Paragraph p;
      p.label = "13(" + std::string(1, static_cast<char>('a' + i)) + ")";
      p.heading_path = {"III. Norms", "Voluntary norms"};
      p.text = texts[i];
      p.page = static_cast<int>(i) + 4;
      paragraphs.push_back(p);
    }
    REQUIRE(DocumentRepository(*db).Insert(d, paragraphs));
    return d;
  }

  ActorId AddActor(const std::string& name, ActorKind kind, std::vector<ActorAlias> aliases = {},
                   ActorId parent = {}) {
    Actor actor{ActorId(), name, kind, parent, std::move(aliases)};
    REQUIRE(ActorRepository(*db).Insert(actor));
    return actor.id;
  }
};

}  // namespace

TEST_CASE("DocumentRepository: round trip keeps every field and paragraph in order", "[store]") {
  Fixture f;
  Document stored = f.AddDocument("GGE report", {"First norm.", "Second norm.", "Third norm."},
                                   "A/70/174");
  DocumentRepository documents(*f.db);
  auto loaded = documents.Get(stored.id);
  REQUIRE(loaded);
  CHECK(loaded->title == "GGE report");
  CHECK(loaded->kind == DocumentKind::kUnReport);
  CHECK(loaded->symbol == "A/70/174");
  CHECK(loaded->date == "2015-07-22");
  CHECK(loaded->place == "New York");
  CHECK(loaded->revision == 1);
  CHECK(loaded->sha256 == stored.sha256);
  auto paragraphs = documents.Paragraphs(stored.id);
  REQUIRE(paragraphs);
  REQUIRE(paragraphs->size() == 3);
  CHECK((*paragraphs)[0].ordinal == 1);
  CHECK((*paragraphs)[2].ordinal == 3);
  CHECK((*paragraphs)[1].label == "13(b)");
  CHECK((*paragraphs)[1].text == "Second norm.");
  CHECK((*paragraphs)[1].heading_path == std::vector<std::string>{"III. Norms", "Voluntary norms"});
  CHECK((*paragraphs)[1].page == 5);
  CHECK_FALSE((*paragraphs)[1].is_boilerplate);
  CHECK(documents.GetParagraph((*paragraphs)[2].id)->text == "Third norm.");
}

TEST_CASE("DocumentRepository: references resolve by id, symbol, title part, ambiguity is named",
          "[store]") {
  Fixture f;
  Document a = f.AddDocument("Joint Statement of the Japan-U.S. Cyber Dialogue", {"x"});
  Document b = f.AddDocument("International Strategy on Cybersecurity Cooperation", {"y"});
  Document c = f.AddDocument("Report of the Group of Governmental Experts", {"z"}, "A/70/174");
  DocumentRepository documents(*f.db);
  CHECK(documents.Resolve(std::to_string(b.id.value))->id == b.id);
  CHECK(documents.Resolve("#" + std::to_string(a.id.value))->id == a.id);
  CHECK(documents.Resolve("a/70/174")->id == c.id);
  CHECK(documents.Resolve("japan-u.s.")->id == a.id);
  auto ambiguous = documents.Resolve("cyber");
  REQUIRE_FALSE(ambiguous);
  CHECK(ambiguous.error().code == ErrorCode::kAmbiguous);
  CHECK_THAT(ambiguous.error().message, Catch::Contains("2 documents") &&
                                            Catch::Contains("#1") && Catch::Contains("#2"));
  auto missing = documents.Resolve("Budapest");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == ErrorCode::kNotFound);
  CHECK(documents.Resolve("99").error().code == ErrorCode::kNotFound);
}

TEST_CASE("DocumentRepository: listing pages, orders and counts", "[store]") {
  Fixture f;
  f.AddDocument("B doc", {"one", "two"});
  f.AddDocument("A doc", {"one"});
  f.AddDocument("C doc", {"one", "two", "three"});
  DocumentRepository documents(*f.db);
  CHECK(documents.Count().value() == 3);
  auto by_title = documents.List({.order = DocumentOrder::kByTitle});
  REQUIRE(by_title);
  REQUIRE(by_title->size() == 3);
  CHECK((*by_title)[0].document.title == "A doc");
  CHECK((*by_title)[2].paragraph_count == 3);
  auto page = documents.List({.order = DocumentOrder::kById, .offset = 1, .limit = 1});
  REQUIRE(page);
  REQUIRE(page->size() == 1);
  CHECK(page->front().document.title == "A doc");
}

TEST_CASE("DocumentRepository: a new revision keeps unchanged paragraphs and what hangs on them",
          "[store]") {
  Fixture f;
  Document document = f.AddDocument("Statement", {"Kept words.", "Old words.", "Also kept."});
  DocumentRepository documents(*f.db);
  auto before = documents.Paragraphs(document.id).value();
  Commitment commitment;
  commitment.paragraph_id = before[0].id;
  commitment.text = "Kept words.";
  commitment.span_end = 11;
  REQUIRE(CommitmentRepository(*f.db).Insert(commitment));

  std::vector<Paragraph> revised(4);
  revised[0].text = "A new first paragraph.";
  revised[1].text = "Kept words.";
  revised[2].text = "Also kept.";
  revised[3].text = "New words.";
  document.sha256 = std::string(64, 'f');
  auto stored = documents.StoreRevision(document, revised);
  INFO((stored ? std::string() : stored.error().message));
  REQUIRE(stored);
  CHECK(document.revision == 2);

  auto after = documents.Paragraphs(document.id).value();
  REQUIRE(after.size() == 4);
  CHECK(after[1].id == before[0].id);  // moved, same row
  CHECK(after[1].ordinal == 2);
  CHECK(after[2].id == before[2].id);
  CHECK(after[0].id != before[1].id);
  CHECK_FALSE(documents.GetParagraph(before[1].id));  // "Old words." is gone
  CHECK(CommitmentRepository(*f.db).Get(commitment.id)->paragraph_id == before[0].id);
  CHECK(documents.Get(document.id)->sha256 == std::string(64, 'f'));
}

TEST_CASE("DocumentRepository: deleting a document removes its rows and links to them",
          "[store]") {
  Fixture f;
  Document a = f.AddDocument("Doomed", {"p1", "p2"});
  Document b = f.AddDocument("Survivor", {"q1"});
  DocumentRepository documents(*f.db);
  auto paragraph = documents.Paragraphs(a.id).value().front();
  Link link{LinkId(), {EntityKind::kParagraph, paragraph.id.value},
            {EntityKind::kDocument, b.id.value}, "references", Origin::kManual, 1.0, "", ""};
  REQUIRE(LinkRepository(*f.db).Upsert(link));
  REQUIRE(documents.Delete(a.id));
  CHECK(documents.Count().value() == 1);
  CHECK(LinkRepository(*f.db).Count().value() == 0);
  CHECK(ReadStatistics(*f.db)->paragraphs == 1);
  CHECK(documents.Delete(a.id).error().code == ErrorCode::kNotFound);
}

TEST_CASE("ActorRepository: aliases, acronyms and parents round trip", "[store]") {
  Fixture f;
  ActorId japan = f.AddActor("Japan", ActorKind::kState, {{"Government of Japan", false}});
  ActorId nisc = f.AddActor("National Center of Incident Readiness and Strategy for Cybersecurity",
                            ActorKind::kAgency, {{"NISC", true}}, japan);
  ActorRepository actors(*f.db);
  auto loaded = actors.Get(nisc);
  REQUIRE(loaded);
  CHECK(loaded->kind == ActorKind::kAgency);
  CHECK(loaded->parent_id == japan);
  REQUIRE(loaded->aliases.size() == 1);
  CHECK(loaded->aliases[0].text == "NISC");
  CHECK(loaded->aliases[0].is_acronym);
  CHECK(actors.FindByName("NISC").value()->id == nisc);
  CHECK_FALSE(actors.FindByName("nisc").value().has_value());  // acronyms are exact
  CHECK(actors.FindByName("government of japan").value()->id == japan);
  CHECK(actors.FindByName("JAPAN").value()->id == japan);

  Actor duplicate{ActorId(), "Japan", ActorKind::kState, ActorId(), {}};
  auto refused = actors.Insert(duplicate);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == ErrorCode::kConstraint);

  Actor merged{ActorId(), "Japan", ActorKind::kState, ActorId(), {{"JPN", true}}};
  CHECK(actors.Upsert(merged).value() == japan);
  CHECK(actors.Get(japan)->aliases.size() == 2);
  CHECK(actors.Count().value() == 2);
  REQUIRE(actors.Delete(japan));
  CHECK_FALSE(actors.Get(nisc)->parent_id);  // parent cleared, agency kept
}

TEST_CASE("DialogueRepository: dialogues by key, numbered rounds completed, not duplicated",
          "[store]") {
  Fixture f;
  DialogueRepository dialogues(*f.db);
  auto id = dialogues.Upsert({DialogueId(), "Japan-U.S. Cyber Dialogue", "cyber|japan|us"});
  REQUIRE(id);
  CHECK(dialogues.Upsert({DialogueId(), "U.S.-Japan Cyber Dialogue", "cyber|japan|us"}).value() ==
        *id);
  CHECK(dialogues.Get(*id)->name == "Japan-U.S. Cyber Dialogue");
  CHECK(dialogues.Resolve("japan-u.s. cyber")->id == *id);
  CHECK(dialogues.Resolve("Budapest").error().code == ErrorCode::kNotFound);

  Round mention{RoundId(), *id, 6, "", "", ""};
  auto sixth = dialogues.UpsertRound(mention);
  REQUIRE(sixth);
  Round fifth{RoundId(), *id, 5, "2017-07-20", "2017-07-21", "Tokyo"};
  auto fifth_id = dialogues.UpsertRound(fifth);
  REQUIRE(fifth_id);
  Round sixth_details{RoundId(), *id, 6, "2018-07-26", "2018-07-27", "Washington, DC"};
  CHECK(dialogues.UpsertRound(sixth_details).value() == *sixth);
  Round intersessional{RoundId(), *id, std::nullopt, "2018-02-01", "", "Tokyo"};
  REQUIRE(dialogues.UpsertRound(intersessional));
  REQUIRE(dialogues.UpsertRound(intersessional));

  auto rounds = dialogues.Rounds(*id);
  REQUIRE(rounds);
  REQUIRE(rounds->size() == 4);
  CHECK((*rounds)[0].number == 5);
  CHECK((*rounds)[0].place == "Tokyo");
  CHECK((*rounds)[1].number == 6);
  CHECK((*rounds)[1].start_date == "2018-07-26");
  CHECK_FALSE((*rounds)[2].number.has_value());
  CHECK(dialogues.FindRound(*id, 5).value()->end_date == "2017-07-21");
}

TEST_CASE("CommitmentRepository: commitments with actors and roles, filtered", "[store]") {
  Fixture f;
  Document doc = f.AddDocument("Joint statement", {"NISC will join AIS.", "They intend to share."});
  auto paragraphs = DocumentRepository(*f.db).Paragraphs(doc.id).value();
  ActorId nisc = f.AddActor("NISC", ActorKind::kAgency);
  ActorId dhs = f.AddActor("DHS", ActorKind::kAgency);
  CommitmentRepository commitments(*f.db);

  Commitment join;
  join.paragraph_id = paragraphs[0].id;
  join.span_begin = 0;
  join.span_end = 19;
  join.text = "NISC will join AIS.";
  join.cue = "will";
  join.type = CommitmentType::kPledge;
  join.strength = CommitmentStrength::kPolitical;
  join.deadline = "2018";
  join.actors = {{nisc, ActorRole::kSubject}, {dhs, ActorRole::kCounterpart}};
  REQUIRE(commitments.Insert(join));
  Commitment share;
  share.paragraph_id = paragraphs[1].id;
  share.text = "They intend to share.";
  share.span_end = 21;
  share.cue = "intend to";
  share.type = CommitmentType::kIntention;
  share.strength = DefaultStrength(share.type);
  share.origin = Origin::kManual;
  REQUIRE(commitments.Insert(share));

  auto loaded = commitments.Get(join.id);
  REQUIRE(loaded);
  CHECK(loaded->cue == "will");
  CHECK(loaded->deadline == "2018");
  CHECK(loaded->span_end == 19);
  REQUIRE(loaded->actors.size() == 2);
  CHECK(loaded->actors[0] == CommitmentActor{nisc, ActorRole::kSubject});
  CHECK(loaded->actors[1] == CommitmentActor{dhs, ActorRole::kCounterpart});

  auto by_actor = commitments.Find({.actor = dhs});
  REQUIRE(by_actor);
  REQUIRE(by_actor->size() == 1);
  CHECK(by_actor->front().paragraph_label == "13(a)");
  CHECK(by_actor->front().document_title == "Joint statement");
  auto intentions = commitments.Find({.type = CommitmentType::kIntention});
  REQUIRE(intentions->size() == 1);
  CHECK(intentions->front().commitment.origin == Origin::kManual);
  CHECK(intentions->front().commitment.strength == CommitmentStrength::kAspirational);
  CHECK(commitments.Find({.document = doc.id})->size() == 2);
  CHECK(commitments.ForParagraph(paragraphs[0].id)->size() == 1);
  CHECK(commitments.Count().value() == 2);
}

TEST_CASE("NormRepository: the catalogue upserts by code", "[store]") {
  Fixture f;
  NormRepository norms(*f.db);
  auto id = norms.Upsert({NormId(), "13(f)", "Do not damage critical infrastructure", "", "A/70/174"});
  REQUIRE(id);
  CHECK(norms.Upsert({NormId(), "13(f)", "No harm to critical infrastructure", "d", "A/70/174"})
            .value() == *id);
  REQUIRE(norms.Upsert({NormId(), "13(a)", "Cooperate for stability", "", "A/70/174"}));
  auto list = norms.List();
  REQUIRE(list->size() == 2);
  CHECK((*list)[0].code == "13(a)");
  CHECK(norms.FindByCode("13(f)").value()->short_title == "No harm to critical infrastructure");
  CHECK_FALSE(norms.FindByCode("13(z)").value().has_value());
}

TEST_CASE("FollowUpRepository: status history is appended and never rewritten", "[store]") {
  Fixture f;
  Document doc = f.AddDocument("Statement", {"NISC will join AIS."});
  auto paragraph = DocumentRepository(*f.db).Paragraphs(doc.id).value().front();
  Commitment commitment;
  commitment.paragraph_id = paragraph.id;
  commitment.text = paragraph.text;
  REQUIRE(CommitmentRepository(*f.db).Insert(commitment));
  ActorId nisc = f.AddActor("NISC", ActorKind::kAgency);

  FollowUpRepository follow_ups(*f.db);
  FollowUp follow_up;
  follow_up.title = "NISC joins AIS";
  follow_up.commitment_ids = {commitment.id};
  follow_up.owner_actor_id = nisc;
  follow_up.due_date = "2018-03-31";
  FollowUpEvent planned;
  planned.date = "2017-08-01";
  REQUIRE(follow_ups.Insert(follow_up, planned));

  FollowUpEvent progress{FollowUpEventId(), follow_up.id, "2017-12-01",
                         FollowUpStatus::kInProgress, Completion::kLimited, "pilot", ParagraphId(),
                         "NISC press release", ""};
  REQUIRE(follow_ups.AddEvent(progress));
  FollowUpEvent done{FollowUpEventId(), follow_up.id, "2018-02-15", FollowUpStatus::kDone,
                     Completion::kComplete, "", paragraph.id, "", ""};
  REQUIRE(follow_ups.AddEvent(done));

  auto loaded = follow_ups.Get(follow_up.id);
  REQUIRE(loaded);
  CHECK(loaded->status == FollowUpStatus::kDone);
  CHECK(loaded->completion == Completion::kComplete);
  CHECK(loaded->owner_actor_id == nisc);
  CHECK(loaded->commitment_ids == std::vector<CommitmentId>{commitment.id});
  auto history = follow_ups.History(follow_up.id);
  REQUIRE(history);
  REQUIRE(history->size() == 3);
  CHECK((*history)[0].status == FollowUpStatus::kPlanned);
  CHECK((*history)[1].evidence_text == "NISC press release");
  CHECK((*history)[1].completion == Completion::kLimited);
  CHECK((*history)[2].evidence_paragraph_id == paragraph.id);
  CHECK(follow_ups.ForCommitment(commitment.id)->size() == 1);

  // The schema itself refuses to rewrite history, whoever tries.
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open((f.dir / "library.sqlite3").string().c_str(), &raw) == SQLITE_OK);
  int rc = sqlite3_exec(raw, "UPDATE follow_up_events SET status = 'dropped'", nullptr, nullptr,
                        nullptr);
  sqlite3_close(raw);
  CHECK(rc != SQLITE_OK);
  CHECK(follow_ups.History(follow_up.id)->at(2).status == FollowUpStatus::kDone);

  follow_up.title = "NISC joins DHS AIS";
  REQUIRE(follow_ups.Update(follow_up));
  CHECK(follow_ups.Get(follow_up.id)->title == "NISC joins DHS AIS");
  CHECK(follow_ups.History(follow_up.id)->size() == 3);
}

TEST_CASE("LinkRepository: typed links both ways, upserted by their ends and type", "[store]") {
  Fixture f;
  LinkRepository links(*f.db);
  Link link{LinkId(), {EntityKind::kCommitment, 7}, {EntityKind::kNorm, 3}, "relates_to_norm",
            Origin::kExtracted, 0.6, "", ""};
  REQUIRE(links.Upsert(link));
  Link stronger = link;
  stronger.confidence = 0.9;
  stronger.origin = Origin::kManual;
  REQUIRE(links.Upsert(stronger));
  CHECK(stronger.id == link.id);
  CHECK(links.Count().value() == 1);
  auto from = links.From({EntityKind::kCommitment, 7});
  REQUIRE(from->size() == 1);
  CHECK(from->front().confidence == Approx(0.9));
  CHECK(from->front().origin == Origin::kManual);
  CHECK(links.To({EntityKind::kNorm, 3})->size() == 1);
  CHECK(links.To({EntityKind::kNorm, 4})->empty());
  REQUIRE(links.Delete(link.id));
  CHECK(links.List()->empty());
}

TEST_CASE("SavedSearchRepository and SettingsRepository round trip", "[store]") {
  Fixture f;
  SavedSearchRepository searches(*f.db);
  SavedSearch search{SavedSearchId(), "AIS", "actor:NISC AIS", false, "", ""};
  REQUIRE(searches.Save(search));
  SavedSearch watched{SavedSearchId(), "AIS", "actor:NISC \"information sharing\"", true, "", ""};
  REQUIRE(searches.Save(watched));
  CHECK(watched.id == search.id);
  REQUIRE(searches.MarkRun(search.id, "2026-01-02T00:00:00Z"));
  auto found = searches.FindByName("AIS").value();
  REQUIRE(found);
  CHECK(found->is_watch);
  CHECK(found->query == "actor:NISC \"information sharing\"");
  CHECK(found->last_run_at == "2026-01-02T00:00:00Z");
  REQUIRE(searches.Delete(search.id));
  CHECK(searches.List()->empty());

  SettingsRepository settings(*f.db);
  CHECK_FALSE(settings.Get("ui.theme").value().has_value());
  REQUIRE(settings.Set("ui.theme", "dark"));
  REQUIRE(settings.Set("ui.theme", "light"));
  CHECK(settings.Get("ui.theme").value() == "light");
  REQUIRE(settings.Remove("ui.theme"));
  CHECK_FALSE(settings.Get("ui.theme").value().has_value());
}

namespace {

Commitment AddCommitment(Database& db, ParagraphId paragraph, int span_begin,
                         std::vector<CommitmentActor> actors = {}) {
  Commitment c;
  c.paragraph_id = paragraph;
  c.span_begin = span_begin;
  c.span_end = span_begin + 5;
  c.text = "commitment at " + std::to_string(span_begin);
  c.actors = std::move(actors);
  REQUIRE(CommitmentRepository(db).Insert(c));
  return c;
}

}  // namespace

TEST_CASE("CommitmentRepository: a document's commitments in reading order, texts by id",
          "[store]") {
  Fixture f;
  Document doc = f.AddDocument("Statement", {"First.", "Second.", "Third."});
  Document other = f.AddDocument("Other statement", {"Elsewhere."});
  auto paragraphs = DocumentRepository(*f.db).Paragraphs(doc.id).value();
  ActorId japan = f.AddActor("Japan", ActorKind::kState);
  ActorId us = f.AddActor("United States", ActorKind::kState);
  // Inserted out of reading order: the third paragraph first, a later span before an earlier.
  Commitment third = AddCommitment(*f.db, paragraphs[2].id, 0, {{us, ActorRole::kSubject}});
  Commitment late = AddCommitment(*f.db, paragraphs[0].id, 9,
                                  {{us, ActorRole::kCounterpart}, {japan, ActorRole::kSubject}});
  Commitment early = AddCommitment(*f.db, paragraphs[0].id, 1);
  Commitment elsewhere = AddCommitment(
      *f.db, DocumentRepository(*f.db).Paragraphs(other.id).value()[0].id, 0);

  CommitmentRepository commitments(*f.db);
  auto found = commitments.ForDocument(doc.id);
  REQUIRE(found);
  REQUIRE(found->size() == 3);
  CHECK((*found)[0].id == early.id);
  CHECK((*found)[1].id == late.id);
  CHECK((*found)[2].id == third.id);
  CHECK((*found)[0].actors.empty());
  // Actors as Get gives them: subjects first.
  CHECK((*found)[1].actors == commitments.Get(late.id)->actors);
  CHECK((*found)[1].actors.front() == CommitmentActor{japan, ActorRole::kSubject});
  CHECK((*found)[2].actors == std::vector<CommitmentActor>{{us, ActorRole::kSubject}});
  // ForParagraph agrees, paragraph by paragraph.
  CHECK(commitments.ForParagraph(paragraphs[0].id)->size() == 2);
  CHECK(commitments.ForParagraph(paragraphs[0].id)->at(1).actors == (*found)[1].actors);
  CHECK(commitments.ForDocument(DocumentId(999))->empty());

  auto texts = commitments.Texts({third.id, elsewhere.id, CommitmentId(999), third.id});
  REQUIRE(texts);
  CHECK(texts->size() == 2);
  CHECK(texts->at(third.id) == third.text);
  CHECK(texts->at(elsewhere.id) == elsewhere.text);
  CHECK(commitments.Texts({})->empty());

  auto paragraph_texts = DocumentRepository(*f.db).ParagraphTexts(
      {paragraphs[2].id, paragraphs[0].id, ParagraphId(999)});
  REQUIRE(paragraph_texts);
  CHECK(paragraph_texts->size() == 2);
  CHECK(paragraph_texts->at(paragraphs[2].id) == "Third.");
  CHECK(paragraph_texts->at(paragraphs[0].id) == "First.");
}

TEST_CASE("Link and follow-up repositories: a document's norm codes and statuses in one read",
          "[store]") {
  Fixture f;
  Document doc = f.AddDocument("Statement", {"First.", "Second."});
  Document other = f.AddDocument("Other statement", {"Elsewhere."});
  auto paragraphs = DocumentRepository(*f.db).Paragraphs(doc.id).value();
  Commitment a = AddCommitment(*f.db, paragraphs[0].id, 0);
  Commitment b = AddCommitment(*f.db, paragraphs[1].id, 0);
  Commitment elsewhere = AddCommitment(
      *f.db, DocumentRepository(*f.db).Paragraphs(other.id).value()[0].id, 0);
  NormRepository norms(*f.db);
  NormId f13 = norms.Upsert({NormId(), "13(f)", "Critical infrastructure", "", ""}).value();
  NormId a13 = norms.Upsert({NormId(), "13(a)", "Cooperation", "", ""}).value();
  LinkRepository links(*f.db);
  auto link = [&](CommitmentId from, EntityRef to) {
    Link l{LinkId(), {EntityKind::kCommitment, from.value}, to, "relates_to_norm",
           Origin::kExtracted, 1.0, "", ""};
    REQUIRE(links.Upsert(l));
  };
  link(b.id, {EntityKind::kNorm, f13.value});
  link(a.id, {EntityKind::kNorm, f13.value});
  link(a.id, {EntityKind::kNorm, a13.value});
  link(a.id, {EntityKind::kActor, 1});  // not a norm
  link(elsewhere.id, {EntityKind::kNorm, a13.value});
  auto codes = links.NormCodesForDocumentCommitments(doc.id);
  REQUIRE(codes);
  using Code = std::pair<CommitmentId, std::string>;
  CHECK(*codes == std::vector<Code>{{b.id, "13(f)"}, {a.id, "13(f)"}, {a.id, "13(a)"}});

  FollowUpRepository follow_ups(*f.db);
  auto follow = [&](std::vector<CommitmentId> on, FollowUpStatus latest) {
    FollowUp follow_up;
    follow_up.title = "Follow-up";
    follow_up.commitment_ids = std::move(on);
    FollowUpEvent planned;
    planned.date = "2017-08-01";
    REQUIRE(follow_ups.Insert(follow_up, planned));
    if (latest != FollowUpStatus::kPlanned) {
      FollowUpEvent event{FollowUpEventId(), follow_up.id, "2018-01-01", latest,
                          Completion::kLimited, "", ParagraphId(), "", ""};
      REQUIRE(follow_ups.AddEvent(event));
    }
  };
  follow({a.id, b.id}, FollowUpStatus::kDone);
  follow({a.id}, FollowUpStatus::kPlanned);
  follow({elsewhere.id}, FollowUpStatus::kBlocked);
  auto statuses = follow_ups.StatusesForDocument(doc.id);
  REQUIRE(statuses);
  using Status = std::pair<CommitmentId, FollowUpStatus>;
  CHECK(*statuses == std::vector<Status>{{a.id, FollowUpStatus::kDone},
                                         {a.id, FollowUpStatus::kPlanned},
                                         {b.id, FollowUpStatus::kDone}});
  // The order ForCommitment gives.
  auto of_a = follow_ups.ForCommitment(a.id).value();
  REQUIRE(of_a.size() == 2);
  CHECK(of_a[0].status == FollowUpStatus::kDone);
  CHECK(of_a[1].status == FollowUpStatus::kPlanned);
}

TEST_CASE("ActorMentionRepository: mentions per paragraph, scanned or never scanned", "[store]") {
  Fixture f;
  Document doc = f.AddDocument("Statement", {"Japan and METI.", "Nobody.", "METI again."});
  Document unscanned = f.AddDocument("Old statement", {"Japan."});
  auto paragraphs = DocumentRepository(*f.db).Paragraphs(doc.id).value();
  ActorId japan = f.AddActor("Japan", ActorKind::kState);
  ActorId meti = f.AddActor("METI", ActorKind::kAgency, {}, japan);
  ActorId nisc = f.AddActor("NISC", ActorKind::kAgency, {}, japan);
  ActorId us = f.AddActor("United States", ActorKind::kState);
  ActorMentionRepository mentions(*f.db);

  CHECK_FALSE(mentions.ForDocument(unscanned.id).value().has_value());
  REQUIRE(mentions.Record(doc.id, {}));
  auto none = mentions.ForDocument(doc.id);
  REQUIRE(none);
  REQUIRE(none->has_value());  // scanned, naming no one: not the same as never scanned
  CHECK((*none)->empty());

  // Stored in the order given, returned by paragraph ordinal.
  REQUIRE(mentions.Record(doc.id, {{paragraphs[2].id, {meti}},
                                   {paragraphs[0].id, {meti, japan}}}));
  auto recorded = mentions.ForDocument(doc.id).value();
  REQUIRE(recorded);
  REQUIRE(recorded->size() == 2);
  CHECK((*recorded)[0].paragraph == paragraphs[0].id);
  CHECK((*recorded)[0].actors == std::vector<ActorId>{meti, japan});
  CHECK((*recorded)[1].paragraph == paragraphs[2].id);
  CHECK((*recorded)[1].actors == std::vector<ActorId>{meti});

  // The names of every actor the document involves, with their parents, by id.
  AddCommitment(*f.db, paragraphs[1].id, 0, {{nisc, ActorRole::kSubject}});
  auto names = ActorRepository(*f.db).NamesForDocument(doc.id);
  REQUIRE(names);
  REQUIRE(names->size() == 3);
  CHECK((*names)[0].id == japan);
  CHECK((*names)[0].canonical_name == "Japan");
  CHECK_FALSE((*names)[0].parent_id);
  CHECK((*names)[1].id == meti);
  CHECK((*names)[1].parent_id == japan);
  CHECK((*names)[2].id == nisc);
  CHECK(ActorRepository(*f.db).NamesForDocument(unscanned.id)->empty());

  // Recording again replaces; deleting an actor drops its mentions and queues the documents
  // that named it for the index.
  REQUIRE(mentions.Record(doc.id, {{paragraphs[0].id, {us, meti}}}));
  CHECK(mentions.ForDocument(doc.id).value()->size() == 1);
  IndexOutboxRepository outbox(*f.db);
  REQUIRE(outbox.Clear(outbox.Pending().value()));
  REQUIRE(outbox.Count().value() == 0);
  REQUIRE(ActorRepository(*f.db).Delete(us));
  auto queued = outbox.Pending().value();
  REQUIRE(queued.size() == 1);
  CHECK(queued.front().document_id == doc.id);
  CHECK(mentions.ForDocument(doc.id).value()->front().actors == std::vector<ActorId>{meti});

  // Deleting the document removes its scan and mentions with it.
  REQUIRE(DocumentRepository(*f.db).Delete(doc.id));
  CHECK_FALSE(mentions.ForDocument(doc.id).value().has_value());
}
