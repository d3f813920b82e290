#pragma once
// Raw HTML embedded in a text document (Markdown passes it through; pasted tables often arrive as
// <p>/<ul>/<li> markup) turned into readable paragraphs. gumbo stays inside the .cpp.

#include <string>
#include <string_view>
#include <vector>

namespace nt::importers {

// One paragraph per block of the fragment, with tags removed and entities resolved:
//  - a short bold lead-in paragraph and the list after it form one paragraph
//    ("1. Asia Pacific: Close cooperation ...; Continuing ... through: Policy dialogues ...");
//  - list items are joined with "; " (with a space after an item that already ends a sentence),
//    a nested list follows its item; decorative bullets ("➢", "✓") are removed;
//  - each table row is one paragraph, cells joined with ": " then "; ".
// Empty for a fragment with no text (a comment, an empty <div>).
struct HtmlParagraph {
  std::string text;
  int line = 1;  // 1-based line within the fragment where the block starts
};
std::vector<HtmlParagraph> HtmlFragmentParagraphs(std::string_view html);

}  // namespace nt::importers
