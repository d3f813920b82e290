#include "importers/registry.h"

#include "core/file_io.h"
#include "core/sha256.h"
#include "core/text.h"
#include "importers/agreement.h"
#include "importers/akoma_ntoso.h"
#include "importers/html.h"
#include "importers/markdown.h"
#include "importers/pdf.h"
#include "importers/plain_text.h"
#include "importers/un_report.h"

namespace nt::importers {

Registry Registry::WithBuiltinFormats() {
  Registry registry;
  // One line per format: adding a format is adding its file and its line here.
  registry.Add(std::make_unique<PlainTextImporter>());
  registry.Add(std::make_unique<MarkdownImporter>());
  registry.Add(std::make_unique<AkomaNtosoImporter>());
  registry.Add(std::make_unique<HtmlImporter>());
  registry.Add(std::make_unique<PdfImporter>());
  registry.Add(std::make_unique<UnReportImporter>());
  registry.Add(std::make_unique<AgreementImporter>());
  return registry;
}

void Registry::Add(std::unique_ptr<Importer> importer) {
  importers_.push_back(std::move(importer));
}

const Importer* Registry::Choose(const SourceFile& file) const {
  const Importer* best = nullptr;
  int best_confidence = 0;
  for (const auto& importer : importers_) {
    int confidence = importer->Confidence(file);
    if (confidence > best_confidence) {
      best = importer.get();
      best_confidence = confidence;
    }
  }
  return best;
}

namespace {

// Whatever the format let through, no control character reaches the library: stored text is
// printed to terminals and shown in the reader (text.h, RemoveControlCharacters).
void CleanControlCharacters(ImportedDocument& document) {
  auto clean = [](std::string& text) { text = nt::RemoveControlCharacters(text); };
  for (std::string* field : {&document.title, &document.symbol, &document.date, &document.place,
                             &document.language}) {
    clean(*field);
  }
  for (ImportedParagraph& paragraph : document.paragraphs) {
    clean(paragraph.label);
    clean(paragraph.text);
    for (std::string& heading : paragraph.heading_path) clean(heading);
  }
  for (ImportedActorMention& actor : document.actors) {
    clean(actor.name);
    clean(actor.kind);
    clean(actor.role);
  }
  for (auto& [key, value] : document.metadata) clean(value);
  for (std::string& warning : document.warnings) clean(warning);
}

}  // namespace

Result<ReadDocument> Registry::Read(const SourceFile& file) const {
  if (file.bytes.empty()) {
    return Fail(ErrorCode::kParse, "File " + Quoted(file.DisplayName()) + " is empty.");
  }
  const Importer* importer = Choose(file);
  if (!importer) {
    return Fail(ErrorCode::kUnsupported,
                "File " + Quoted(file.DisplayName()) +
                    " is not in a format NormTrack can import (it reads Markdown, plain text, "
                    "HTML, PDF and Akoma Ntoso XML).");
  }
  auto document = importer->Read(file);
  if (!document) return Fail(document.error());
  CleanControlCharacters(*document);
  if (document->paragraphs.empty()) {
    return Fail(ErrorCode::kParse,
                "File " + Quoted(file.DisplayName()) + " has no paragraphs to import.");
  }
  return ReadDocument{std::move(*document), std::string(importer->Name()),
                      std::string(importer->Version()), Sha256Hex(file.bytes)};
}

Result<ReadDocument> Registry::ReadFile(const std::filesystem::path& path) const {
  auto bytes = ReadFileBytes(path, kMaxDocumentBytes);
  if (!bytes) return Fail(bytes.error());
  return Read(SourceFile{path, std::move(*bytes)});
}

}  // namespace nt::importers
