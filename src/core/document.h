#pragma once
// A document and its paragraphs, as stored. Optional text fields are empty when unknown.

#include <optional>
#include <string>
#include <vector>

#include "core/enum_names.h"
#include "core/ids.h"

namespace nt {

enum class DocumentKind { kStatement, kUnReport, kAgreement, kResolution, kOther };

inline constexpr EnumNames<DocumentKind, 5> kDocumentKindNames{{
    {DocumentKind::kStatement, "statement"},
    {DocumentKind::kUnReport, "un_report"},
    {DocumentKind::kAgreement, "agreement"},
    {DocumentKind::kResolution, "resolution"},
    {DocumentKind::kOther, "other"},
}};
constexpr std::string_view ToString(DocumentKind kind) { return NameOf(kDocumentKindNames, kind); }
constexpr std::optional<DocumentKind> ParseDocumentKind(std::string_view name) {
  return ValueOf(kDocumentKindNames, name);
}

struct Document {
  DocumentId id;
  DocumentKind kind = DocumentKind::kOther;
  std::string title;
  std::string symbol;    // UN document symbol such as "A/70/174"
  std::string date;      // ISO 8601: "2017-07-24", or "2017-07" / "2017" when partial
  std::string place;     // where it was issued: "Washington, DC"
  std::string language;  // BCP 47 primary tag: "en", "ja"
  std::string source_path;  // UTF-8 path of the imported file
  std::string sha256;       // of the file's bytes, lowercase hex
  std::string importer;     // importer name, e.g. "markdown"
  std::string importer_version;
  int revision = 1;         // grows when a changed file is imported again
  std::string imported_at;  // ISO 8601 UTC timestamp
  DialogueId dialogue_id;   // the dialogue this document belongs to, if any
  RoundId round_id;         // the numbered round it closes, if any
};

struct Paragraph {
  ParagraphId id;
  DocumentId document_id;
  int ordinal = 0;                        // 1-based reading order within the document
  std::string label;                      // printed label: "7(2)b", "13(a)", "Article 3"
  std::vector<std::string> heading_path;  // enclosing headings, outermost first
  std::string text;
  std::string language;
  std::optional<int> page;  // 1-based page in the source (PDF)
  bool is_boilerplate = false;  // site chrome, footers: kept but not content
};

// A document as listed: the row plus counts that listings show.
struct DocumentSummary {
  Document document;
  int paragraph_count = 0;    // content paragraphs (boilerplate excluded)
  int commitment_count = 0;
};

// What one stored document holds, counted the one way every listing and report counts it.
struct DocumentCounts {
  int paragraphs = 0;              // content paragraphs (boilerplate excluded)
  int boilerplate_paragraphs = 0;  // site chrome, footers: kept apart from the content
  int commitments = 0;
};

}  // namespace nt
