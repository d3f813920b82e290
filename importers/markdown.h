#pragma once
// Markdown (CommonMark with pipe tables), including Markdown saved as .txt, as web pages and
// press releases often are when copied from a browser. Parsed with md4c's SAX callbacks; the
// blocks then go through the shared statement layout (statement_layout.h), so printed labels,
// datelines, sub-headings, page-break rejoins and boilerplate work as in plain text.

#include "importers/importer.h"

namespace nt::importers {

class MarkdownImporter final : public Importer {
 public:
  std::string_view Name() const override { return "markdown"; }
  std::string_view Version() const override { return "1"; }
  // Judged on Markdown syntax in the text (headings, emphasis, links, rules, fenced code); the
  // .md extension adds to it. A .txt with headings and emphasis beats the plain-text importer;
  // numbered paragraphs alone do not (plain statements have them too).
  int Confidence(const SourceFile& file) const override;
  // Errors: those of DecodeText (text_decoding.h); kParse when md4c gives up.
  Result<ImportedDocument> Read(const SourceFile& file) const override;
};

}  // namespace nt::importers
