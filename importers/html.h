#pragma once
// Saved web pages (press releases, media notes, ministry statements), read with gumbo.
//
// Only the main text is kept: the content root is <main>, else role="main", else the <article>
// with the most paragraph text, else the element whose paragraphs hold the most text. Inside
// it, navigation and page furniture are dropped: nav, header, footer, aside, script, style,
// form, noscript, iframe (and similar), hidden elements, ARIA landmarks other than main, and
// elements whose class or id names nav/menu/breadcrumb/footer/share/cookie/sidebar/social.
//
// Paragraphs come from p, li, dt/dd, blockquote and text-bearing divs; h1-h6 make the heading
// path; a table row becomes one "cell | cell" paragraph. A leading printed label ("1.", "(2)",
// "a.", "(iv)") moves into the label; items of an <ol> without one get the number the browser
// would print. Only text nodes are read, so scripts and event attributes never reach the output.
//
// The title is the page's <h1> (else <title> without its site suffix); the date and place come
// from a dateline ("Washington, DC, July 24, 2017"), else <time datetime>, else meta tags such as
// article:published_time; the language from <html lang>.

#include "importers/importer.h"

namespace nt::importers {

class HtmlImporter final : public Importer {
 public:
  std::string_view Name() const override { return "html"; }
  std::string_view Version() const override { return "1"; }

  // 90 for a document with a doctype or an <html> element, 80 with <head> or <body> only, 0
  // otherwise (a stray tag in a Markdown file does not make it HTML). The .html/.htm extension
  // adds 5, to win ties.
  int Confidence(const SourceFile& file) const override;

  // Errors, each naming the file: kParse when the bytes are not UTF-8/UTF-16 text in a charset
  // NormTrack can convert, or when the page has no readable text in its body.
  Result<ImportedDocument> Read(const SourceFile& file) const override;
};

}  // namespace nt::importers
