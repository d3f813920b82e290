#pragma once
// Text laid out on pages (a PDF's text layer, or text extracted from a PDF with form feeds
// between pages) turned into blocks of running text. Shared by the PDF importer and the UN
// report importer so that a report read from its PDF and from its extracted text gives the same
// paragraphs: both describe their pages as PageLines and go through the same three steps.
//
// Invariants (tests cite them):
//  1. Running headers and footers are lines at the top or bottom of a page whose shape (digits
//     ignored) repeats on other pages, or that are page furniture on their own (a page number
//     "3/17", a UN job number "15-12385", a symbol-and-page line "15-12385 3/17"). The first
//     page keeps its repeated lines: there they are the masthead (the symbol "A/70/174").
//  2. A word hyphenated at a line end is rejoined without its hyphen unless the document shows
//     the hyphenated form is a real compound ("confidence-building").
//  3. A paragraph cut by a page break (its last line ends mid-sentence, the next page starts
//     with a lowercase or unlabelled continuation) is one block, on the page where it starts.

#include <string>
#include <string_view>
#include <vector>

namespace nt::importers {

struct PageLine {
  std::string text;         // white space collapsed
  bool gap_before = false;  // a blank line or a wider vertical gap separates it from the line above
  bool small = false;       // set smaller than the body text (footnotes), when known
  int source_line = 0;      // 1-based line in the extracted text
};

struct TextPage {
  int number = 0;  // 1-based
  std::vector<PageLine> lines;
};

struct PageBlock {
  std::vector<std::string> lines;  // as on the page
  std::string text;                // the lines joined, line-end hyphenation repaired
  int page = 0;
  int source_line = 0;
};

// Pages of text separated by form feeds ("\f", as pdftotext writes them); blank lines become
// gap_before on the next line. Text without form feeds is one page.
std::vector<TextPage> SplitTextPages(std::string_view text);

// Removes running headers and footers (invariant 1) and footnotes (the lines below a rule of
// underscores at the foot of a page, or small lines at the foot of a page). Returns how many
// lines were removed.
int RemovePageFurniture(std::vector<TextPage>& pages);

// Groups lines into blocks at gaps (invariant 3), repairing line-end hyphenation (invariant 2).
// `starts_block` lets the caller split a block at a line that begins a new item even without a
// gap (UN reports number every paragraph); it may be empty.
using StartsBlock = bool (*)(std::string_view line);
std::vector<PageBlock> BuildPageBlocks(const std::vector<TextPage>& pages,
                                       StartsBlock starts_block = nullptr);

// The text of a block's lines joined into one paragraph, with line-end hyphens repaired using
// the vocabulary of `pages` (invariant 2).
class LineJoiner {
 public:
  explicit LineJoiner(const std::vector<TextPage>& pages);
  // Joins `next` to `text`: "cyber-" + "security" -> "cybersecurity" when the document has no
  // "cyber-security" elsewhere; "confidence-" + "building" -> "confidence-building" when it does.
  void Append(std::string& text, std::string_view next) const;

 private:
  bool KeepHyphen(std::string_view head, std::string_view tail) const;

  std::vector<std::string> words_;           // sorted, lowercase, hyphenated words kept whole
  std::vector<std::string> compound_parts_;  // sorted, lowercase parts of hyphenated words
};

// True for a line that is only page furniture wherever it appears: "3/17", "- 3 -", "Page 3",
// "15-12385", "15-12385 3/17", "3/17 15-12385", "GE.15-12385", "*1512385*", "15-12385 (E) 060815".
bool IsPageFurniture(std::string_view line);

}  // namespace nt::importers
