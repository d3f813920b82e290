#include "ui/document_html.h"

#include <algorithm>

#include "ui/display_text.h"

namespace nt::ui {
namespace {

// Colours chosen for wxHtmlWindow's own white page, which does not follow the desktop theme.
constexpr std::string_view kMuted = "#5f6368";
constexpr std::string_view kFaint = "#9aa0a6";
constexpr std::string_view kHeading = "#1a3d6d";

std::string Font(std::string_view color, std::string_view size, std::string_view inner) {
  std::string html = "<font";
  if (!color.empty()) html += " color=\"" + std::string(color) + "\"";
  if (!size.empty()) html += " size=\"" + std::string(size) + "\"";
  return html + ">" + std::string(inner) + "</font>";
}

// wxHtml breaks lines only at spaces, so one long URL would widen the whole table past the
// window. Words longer than kLongWord get a space after each '/' (display only: the stored
// text is unchanged).
constexpr std::size_t kLongWord = 40;

std::string BreakableText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t word_start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ' ' && text[i] != '\n') continue;
    const std::string_view word = text.substr(word_start, i - word_start);
    if (word.size() > kLongWord) {
      for (std::size_t j = 0; j < word.size(); ++j) {
        out += word[j];
        // Not inside "//" (a scheme's slashes stay with the host name).
        const bool in_double_slash =
            (j + 1 < word.size() && word[j + 1] == '/') || (j > 0 && word[j - 1] == '/');
        if (word[j] == '/' && j + 1 < word.size() && !in_double_slash) out += ' ';
      }
    } else {
      out += word;
    }
    if (i < text.size()) out += text[i];
    word_start = i + 1;
  }
  return out;
}

std::string MetadataLine(const Document& document) {
  std::string line;
  auto add = [&line](const std::string& part) {
    if (part.empty()) return;
    if (!line.empty()) line += " &nbsp;\u00b7&nbsp; ";
    line += EscapeHtml(part);
  };
  add(KindLabel(document.kind));
  add(HumanDate(document.date));
  add(document.place);
  add(document.symbol);
  return line;
}

// Rows for the headings of `path` that were not already open in `previous`.
std::string HeadingRows(const std::vector<std::string>& previous,
                        const std::vector<std::string>& path) {
  std::size_t common = 0;
  while (common < previous.size() && common < path.size() && previous[common] == path[common]) {
    ++common;
  }
  std::string rows;
  for (std::size_t level = common; level < path.size(); ++level) {
    const std::string size = level == 0 ? "+1" : "";
    rows += "<tr><td colspan=\"2\"><br>" +
            Font(kHeading, size, "<b>" + EscapeHtml(path[level]) + "</b>") + "</td></tr>\n";
  }
  return rows;
}

// The label column's width in pixels: wxHtml would otherwise give it a share of the page.
int LabelColumnWidth(const std::vector<Paragraph>& paragraphs) {
  std::size_t longest = 0;
  for (const Paragraph& paragraph : paragraphs) longest = std::max(longest, paragraph.label.size());
  return 24 + 10 * static_cast<int>(std::min<std::size_t>(longest, 14));
}

// Importers keep a section heading both as a labelled paragraph ("2.1", "Objectives") and in
// the heading_path of the paragraphs under it ("2.1 Objectives"). True when `paragraph` is
// such a heading: the paragraph after it opens a heading spelled as its label and text.
bool OpensHeading(const Paragraph& paragraph, const Paragraph& next) {
  if (next.heading_path.size() != paragraph.heading_path.size() + 1 ||
      !std::equal(paragraph.heading_path.begin(), paragraph.heading_path.end(),
                  next.heading_path.begin())) {
    return false;
  }
  const std::string& heading = next.heading_path.back();
  if (heading == paragraph.text) return true;
  if (paragraph.label.empty()) return false;
  return heading == paragraph.label + " " + paragraph.text ||
         heading == paragraph.label + ". " + paragraph.text;
}

std::string HeadingParagraphRow(const Paragraph& paragraph, std::size_t level, int label_width) {
  const std::string size = level == 0 ? "+1" : "";
  const std::string label =
      paragraph.label.empty() ? "&nbsp;"
                              : Font(kHeading, size, "<b>" + EscapeHtml(paragraph.label) + "</b>");
  return "<tr><td width=\"" + std::to_string(label_width) +
         "\" align=\"right\" valign=\"bottom\" nowrap><br>" + label +
         "</td><td valign=\"bottom\"><br>" +
         Font(kHeading, size, "<b>" + EscapeHtml(BreakableText(paragraph.text)) + "</b>") +
         "</td></tr>\n";
}

std::string ParagraphRow(const Paragraph& paragraph, int label_width) {
  const std::string label = paragraph.label.empty()
                                ? "&nbsp;"
                                : Font(kMuted, "", "<b>" + EscapeHtml(paragraph.label) + "</b>");
  std::string text = EscapeHtml(BreakableText(paragraph.text));
  if (paragraph.is_boilerplate) text = Font(kFaint, "-1", text);
  return "<tr><td width=\"" + std::to_string(label_width) +
         "\" align=\"right\" valign=\"top\" nowrap>" + label + "</td><td valign=\"top\">" + text +
         "</td></tr>\n";
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += "<br>";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string DocumentHtml(const app::DocumentView& view) {
  const Document& document = view.document;
  std::string html = "<html><body>\n";
  html += Font(kHeading, "+2", "<b>" + EscapeHtml(document.title) + "</b>") + "<br>\n";
  html += Font(kMuted, "", MetadataLine(document));
  const std::string round =
      RoundLine(view.dialogue ? &*view.dialogue : nullptr, view.round ? &*view.round : nullptr);
  if (!round.empty()) html += "<br>" + Font(kMuted, "", "<i>" + EscapeHtml(round) + "</i>");
  html += "\n<hr>\n";

  if (view.paragraphs.empty()) {
    html += Font(kMuted, "", "This document has no paragraphs.");
  } else {
    html += "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" border=\"0\">\n";
    const int label_width = LabelColumnWidth(view.paragraphs);
    std::vector<std::string> open_headings;
    for (std::size_t i = 0; i < view.paragraphs.size(); ++i) {
      const Paragraph& paragraph = view.paragraphs[i];
      html += HeadingRows(open_headings, paragraph.heading_path);
      open_headings = paragraph.heading_path;
      const Paragraph* next = i + 1 < view.paragraphs.size() ? &view.paragraphs[i + 1] : nullptr;
      if (next && OpensHeading(paragraph, *next)) {
        // Shown once, as the heading it is: the next paragraph's path then finds it open.
        html += HeadingParagraphRow(paragraph, next->heading_path.size() - 1, label_width);
        open_headings = next->heading_path;
      } else {
        html += ParagraphRow(paragraph, label_width);
      }
    }
    html += "</table>\n";
  }
  return html + "</body></html>\n";
}

std::string PlaceholderHtml(std::string_view title, std::string_view hint) {
  return "<html><body><br><br><br><center>" +
         Font(kMuted, "+1", "<b>" + EscapeHtml(title) + "</b>") + "<br><br>" +
         Font(kMuted, "", EscapeHtml(hint)) + "</center></body></html>\n";
}

}  // namespace nt::ui
