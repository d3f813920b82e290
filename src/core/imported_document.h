#pragma once
// What an importer produces: a normalised document, not yet stored. Importers fill what the
// source says; extraction (src/extract) and the import service add the rest.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace nt {

struct ImportedParagraph {
  std::string label;                      // printed label, "" when the source has none
  std::vector<std::string> heading_path;  // enclosing headings, outermost first
  std::string text;                       // UTF-8, whitespace normalised, no markup
  std::string language;                   // "" = the document's language
  std::optional<int> page;
  bool is_boilerplate = false;
  int source_line = 0;  // 1-based line in the source where the paragraph starts (0 = unknown)
};

// An actor the source names explicitly (Akoma Ntoso TLCPerson, an agreement's parties).
struct ImportedActorMention {
  std::string name;
  std::string kind;  // "person", "organisation", "state", ... ("" when unknown)
  std::string role;  // "party", "speaker", "author", ...
};

struct ImportedDocument {
  DocumentKind kind = DocumentKind::kOther;
  std::string title;
  std::string symbol;
  std::string date;   // ISO 8601 when known
  std::string place;
  std::string language;
  std::vector<ImportedParagraph> paragraphs;
  std::vector<ImportedActorMention> actors;
  std::map<std::string, std::string> metadata;  // format-specific extras (session, FRBR uri...)
  std::vector<std::string> warnings;            // things the user may want to review
};

}  // namespace nt
