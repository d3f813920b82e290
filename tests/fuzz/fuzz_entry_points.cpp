#include "fuzz/fuzz_entry_points.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/text.h"
#include "extract/document_extractor.h"
#include "extract/gazetteer.h"
#include "extract/norm_catalogue.h"
#include "importers/registry.h"
#include "importers/text_decoding.h"

namespace nt::fuzz {
namespace {

using importers::Importer;
using importers::Registry;
using importers::SourceFile;

// No extension, so the extension never breaks a tie and only the content decides.
constexpr std::string_view kInputName = "fuzz-input";

[[noreturn]] void Abort(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz invariant broken: %.*s: %.*s\n", static_cast<int>(what.size()),
               what.data(), static_cast<int>(detail.size()), detail.data());
  std::abort();
}

void CheckUtf8(std::string_view what, std::string_view text) {
  if (auto offset = FindInvalidUtf8(text)) {
    Abort(what, "invalid UTF-8 at byte " + std::to_string(*offset));
  }
}

const Registry& BuiltinRegistry() {
  static const Registry registry = Registry::WithBuiltinFormats();
  return registry;
}

// Loaded once from the repository's corpus/, as the application loads its bundled copy.
const extract::Gazetteer& CorpusGazetteer() {
  static const extract::Gazetteer gazetteer = [] {
    auto loaded = extract::LoadGazetteer(std::filesystem::path(NORMTRACK_FUZZ_SOURCE_DIR) /
                                         "corpus" / "actors.tsv");
    if (!loaded) Abort("loading the gazetteer", loaded.error().message);
    return std::move(*loaded);
  }();
  return gazetteer;
}

const extract::NormCatalogue& CorpusNorms() {
  static const extract::NormCatalogue catalogue = [] {
    auto loaded = extract::LoadNormCatalogue(std::filesystem::path(NORMTRACK_FUZZ_SOURCE_DIR) /
                                             "corpus" / "norms.tsv");
    if (!loaded) Abort("loading the norms catalogue", loaded.error().message);
    return std::move(*loaded);
  }();
  return catalogue;
}

SourceFile MakeSourceFile(std::string_view bytes) {
  return SourceFile{std::filesystem::path(kInputName), std::string(bytes)};
}

void ReadWith(const Importer& importer, std::string_view bytes) {
  SourceFile file = MakeSourceFile(bytes);
  int confidence = importer.Confidence(file);
  if (confidence < 0 || confidence > 100) {
    Abort("Confidence", "out of 0..100: " + std::to_string(confidence));
  }
  auto document = importer.Read(file);
  if (document) CheckImportedDocument(*document);
}

void ReadWithRegistry(std::string_view bytes) {
  auto read = BuiltinRegistry().Read(MakeSourceFile(bytes));
  if (read) CheckImportedDocument(read->document);
}

void DecodeText(std::string_view bytes) {
  importers::LooksLikeText(bytes);
  auto decoded = importers::DecodeTextWithEncoding(MakeSourceFile(bytes));
  if (!decoded) return;
  CheckUtf8("decoded text", decoded->text);
  if (decoded->text.find('\r') != std::string::npos) Abort("decoded text", "a CR survived");
  // No check for a leading U+FEFF: after the byte-order mark is removed, a second one is a
  // character of the text (ZERO WIDTH NO-BREAK SPACE), as Unicode says (fuzz-regressions/
  // text_decoding/double-bom.txt).
}

// A document shaped as the text importers shape one, without their layout rules, so that
// extraction sees text the importers would never produce too: the first line is the title,
// blocks between blank lines are paragraphs, a block starting with '#' is a heading for the
// blocks after it, one starting with '~' is boilerplate.
ImportedDocument DocumentFromText(std::string_view text) {
  ImportedDocument document;
  document.title = CollapseWhitespace(text.substr(0, text.find('\n')));
  std::vector<std::string> heading_path;
  std::size_t start = 0;
  int line = 1;
  while (start <= text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view block = text.substr(start, end - start);
    std::string collapsed = CollapseWhitespace(block);
    if (collapsed.starts_with('#')) {
      heading_path = {CollapseWhitespace(collapsed.substr(1))};
    } else if (!collapsed.empty()) {
      ImportedParagraph paragraph;
      paragraph.is_boilerplate = collapsed.starts_with('~');
      paragraph.text = std::move(collapsed);
      paragraph.heading_path = heading_path;
      paragraph.source_line = line;
      document.paragraphs.push_back(std::move(paragraph));
    }
    for (char c : block) line += c == '\n' ? 1 : 0;
    line += 2;
    start = end + 2;
  }
  return document;
}

void CheckSpan(std::string_view what, const ImportedDocument& document, int paragraph_index,
               int begin, int end) {
  if (paragraph_index < 0 ||
      paragraph_index >= static_cast<int>(document.paragraphs.size())) {
    Abort(what, "paragraph index " + std::to_string(paragraph_index) + " out of range");
  }
  const std::string& text = document.paragraphs[static_cast<std::size_t>(paragraph_index)].text;
  if (begin < 0 || begin > end || end > static_cast<int>(text.size())) {
    Abort(what, "span " + std::to_string(begin) + ".." + std::to_string(end) +
                    " outside a paragraph of " + std::to_string(text.size()) + " bytes");
  }
}

void CheckActorIndex(std::string_view what, int index) {
  if (index < 0 || index >= CorpusGazetteer().size()) {
    Abort(what, "actor index " + std::to_string(index) + " out of range");
  }
}

void Extract(std::string_view bytes) {
  auto text = importers::DecodeText(MakeSourceFile(bytes));
  if (!text) return;
  ImportedDocument document = DocumentFromText(*text);
  auto extraction = extract::ExtractDocument(document, CorpusGazetteer(), CorpusNorms());
  if (!extraction) return;
  for (const auto& commitment : extraction->commitments) {
    CheckSpan("commitment", document, commitment.paragraph_index, commitment.span_begin,
              commitment.span_end);
    CheckUtf8("commitment text", commitment.text);
    for (const auto& actor : commitment.actors) CheckActorIndex("commitment", actor.actor_index);
  }
  for (const auto& reference : extraction->norm_references) {
    CheckSpan("norm reference", document, reference.paragraph_index, reference.span_begin,
              reference.span_end);
  }
  for (int index : extraction->actors_mentioned) CheckActorIndex("actors mentioned", index);
  for (int index : extraction->parties) CheckActorIndex("parties", index);
  if (extraction->dialogue) CheckUtf8("dialogue name", extraction->dialogue->name);
}

}  // namespace

