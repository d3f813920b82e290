#pragma once
// Plain text: paragraphs are blocks separated by blank lines; the first line is the title.

#include "importers/importer.h"

namespace nt::importers {

class PlainTextImporter final : public Importer {
 public:
  std::string_view Name() const override { return "plain_text"; }
  std::string_view Version() const override { return "1"; }
  int Confidence(const SourceFile& file) const override;
  Result<ImportedDocument> Read(const SourceFile& file) const override;
};

}  // namespace nt::importers
