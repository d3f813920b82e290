#pragma once
// United Nations reports (GGE, OEWG and other General Assembly documents) as text: the text of
// a PDF as pdftotext writes it (pages separated by form feeds, running headers and job numbers
// included) or typed without pages. The layout step is shared with the PDF importer, which
// hands a UN report's pages here, so a report gives the same paragraphs from its PDF and from
// its text.
//
// What is read: the masthead (symbol "A/70/174", organ "General Assembly", "Distr.: General",
// the date, "Original: English", session, agenda item and its title), the title, headings
// ("Note by the Secretary-General", "I. Introduction", "A. ...") as heading paths, numbered
// paragraphs ("13") and their lettered sub-items ("13(a)"). Running headers, footers, job
// numbers, footnotes and the table of contents are not content.

#include <string_view>
#include <vector>

#include "importers/importer.h"
#include "importers/page_text.h"

namespace nt::importers {

// True when the opening lines hold a UN document symbol ("A/70/174") together with the
// masthead of a UN organ ("General Assembly") or a distribution line ("Distr.: General").
bool LooksLikeUnReport(std::string_view text);

// True for a line that can only be a UN document symbol: "A/70/174", "A/AC.290/2021/CRP.2".
bool IsUnSymbol(std::string_view line);

// Lays out a UN report from its pages: removes page furniture, rebuilds paragraphs and fills
// the document (kind un_report). `paged` says whether the pages are real (a PDF, or text with
// form feeds): then paragraphs carry their page number.
void LayOutUnReport(std::vector<TextPage> pages, bool paged, ImportedDocument& document);

class UnReportImporter final : public Importer {
 public:
  std::string_view Name() const override { return "un_report"; }
  std::string_view Version() const override { return "1"; }
  // 85 for text whose opening lines have a UN symbol and the masthead (beats plain text and
  // Markdown), 0 otherwise.
  int Confidence(const SourceFile& file) const override;
  // Errors: those of DecodeText (text_decoding.h).
  Result<ImportedDocument> Read(const SourceFile& file) const override;
};

}  // namespace nt::importers
