// The reader's HTML: escaping, labels in their own column, headings once, boilerplate greyed,
// metadata and round lines. Pure functions: no window needed.

#include <catch2/catch.hpp>
#include <cctype>
#include <set>

#include "ui/display_text.h"
#include "ui/document_html.h"

using Catch::Matchers::Contains;

namespace {

nt::Paragraph MakeParagraph(std::string label, std::vector<std::string> headings, std::string text,
                            bool boilerplate = false) {
  nt::Paragraph paragraph;
  paragraph.label = std::move(label);
  paragraph.heading_path = std::move(headings);
  paragraph.text = std::move(text);
  paragraph.is_boilerplate = boilerplate;
  return paragraph;
}

std::size_t Occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

}  // namespace

TEST_CASE("DocumentHtml: escapes text and keeps labels in their own column", "[gui][reader]") {
  nt::app::DocumentView view;
  view.document.title = "Tom & Jerry <script>";
  view.document.kind = nt::DocumentKind::kStatement;
  view.document.date = "2017-07-24";
  view.document.place = "Washington, DC";
  view.paragraphs = {MakeParagraph("7(2)a", {"7", "(2) Enhancing"}, "Japan \"will\" act."),
                     MakeParagraph("7(2)b", {"7", "(2) Enhancing"}, "Line one\nline two"),
                     MakeParagraph("", {}, "Site footer", true)};
  const std::string html = nt::ui::DocumentHtml(view);

  CHECK_THAT(html, Contains("Tom &amp; Jerry &lt;script&gt;"));
  CHECK_THAT(html, !Contains("<script>"));
  CHECK_THAT(
      html,
      Contains("Statement &nbsp;\u00b7&nbsp; 24 July 2017 &nbsp;\u00b7&nbsp; Washington, DC"));
  CHECK_THAT(html,
             Contains("<b>7(2)a</b></font></td><td valign=\"top\">Japan &quot;will&quot; act."));
  CHECK_THAT(html, Contains("Line one<br>line two"));
  // Each heading once, where its section starts.
  CHECK(Occurrences(html, "<b>(2) Enhancing</b>") == 1);
  CHECK(Occurrences(html, "<b>7</b></font></td></tr>") == 1);
  CHECK_THAT(html, Contains("<font color=\"#9aa0a6\" size=\"-1\">Site footer</font>"));
}

TEST_CASE("DocumentHtml: shows the dialogue and round when known", "[gui][reader]") {
  nt::app::DocumentView view;
  view.document.title = "Joint Statement";
  view.dialogue = nt::Dialogue{nt::DialogueId(1), "Japan-U.S. Cyber Dialogue", "key"};
  nt::Round round;
  round.number = 5;
  round.place = "Tokyo";
  round.start_date = "2017-07-20";
  round.end_date = "2017-07-21";
  view.round = round;
  CHECK_THAT(nt::ui::DocumentHtml(view),
             Contains("Japan-U.S. Cyber Dialogue, round 5 \u00b7 Tokyo \u00b7 20 July 2017 "
                      "\u2013 21 July 2017"));
}

TEST_CASE("HumanDate: words full and partial ISO dates", "[gui][reader]") {
  CHECK(nt::ui::HumanDate("2017-07-24") == "24 July 2017");
  CHECK(nt::ui::HumanDate("2013-10") == "October 2013");
  CHECK(nt::ui::HumanDate("2015") == "2015");
  CHECK(nt::ui::HumanDate("") == "");
}

TEST_CASE("DocumentHtml: a heading kept as a paragraph is shown once, as a heading",
          "[gui][reader]") {
  nt::app::DocumentView view;
  view.document.title = "Strategy";
  view.paragraphs = {MakeParagraph("2.1", {"2. Outline"}, "Objectives"),
                     MakeParagraph("", {"2. Outline", "2.1 Objectives"}, "Body text.")};
  const std::string html = nt::ui::DocumentHtml(view);
  CHECK(Occurrences(html, "Objectives") == 1);
  CHECK(Occurrences(html, "<b>2. Outline</b>") == 1);
  CHECK_THAT(html, Contains("<font color=\"#1a3d6d\"><b>2.1</b></font>"));
}

TEST_CASE("DocumentHtml: long URLs can wrap", "[gui][reader]") {
  nt::app::DocumentView view;
  view.paragraphs = {MakeParagraph(
      "", {}, "See http://www.nisc.go.jp/active/kihon/pdf/InternationalStrategy.pdf now")};
  CHECK_THAT(
      nt::ui::DocumentHtml(view),
      Contains("See http://www.nisc.go.jp/ active/ kihon/ pdf/ InternationalStrategy.pdf now"));
}

TEST_CASE("DocumentHtml: markup in any stored field is shown as text, never as markup",
          "[gui][reader][hostile]") {
  // Imported text may carry anything a page or file held: it must reach wxHtml as text.
  const std::string hostile =
      "<script>alert(1)</script><a href=\"javascript:alert(2)\" onclick='x'>link</a>"
      "<img src=x onerror=\"alert(3)\"><font color=red>&amp;</font>\"";
  nt::app::DocumentView view;
  view.document.title = hostile;
  view.document.place = hostile;
  view.document.symbol = hostile;
  view.dialogue = nt::Dialogue{nt::DialogueId(1), hostile, "key"};
  nt::Round round;
  round.number = 1;
  round.place = hostile;
  view.round = round;
  view.paragraphs = {MakeParagraph(hostile, {hostile, "Section " + hostile}, hostile),
                     MakeParagraph(hostile, {hostile}, hostile, true)};
  for (const std::string& html :
       {nt::ui::DocumentHtml(view), nt::ui::PlaceholderHtml(hostile, hostile)}) {
    INFO(html);
    // Every tag in the page is one the reader itself writes.
    const std::set<std::string> allowed = {"html", "body", "font", "b", "i", "br", "hr",
                                           "table", "tr", "td", "center"};
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
      std::size_t end = at + 1;
      if (end < html.size() && html[end] == '/') ++end;
      std::size_t name_end = end;
      while (name_end < html.size() && std::isalpha(static_cast<unsigned char>(html[name_end]))) {
        ++name_end;
      }
      CHECK(allowed.count(html.substr(end, name_end - end)) == 1);
    }
    CHECK(html.find("javascript:alert(2)\"") == std::string::npos);
    CHECK_THAT(html, Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_THAT(html, Contains("&amp;amp;"));
  }
}
