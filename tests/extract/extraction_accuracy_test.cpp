// Measured accuracy of ExtractDocument on labelled documents: precision and recall of
// commitments (paragraph, cue, type, subjects, addressees) per document, failing below 0.9,
// and the exact expected list on the seed joint statement.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/text.h"
#include "extract/corpus_reference.h"
#include "extract/document_extractor.h"
#include "extract/gazetteer.h"
#include "extract/norm_catalogue.h"
#include "support/test_paths.h"
#include "support/temp_dir.h"

using namespace nt;
using namespace nt::extract;

namespace {

std::vector<std::string> BlankLineBlocks(const std::string& text) {
  std::vector<std::string> blocks;
  std::string current;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (TrimView(line).empty()) {
      if (!current.empty()) blocks.push_back(current);
      current.clear();
    } else {
      if (!current.empty()) current += '\n';
      current += line;
    }
  }
  if (!current.empty()) blocks.push_back(current);
  return blocks;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A tiny stand-in for the Markdown importer (written concurrently elsewhere): blank-line
// paragraphs, "N." / "(n) Heading" / "a." labels turned into "7", "7(1)", "7(2)a", and
// paragraphs broken by a stray blank line (no final punctuation) joined again.
ImportedDocument ParseSeedStatement(const std::string& text) {
  ImportedDocument doc;
  doc.kind = DocumentKind::kStatement;
  std::string top, sub;
  bool in_body = false;
  // Numbered items follow each other without blank lines: "1. ...\n2. ...".
  std::vector<std::string> pieces;
  for (const std::string& raw : BlankLineBlocks(text)) {
    std::string current;
    for (const std::string& line : Split(raw, '\n')) {
      std::size_t dot = line.find(". ");
      bool numbered = dot != std::string::npos && IsDigits(std::string_view(line).substr(0, dot));
      if (numbered && !current.empty()) {
        pieces.push_back(current);
        current.clear();
      }
      current += current.empty() ? line : "\n" + line;
    }
    if (!current.empty()) pieces.push_back(current);
  }
  for (const std::string& raw : pieces) {
    std::string block = CollapseWhitespace(raw);
    if (block.starts_with("# ")) {
      doc.title = block.substr(2);
      continue;
    }
    if (block.starts_with("Media Note")) {
      doc.date = "2017-07-24";
      doc.place = "Washington, DC";
      continue;
    }
    if (block == "---" || block.starts_with("**Begin text")) {
      in_body = in_body || block.starts_with("**Begin");
      continue;
    }
    ImportedParagraph paragraph;
    if (block.starts_with("*")) {
      paragraph.is_boilerplate = true;
      paragraph.text = block;
      doc.paragraphs.push_back(paragraph);
      continue;
    }
    std::size_t space = block.find(' ');
    std::string first = block.substr(0, space);
    std::string rest = space == std::string::npos ? "" : block.substr(space + 1);
    if (in_body && first.size() >= 2 && first.back() == '.' &&
        IsDigits(std::string_view(first).substr(0, first.size() - 1))) {
      top = first.substr(0, first.size() - 1);
      sub.clear();
      paragraph.label = top;
      paragraph.text = rest;
    } else if (in_body && first.size() >= 3 && first.front() == '(' && first.back() == ')') {
      sub = first.substr(1, first.size() - 2);  // "(1) Information Sharing": a heading
      continue;
    } else if (in_body && first.size() == 2 && first[1] == '.' && first[0] >= 'a' &&
               first[0] <= 'z') {
      paragraph.label = top + "(" + sub + ")" + first.substr(0, 1);
      paragraph.text = rest;
    } else if (in_body && !doc.paragraphs.empty() && !doc.paragraphs.back().is_boilerplate) {
      std::string& previous = doc.paragraphs.back().text;
      char last = previous.empty() ? '.' : previous.back();
      if (last != '.' && last != ':' && last != ';') {
        previous += ' ' + block;  // a paragraph broken by a stray blank line
        continue;
      }
      paragraph.label = sub.empty() ? top : top + "(" + sub + ")";
      paragraph.text = block;
    } else {
      paragraph.text = block;
    }
    doc.paragraphs.push_back(paragraph);
  }
  return doc;
}

// The fixture format: "key: value" header lines up to "---", then blank-line paragraphs that
// start with "[label] "; "[~]" marks boilerplate.
ImportedDocument ParseFixture(const std::string& text) {
  ImportedDocument doc;
  std::vector<std::string> blocks = BlankLineBlocks(text);
  bool header = true;
  for (const std::string& block : blocks) {
    if (header) {
      std::istringstream in(block);
      std::string line;
      while (std::getline(in, line)) {
        if (line == "---") {
          header = false;
          continue;
        }
        std::size_t colon = line.find(": ");
        if (colon == std::string::npos) continue;
        std::string key = line.substr(0, colon);
        std::string value = line.substr(colon + 2);
        if (key == "title") doc.title = value;
        if (key == "date") doc.date = value;
        if (key == "place") doc.place = value;
        if (key == "kind") doc.kind = ParseDocumentKind(value).value_or(DocumentKind::kOther);
      }
      continue;
    }
    ImportedParagraph paragraph;
    std::string flat = CollapseWhitespace(block);
    if (flat.starts_with("[")) {
      std::size_t close = flat.find("] ");
      paragraph.label = flat.substr(1, close - 1);
      paragraph.text = flat.substr(close + 2);
    } else {
      paragraph.text = flat;
    }
    if (paragraph.label == "~") {
      paragraph.label.clear();
      paragraph.is_boilerplate = true;
    }
    doc.paragraphs.push_back(paragraph);
  }
  return doc;
}

struct Row {
  std::string label, cue, type;
  std::set<std::string> subjects, addressees;
  bool operator==(const Row&) const = default;
};

std::set<std::string> NameSet(const std::string& field) {
  std::set<std::string> names;
  for (const std::string& piece : Split(field, ';')) {
    std::string name = Trim(piece);
    if (!name.empty()) names.insert(name);
  }
  return names;
}

std::vector<Row> ReadExpected(const std::filesystem::path& path) {
  std::vector<Row> rows;
  std::istringstream in(test::ReadAll(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = Split(line, '\t');
    fields.resize(5);
    rows.push_back({fields[0], fields[1], fields[2], NameSet(fields[3]), NameSet(fields[4])});
  }
  return rows;
}

std::vector<Row> Actual(const ImportedDocument& doc, const DocumentExtraction& extraction) {
  std::vector<Row> rows;
  const Gazetteer& gazetteer = test::CorpusGazetteer();
  for (const ExtractedCommitment& c : extraction.commitments) {
    Row row;
    row.label = doc.paragraphs[static_cast<std::size_t>(c.paragraph_index)].label;
    row.cue = ToLowerAscii(c.cue);
    row.type = std::string(ToString(c.type));
    for (const ExtractedActorRef& a : c.actors) {
      const std::string& name = gazetteer.actor(a.actor_index).canonical_name;
      if (a.role == ActorRole::kSubject) row.subjects.insert(name);
      if (a.role == ActorRole::kAddressee) row.addressees.insert(name);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string Describe(const Row& row) {
  return row.label + " | " + row.cue + " | " + row.type + " | " +
         Join(std::vector<std::string>(row.subjects.begin(), row.subjects.end()), "; ") + " | " +
         Join(std::vector<std::string>(row.addressees.begin(), row.addressees.end()), "; ");
}

struct Score {
  double precision = 0, recall = 0;
  int matched = 0, expected = 0, found = 0;
};

// One-to-one matching: a found commitment counts once, against an identical expected row.
Score Measure(const std::vector<Row>& expected, const std::vector<Row>& actual) {
  std::vector<bool> used(actual.size(), false);
  Score score;
  score.expected = static_cast<int>(expected.size());
  score.found = static_cast<int>(actual.size());
  for (const Row& want : expected) {
    for (std::size_t i = 0; i < actual.size(); ++i) {
      if (!used[i] && actual[i] == want) {
        used[i] = true;
        ++score.matched;
        break;
      } 
    }
    bool hit = false;
    for (std::size_t i = 0; i < actual.size(); ++i) hit = hit || (used[i] && actual[i] == want);
    if (!hit) UNSCOPED_INFO("missed: " << Describe(want));
  }
  for (std::size_t i = 0; i < actual.size(); ++i) {
    if (!used[i]) UNSCOPED_INFO("spurious: " << Describe(actual[i]));
  }
  score.precision = score.found == 0 ? 0.0 : double(score.matched) / score.found;
  score.recall = score.expected == 0 ? 0.0 : double(score.matched) / score.expected;
  return score;
}

Score RunFixture(const std::string& stem) {
  auto dir = test::FixturesDir() / "extract";
  ImportedDocument doc = ParseFixture(test::ReadAll(dir / (stem + ".txt")));
  auto extraction = ExtractDocument(doc, test::CorpusGazetteer(), test::CorpusNorms());
  REQUIRE(extraction);
  Score score = Measure(ReadExpected(dir / (stem + ".expected.tsv")), Actual(doc, *extraction));
  std::printf("[extract accuracy] %-40s precision %.3f recall %.3f (%d matched, %d expected, %d found)\n",
              stem.c_str(), score.precision, score.recall, score.matched, score.expected,
              score.found);
  return score;
}

}  // namespace

TEST_CASE("ExtractionAccuracy: joint statement of another dialogue reaches 0.9", "[extract]") {
  Score score = RunFixture("uk-singapore-cyber-dialogue-2019");
  CHECK(score.precision >= 0.9);
  CHECK(score.recall >= 0.9);
}

TEST_CASE("ExtractionAccuracy: UN report recommendations reach 0.9", "[extract]") {
  Score score = RunFixture("oewg-progress-report-2023");
  CHECK(score.precision >= 0.9);
  CHECK(score.recall >= 0.9);
}

TEST_CASE("ExtractionAccuracy: memorandum of understanding obligations reach 0.9", "[extract]") {
  Score score = RunFixture("japan-estonia-cybersecurity-mou-2019");
  CHECK(score.precision >= 0.9);
  CHECK(score.recall >= 0.9);
}

TEST_CASE("ExtractionAccuracy: seed joint statement gives exactly the expected commitments",
          "[extract]") {
  ImportedDocument doc = ParseSeedStatement(test::ReadAll(test::JointStatementPath()));
  auto extraction = ExtractDocument(doc, test::CorpusGazetteer(), test::CorpusNorms());
  REQUIRE(extraction);
  std::vector<Row> expected =
      ReadExpected(test::FixturesDir() / "extract" / "japan-us-cyber-dialogue-2017.expected.tsv");
  std::vector<Row> actual = Actual(doc, *extraction);
  Score score = Measure(expected, actual);
  std::printf("[extract accuracy] %-40s precision %.3f recall %.3f (%d matched, %d expected, %d found)\n",
              "japan-us-cyber-dialogue-2017 (seed)", score.precision, score.recall, score.matched,
              score.expected, score.found);
  CHECK(actual == expected);
}
