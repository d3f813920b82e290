#pragma once
// The shared second half of the text importers (Markdown, plain text). An importer turns its
// syntax into StatementBlocks in reading order; LayOutStatement then finds what the blocks mean
// in a statement or article: the title, the front matter (release type, place, date, subtitle,
// author), printed labels and their nesting, sub-item headings, table captions, site
// boilerplate, and paragraphs split by a page break or a table.
//
// Invariants (tests cite them):
//  1. Every block of content text ends up in exactly one ImportedParagraph, or in the title or
//     metadata; only "Begin text:"/"End text." markers are dropped.
//  2. A paragraph's label is its printed label composed with the enclosing labels ("7(2)a");
//     an unlabelled paragraph under a labelled sub-heading ("(1) Information Sharing") takes
//     that sub-heading's label.
//  3. Two blocks are rejoined only when the first ends without terminal punctuation and the
//     second has no label and continues the sentence; tables and captions between them stay
//     where they are, after the rejoined paragraph. Each rejoin adds a warning.

#include <string>
#include <string_view>
#include <vector>

#include "core/imported_document.h"

namespace nt::importers {

enum class BlockKind {
  kHeading,    // a heading the syntax marks (Markdown "#", setext)
  kParagraph,  // running text, a list item, a front-matter line group
  kTableRow,   // one row (or one block of an HTML list table) rendered as readable text
  kBreak,      // a thematic break ("---"): ends the front matter
};

struct StatementBlock {
  BlockKind kind = BlockKind::kParagraph;
  // The text without markup, one entry per printed line (hard line breaks, or source lines in
  // plain text); white space already collapsed.
  std::vector<std::string> lines;
  int heading_level = 0;    // 1..6 for kHeading
  std::string list_label;   // the printed marker of an ordered-list item: "7." or "7)"
  bool emphasised = false;  // all of the text is in italics
  bool strong = false;      // all of the text is in bold
  int source_line = 0;      // 1-based
};

// A kTableRow block holding one row's readable text.
StatementBlock TableRowBlock(std::string text, int source_line);
// A kBreak block.
StatementBlock BreakBlock();

struct LayoutOptions {
  // Plain text has no heading markup: there a short capitalised line without final punctuation
  // that is followed by text is a heading. Markdown marks its headings, so this stays off.
  bool unmarked_headings = false;
  // Plain text: the front matter holds only lines recognisably a release type, place or date;
  // other short lines are content (a heading such as "Introduction").
  bool strict_front_matter = false;
  // The title when the text has none (the file name without its extension); a warning says so.
  std::string fallback_title;
};

// Fills document.title, kind, date, place, language, metadata, actors, paragraphs and warnings
// from the blocks. Never fails: an empty result is the caller's to report.
void LayOutStatement(const std::vector<StatementBlock>& blocks, const LayoutOptions& options,
                     ImportedDocument& document);

// One line of a block that may be a tab-separated table (a pasted spreadsheet or Word table).
struct TabLine {
  std::string text;          // raw text of the line with its tabs, markup removed
  bool starts_bold = false;  // the line's first text is bold (a row heading)
  int source_line = 0;
};
struct TabRow {
  std::string text;  // "1) Enhancing ...: Quick and accurate response ..."
  int source_line = 0;
};
// The rows of a block whose lines are tab-separated cells, each as readable text: cells joined
// with ": " (then "; "), and a bold one-cell row followed by a plain one-cell row joined as
// "heading: description". Empty when the block is not a tab-separated table.
std::vector<TabRow> TabSeparatedRows(const std::vector<TabLine>& lines);

// Joins two pieces of running text: with a space, or with nothing between two CJK characters
// (Japanese lines wrap without spaces).
std::string JoinText(std::string_view first, std::string_view second);

// Removes a leading bullet or box character ("■ ", "➢ ", "✓ ", "• ") and the spaces after it.
std::string_view StripLeadingBullet(std::string_view text);

}  // namespace nt::importers
