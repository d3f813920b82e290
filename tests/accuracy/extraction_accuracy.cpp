// extraction_accuracy: how well import and extraction do on the hand-labelled accuracy set
// (tests/fixtures/accuracy/README.md). Imports every document into a fresh library through the
// normal import path (a Workspace, as the CLI does), then compares what was stored with the gold
// labels: commitments (precision, recall, actor attribution, type) and metadata (title, date,
// kind, dialogue, round), per document and overall.
//
//   extraction_accuracy [--set DIR] [--shared DIR] [--misses] [--found]
//                       [--min-precision X] [--min-recall X] [--min-actors X] [--min-metadata X]
//
// Exits 1 when an overall figure is below its floor (the CTest entry sets the floors to what the
// rules reached, so a regression fails the suite), 2 when the set cannot be read.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accuracy/gold_file.h"
#include "app/internal/reference_data.h"
#include "app/workspace.h"
#include "extract/dialogue_finder.h"
#include "support/temp_dir.h"

namespace nt::accuracy {
namespace {

struct Options {
  std::filesystem::path set_dir;
  std::filesystem::path shared_dir;
  bool misses = false;
  bool found = false;
  double min_precision = 0, min_recall = 0, min_actors = 0, min_metadata = 0;
};

struct Counts {
  int gold = 0, found = 0, matched_gold = 0, matched_found = 0, actors_right = 0, type_right = 0;
  void Add(const Counts& other) {
    gold += other.gold;
    found += other.found;
    matched_gold += other.matched_gold;
    matched_found += other.matched_found;
    actors_right += other.actors_right;
    type_right += other.type_right;
  }
};

double Ratio(int part, int whole) { return whole == 0 ? 1.0 : static_cast<double>(part) / whole; }

struct MetadataCheck {
  bool title = false, date = false, kind = false, dialogue = false, round = false;
  bool has_dialogue = false, has_round = false;  // the gold names one, or the import found one
};

struct DocumentScore {
  std::string name;
  Counts counts;
  MetadataCheck metadata;
  std::vector<std::string> misses;  // for --misses
  std::vector<std::string> found;   // for --found: every commitment found, as scored
  std::string failure;              // the import failed
};

std::string Join(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : "; ") + name;
  return out.empty() ? "-" : out;
}

// The actors a commitment binds, as the gold's SUBJECTS name them: its subjects, except in a
// recommendation with addressees, which binds the actors it asks to act ("States should",
// "Calls upon Member States to"), not its author (docs/extraction.md, "Who a recommendation
// binds").
std::set<std::string> BoundActors(const app::CommitmentView& commitment) {
  std::set<std::string> subjects;
  std::set<std::string> addressees;
  for (const app::NamedActor& actor : commitment.actors) {
    if (actor.role == ActorRole::kSubject) subjects.insert(actor.name);
    if (actor.role == ActorRole::kAddressee) addressees.insert(actor.name);
  }
  const bool recommendation = commitment.row.commitment.type == CommitmentType::kRecommendation;
  return recommendation && !addressees.empty() ? addressees : subjects;
}

std::string DialogueKey(const std::string& name, const extract::Gazetteer& gazetteer) {
  std::string key = extract::DialogueKeyOf(name, gazetteer);
  return key.empty() ? Folded(name) : key;
}

DocumentScore Score(app::Workspace& workspace, const GoldDocument& gold,
                    const app::FileImportResult& imported, const extract::Gazetteer& gazetteer) {
  DocumentScore score;
  score.name = gold.name;
  score.counts.gold = static_cast<int>(gold.commitments.size());
  if (imported.outcome == app::ImportOutcome::kFailed) {
    score.failure = imported.error ? imported.error->message : "import failed";
    return score;
  }
  const std::string id = std::to_string(imported.document_id.value);
  auto view = workspace.ShowDocument(id);
  auto commitments = workspace.ListCommitments({.document = id});
  if (!view || !commitments) {
    score.failure = !view ? view.error().message : commitments.error().message;
    return score;
  }
  // Metadata.
  const Document& document = view->document;
  score.metadata.title = Folded(document.title) == Folded(gold.title);
  score.metadata.date = document.date == gold.date.value_or("");
  score.metadata.kind = ToString(document.kind) == gold.kind;
  const std::string found_dialogue = view->dialogue ? view->dialogue->name : "";
  score.metadata.has_dialogue = gold.dialogue.has_value() || !found_dialogue.empty();
  score.metadata.dialogue =
      gold.dialogue ? (!found_dialogue.empty() &&
                       DialogueKey(found_dialogue, gazetteer) == DialogueKey(*gold.dialogue, gazetteer))
                    : found_dialogue.empty();
  // 0: no numbered round (the gold's "-").
  const int found_round = view->round ? view->round->number.value_or(0) : 0;
  score.metadata.has_round = gold.round.has_value() || found_round > 0;
  score.metadata.round = found_round == gold.round.value_or(0);
  if (score.misses.empty()) {
    auto note = [&](bool ok, const std::string& what, const std::string& found,
                    const std::string& want) {
      if (!ok) score.misses.push_back(what + ": found '" + found + "', want '" + want + "'");
    };
    note(score.metadata.title, "title", document.title, gold.title);
    note(score.metadata.date, "date", document.date, gold.date.value_or("-"));
    note(score.metadata.kind, "kind", std::string(ToString(document.kind)), gold.kind);
    note(score.metadata.dialogue, "dialogue", found_dialogue, gold.dialogue.value_or("-"));
    note(score.metadata.round, "round", found_round > 0 ? std::to_string(found_round) : "-",
         gold.round ? std::to_string(*gold.round) : "-");
  }

  // The scored paragraphs: all, or the labelled part.
  int scope_begin = 0;
  int scope_end = 1 << 30;
  auto first_holding = [&](const std::string& text, int after) -> std::optional<int> {
    const std::string wanted = Folded(text);
    for (const Paragraph& paragraph : view->paragraphs) {
      if (paragraph.ordinal >= after && Folded(paragraph.text).find(wanted) != std::string::npos) {
        return paragraph.ordinal;
      }
    }
    return std::nullopt;
  };
  if (!gold.scope_from.empty()) {
    auto from = first_holding(gold.scope_from, 0);
    if (!from) score.misses.push_back("scope: no paragraph holds '" + gold.scope_from + "'");
    scope_begin = from.value_or(scope_end);
  }
  if (!gold.scope_until.empty()) {
    scope_end = first_holding(gold.scope_until, scope_begin).value_or(scope_end);
  }
  std::vector<const app::CommitmentView*> found;
  for (const app::CommitmentView& commitment : *commitments) {
    const int ordinal = commitment.row.paragraph_ordinal;
    if (ordinal >= scope_begin && ordinal < scope_end) found.push_back(&commitment);
  }
  score.counts.found = static_cast<int>(found.size());
  std::vector<bool> used(found.size(), false);
  for (const GoldCommitment& want : gold.commitments) {
    const std::string fragment = Folded(want.fragment);
    std::size_t match = found.size();
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (!used[i] && Folded(found[i]->row.commitment.text).find(fragment) != std::string::npos) {
        match = i;
        break;
      }
    }
    if (match == found.size()) {
      score.misses.push_back("missed (line " + std::to_string(want.line) + "): " + want.fragment +
                             "  [" + want.type + "; " + Join(want.subjects) + "]");
      continue;
    }
    used[match] = true;
    ++score.counts.matched_gold;
    const app::CommitmentView& got = *found[match];
    const std::set<std::string> subjects = BoundActors(got);
    const std::string type(ToString(got.row.commitment.type));
    if (subjects == want.subjects) {
      ++score.counts.actors_right;
    } else {
      score.misses.push_back("actors (line " + std::to_string(want.line) + "): found " +
                             Join(subjects) + ", want " + Join(want.subjects));
    }
    if (type == want.type) {
      ++score.counts.type_right;
    } else {
      score.misses.push_back("type (line " + std::to_string(want.line) + "): found " + type +
                             ", want " + want.type);
    }
  }
  for (const app::CommitmentView* c : found) {
    score.found.push_back(std::string(ToString(c->row.commitment.type)) + " [" +
                          Join(BoundActors(*c)) + "] " + c->row.commitment.text.substr(0, 160));
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (used[i]) continue;
    score.misses.push_back("not in the gold: " + found[i]->row.commitment.text.substr(0, 100));
  }
  score.counts.matched_found = score.counts.matched_gold;
  return score;
}

