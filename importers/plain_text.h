#pragma once
// Plain text: paragraphs are blocks separated by blank lines. The shared statement layout
// (statement_layout.h) finds the title line, the dateline, printed labels ("1.", "(2)", "a.",
// "13 (a)"), headings and page-break splits, exactly as for Markdown.

#include "importers/importer.h"

namespace nt::importers {

class PlainTextImporter final : public Importer {
 public:
  std::string_view Name() const override { return "plain_text"; }
  std::string_view Version() const override { return "2"; }
  // Any text can be read as plain text, so this is a floor that formats which know the file
  // better (Markdown, HTML) beat on content: 30 for .txt, 15 for other text, 0 for binary.
  int Confidence(const SourceFile& file) const override;
  // Errors: those of DecodeText (text_decoding.h).
  Result<ImportedDocument> Read(const SourceFile& file) const override;
};

}  // namespace nt::importers
