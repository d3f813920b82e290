#pragma once
// Akoma Ntoso (OASIS LegalDocML) XML, versions 2.0 and 3.0 (including the 3.0 committee drafts).
// Elements are matched on their local names, so both namespaces read the same way.
//
// What it produces:
// - metadata from FRBR (work and expression dates, country, author, language, FRBRthis/uri) and
//   from the preface (docTitle/shortTitle, docNumber, docDate, location);
// - one paragraph per text block (p, recital text, table row, debate summary...) in reading
//   order. The label is the printed `num` of the element the block belongs to ("Article 3", "1.",
//   "(a)"), given to its first block only. The heading path holds the enclosing headings
//   ("CHAPTER I Scope", "Article 2 Definitions"), the numbers of enclosing unheaded elements
//   ("(4)" above "(A)"), a synthetic "Preamble" and, in debates, the speaker;
// - footnotes (authorialNote, and meta notes cited by noteRef) taken out of the running text
//   and appended as boilerplate paragraphs under "Notes", labelled with their marker;
// - TLCPerson and TLCOrganization references as actors (markup editors left out).
//
// Safety: entities are never expanded. A DOCTYPE that declares entities (external entities,
// "billion laughs") is refused; an external DTD is not fetched.

#include "importers/importer.h"

namespace nt::importers {

class AkomaNtosoImporter final : public Importer {
 public:
  std::string_view Name() const override { return "akoma_ntoso"; }
  std::string_view Version() const override { return "1"; }

  // 95 when the root element is akomaNtoso in an Akoma Ntoso 2.0 or 3.0 namespace, else 0.
  // Judged on the first start tag only, so a truncated file still reaches Read and gets a
  // precise error.
  int Confidence(const SourceFile& file) const override;

  // Errors (kParse unless noted), each naming the file:
  // - not well-formed XML, with the line and column of the fault;
  // - a DOCTYPE that declares entities, with its line;
  // - kUnsupported: well-formed XML whose root is not akomaNtoso in a known namespace;
  // - bytes that are not UTF-8/UTF-16 text (from DecodeText).
  Result<ImportedDocument> Read(const SourceFile& file) const override;
};

}  // namespace nt::importers
