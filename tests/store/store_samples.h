#pragma once
// Documents and paragraphs for the store tests: valid rows with nothing to extract.

#include <string>
#include <vector>

#include "core/document.h"

namespace nt::test {

inline Document SampleDocument(std::string title) {
  Document d;
  d.kind = DocumentKind::kStatement;
  d.title = std::move(title);
  d.sha256 = std::string(64, 'a');
  d.importer = "test";
  d.importer_version = "1";
  d.imported_at = "2026-01-01T00:00:00Z";
  return d;
}

inline std::vector<Paragraph> SampleParagraphs(int n) {
  std::vector<Paragraph> paragraphs;
  for (int i = 1; i <= n; ++i) {
    Paragraph p;
    p.label = std::to_string(i);
    p.text = "Paragraph number " + std::to_string(i) + ".";
    paragraphs.push_back(p);
  }
  return paragraphs;
}

}  // namespace nt::test