std::vector<FuzzTarget> AllTargets() {
  std::vector<FuzzTarget> targets;
  for (const auto& importer : BuiltinRegistry().importers()) {
    const Importer* reader = importer.get();
    targets.push_back({std::string(reader->Name()),
                       [reader](std::string_view bytes) { ReadWith(*reader, bytes); }});
  }
  targets.push_back({"registry", &ReadWithRegistry});
  targets.push_back({"text_decoding", &DecodeText});
  targets.push_back({"extraction", &Extract});
  return targets;
}

Result<FuzzTarget> FindTarget(std::string_view name) {
  std::vector<FuzzTarget> targets = AllTargets();
  std::vector<std::string> names;
  for (FuzzTarget& target : targets) {
    if (target.name == name) return std::move(target);
    names.push_back(target.name);
  }
  return Fail(ErrorCode::kNotFound, "There is no fuzz target " + Quoted(std::string(name)) +
                                        "; the targets are " + Join(names, ", ") + ".");
}

void CheckImportedDocument(const ImportedDocument& document) {
  CheckUtf8("title", document.title);
  CheckUtf8("symbol", document.symbol);
  CheckUtf8("date", document.date);
  CheckUtf8("place", document.place);
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    CheckUtf8("paragraph label", paragraph.label);
    CheckUtf8("paragraph text", paragraph.text);
    for (const std::string& heading : paragraph.heading_path) CheckUtf8("heading", heading);
    if (paragraph.text.find_first_of("\r\n") != std::string::npos) {
      Abort("paragraph text", "a line break survived normalisation");
    }
  }
  for (const ImportedActorMention& actor : document.actors) CheckUtf8("actor", actor.name);
  for (const auto& [key, value] : document.metadata) CheckUtf8("metadata " + key, value);
  for (const std::string& warning : document.warnings) CheckUtf8("warning", warning);
}

}  // namespace nt::fuzz
