#pragma once
// Agreements, memoranda of understanding and treaties as text or Markdown, including the
// Markdown of treaty databases that hold the English and a Dutch text in one file (headings
// without a space after "##", an HTML <meta> first line, lines joined without spaces).
//
// What is read: the title, the parties ("The European Union and the United States of America"
// -> actors with role "party"), the preamble (one paragraph per "Recognising...", "Desiring...",
// "Having regard to..." clause, heading path {"Preamble"}), chapters, sections and titles as the
// heading path, articles ("Article 3", its numbered paragraphs "Article 3(2)", sub-items
// "Article 3(2)(a)", "(i)"), or top-level numbered paragraphs ("1".."9") when the text has no
// articles, the signature ("Done at Brussels on 23 July 2007": place and date) and the entry
// into force (metadata "entry_into_force", and "entry_into_force_note" for a database note such
// as "Treedt in werking op ...").
//
// Two languages: the English text is the content (language "en"). A Dutch text in the same
// file is kept, not dropped, so nothing of the file is lost and it stays searchable, but as
// boilerplate (is_boilerplate, language "nl", heading path {"Dutch text"}, no labels, so labels
// stay unique); a warning says so. A Dutch title before the English one goes to
// metadata "title_nl".

#include "importers/importer.h"

namespace nt::importers {

class AgreementImporter final : public Importer {
 public:
  std::string_view Name() const override { return "agreement"; }
  std::string_view Version() const override { return "1"; }
  // Judged on an agreement's structure in the text: "Article N" lines, "the Parties", a
  // "Done at" signature, preamble clauses, an "Agreement between"/"Convention" title. Three of
  // these give 90, four or more 98 (above Markdown's 95 for .md); two give 50; fewer give 0.
  int Confidence(const SourceFile& file) const override;
  // Errors: those of DecodeText (text_decoding.h); kParse when nothing readable remains.
  Result<ImportedDocument> Read(const SourceFile& file) const override;
};

}  // namespace nt::importers
