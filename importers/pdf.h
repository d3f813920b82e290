#pragma once
// PDF through poppler-cpp's text layer. Words are grouped into lines and lines into pages
// (page_text.h); running headers, footers and footnotes are removed, line-end hyphenation is
// repaired and paragraphs are rebuilt from vertical gaps. The pages then go to the layout that
// fits the text: a UN report's (un_report.h) when the first page has a UN masthead, else the
// shared statement layout (statement_layout.h). Paragraphs carry their 1-based page.
//
// Poppler reports problems through a global callback that prints to stderr by default; the
// importer installs a silent one once, because a damaged file is an Error value here, not noise.

#include "importers/importer.h"

namespace nt::importers {

class PdfImporter final : public Importer {
 public:
  std::string_view Name() const override { return "pdf"; }
  std::string_view Version() const override { return "1"; }
  // 100 when the file starts with a "%PDF-" header (within its first 1024 bytes, as readers
  // allow), 0 otherwise.
  int Confidence(const SourceFile& file) const override;
  // Errors: kParse naming the file when poppler cannot open it (damaged, truncated, not a PDF)
  // or it has no text layer (a scan); kUnsupported when it is password-protected.
  Result<ImportedDocument> Read(const SourceFile& file) const override;
};

}  // namespace nt::importers