const char* Mark(bool ok, bool applies = true) { return !applies ? "  " : ok ? "ok" : "--"; }

int Run(const Options& options) {
  std::vector<GoldDocument> golds;
  const auto gold_dir = options.set_dir / "gold";
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(gold_dir, ec)) {
    if (entry.path().string().ends_with(".gold.tsv")) files.push_back(entry.path());
  }
  if (ec || files.empty()) {
    std::fprintf(stderr, "extraction_accuracy: no gold files in %s\n", gold_dir.string().c_str());
    return 2;
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto gold = ReadGoldFile(file);
    if (!gold) {
      std::fprintf(stderr, "extraction_accuracy: %s\n", gold.error().message.c_str());
      return 2;
    }
    golds.push_back(std::move(*gold));
  }
  auto reference = app::ReferenceData::Shipped();
  if (!reference) {
    std::fprintf(stderr, "extraction_accuracy: %s\n", reference.error().message.c_str());
    return 2;
  }

  test::TempDir home;
  auto workspace = app::Workspace::Open({.home = app::Home::InFolder(home.path() / "library"),
                                         .create_if_missing = true});
  if (!workspace) {
    std::fprintf(stderr, "extraction_accuracy: %s\n", workspace.error().message.c_str());
    return 2;
  }
  std::vector<std::filesystem::path> sources;
  for (const GoldDocument& gold : golds) {
    sources.push_back(SourcePath(gold, options.set_dir, options.shared_dir));
  }
  auto report = (*workspace)->Import(sources).Wait();
  if (!report) {
    std::fprintf(stderr, "extraction_accuracy: %s\n", report.error().message.c_str());
    return 2;
  }
  std::map<std::filesystem::path, const app::FileImportResult*> by_path;
  for (const app::FileImportResult& file : report->files) by_path[file.path] = &file;

  std::printf("Extraction accuracy on %zu labelled documents (%s)\n\n", golds.size(),
              options.set_dir.string().c_str());
  std::printf("%-46s %4s %5s %5s %6s %6s %6s %5s  %-5s %-4s %-4s %-4s %-5s\n", "DOCUMENT", "GOLD",
              "FOUND", "MATCH", "PREC", "RECALL", "ACTORS", "TYPE", "TITLE", "DATE", "KIND",
              "DIAL", "ROUND");
  Counts total;
  int titles = 0, dates = 0, kinds = 0, dialogues = 0, dialogue_docs = 0, rounds = 0,
      round_docs = 0, all_three = 0;
  for (std::size_t i = 0; i < golds.size(); ++i) {
    const GoldDocument& gold = golds[i];
    auto imported = by_path.find(sources[i]);
    if (imported == by_path.end()) {
      std::fprintf(stderr, "extraction_accuracy: %s was not imported\n", sources[i].string().c_str());
      return 2;
    }
    DocumentScore score = Score(**workspace, gold, *imported->second, (*reference)->gazetteer);
    const Counts& c = score.counts;
    total.Add(c);
    const MetadataCheck& m = score.metadata;
    titles += m.title;
    dates += m.date;
    kinds += m.kind;
    all_three += m.title && m.date && m.kind;
    dialogue_docs += m.has_dialogue;
    dialogues += m.has_dialogue && m.dialogue;
    round_docs += m.has_round;
    rounds += m.has_round && m.round;
    std::printf("%-46.46s %4d %5d %5d %6.2f %6.2f %6.2f %5.2f  %-5s %-4s %-4s %-4s %-5s\n",
                score.name.c_str(), c.gold, c.found, c.matched_gold, Ratio(c.matched_found, c.found),
                Ratio(c.matched_gold, c.gold), Ratio(c.actors_right, c.matched_gold),
                Ratio(c.type_right, c.matched_gold), Mark(m.title), Mark(m.date), Mark(m.kind),
                Mark(m.dialogue, m.has_dialogue), Mark(m.round, m.has_round));
    if (!score.failure.empty()) std::printf("    import failed: %s\n", score.failure.c_str());
    if (options.misses) {
      for (const std::string& miss : score.misses) std::printf("    %s\n", miss.c_str());
    }
    if (options.found) {
      for (const std::string& line : score.found) std::printf("    found: %s\n", line.c_str());
    }
  }
  const int documents = static_cast<int>(golds.size());
  const double precision = Ratio(total.matched_found, total.found);
  const double recall = Ratio(total.matched_gold, total.gold);
  const double actors = Ratio(total.actors_right, total.matched_gold);
  const double metadata = Ratio(all_three, documents);
  std::printf("\nCommitments: precision %.3f (%d of %d found), recall %.3f (%d of %d labelled), "
              "actor attribution %.3f, type %.3f (of %d matched)\n",
              precision, total.matched_found, total.found, recall, total.matched_gold, total.gold,
              actors, Ratio(total.type_right, total.matched_gold), total.matched_gold);
  std::printf("Metadata: title %d/%d, date %d/%d, kind %d/%d, all three right %d/%d (%.0f%%); "
              "dialogue %d/%d, round %d/%d\n",
              titles, documents, dates, documents, kinds, documents, all_three, documents,
              metadata * 100, dialogues, dialogue_docs, rounds, round_docs);

  int status = 0;
  auto floor = [&](const char* what, double value, double minimum) {
    if (value + 1e-9 < minimum) {
      std::printf("BELOW THE FLOOR: %s %.3f < %.3f\n", what, value, minimum);
      status = 1;
    }
  };
  floor("precision", precision, options.min_precision);
  floor("recall", recall, options.min_recall);
  floor("actor attribution", actors, options.min_actors);
  floor("title, date and kind right", metadata, options.min_metadata);
  return status;
}

}  // namespace
}  // namespace nt::accuracy

int main(int argc, char** argv) {
  nt::accuracy::Options options;
  options.set_dir = std::filesystem::path(NORMTRACK_ACCURACY_SET_DIR);
  options.shared_dir = std::filesystem::path(NORMTRACK_ACCURACY_SHARED_DIR);
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "extraction_accuracy: %s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--set") {
      options.set_dir = value();
    } else if (arg == "--shared") {
      options.shared_dir = value();
    } else if (arg == "--misses") {
      options.misses = true;
    } else if (arg == "--found") {
      options.found = true;
    } else if (arg == "--min-precision") {
      options.min_precision = std::atof(value().c_str());
    } else if (arg == "--min-recall") {
      options.min_recall = std::atof(value().c_str());
    } else if (arg == "--min-actors") {
      options.min_actors = std::atof(value().c_str());
    } else if (arg == "--min-metadata") {
      options.min_metadata = std::atof(value().c_str());
    } else {
      std::fprintf(stderr,
                   "usage: extraction_accuracy [--set DIR] [--shared DIR] [--misses] [--found] "
                   "[--min-precision X] [--min-recall X] [--min-actors X] [--min-metadata X]\n");
      return 2;
    }
  }
  return nt::accuracy::Run(options);
}
