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

std::string ParagraphRow(const Paragraph& paragraph) {
  const std::string label =
      paragraph.label.empty() ? "&nbsp;" : Font(kMuted, "", "<b>" + EscapeHtml(paragraph.label) + "</b>");
  std::string text = EscapeHtml(paragraph.text);
  if (paragraph.is_boilerplate) text = Font(kFaint, "-1", text);
  return "<tr><td align=\"right\" valign=\"top\" nowrap>" + label +
         "</td><td valign=\"top\">" + text + "</td></tr>\n";
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "<br>"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string DocumentHtml(const app::DocumentView& view) {
  const Document& document = view.document;
  std::string html = "<html><body>\n";
  html += Font(kHeading, "+2", "<b>" + EscapeHtml(document.title) + "</b>") + "<br>\n";
  html += Font(kMuted, "", MetadataLine(document)) + "<br>\n";
  const std::string round = RoundLine(view.dialogue ? &*view.dialogue : nullptr,
                                      view.round ? &*view.round : nullptr);
  if (!round.empty()) html += Font(kMuted, "", "<i>" + EscapeHtml(round) + "</i>") + "<br>\n";
  html += "<hr>\n";

  if (view.paragraphs.empty()) {
    html += Font(kMuted, "", "This document has no paragraphs.");
  } else {
    // The label column is as wide as the longest label needs (nowrap), the text takes the rest.
    html += "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" border=\"0\">\n";
    const std::vector<std::string> none;
    const std::vector<std::string>* previous = &none;
    for (const Paragraph& paragraph : view.paragraphs) {
      html += HeadingRows(*previous, paragraph.heading_path);
      previous = &paragraph.heading_path;
      html += ParagraphRow(paragraph);
    }
    html += "</table>\n";
  }
  return html + "</body></html>\n";
}

std::string PlaceholderHtml(std::string_view title, std::string_view hint) {
  return "<html><body><br><br><br><center>" + Font(kMuted, "+1", "<b>" + EscapeHtml(title) + "</b>") +
         "<br><br>" + Font(kMuted, "", EscapeHtml(hint)) + "</center></body></html>\n";
}

}  // namespace nt::ui
