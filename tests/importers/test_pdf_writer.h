#pragma once
// A tiny PDF writer for importer tests: one Helvetica text line per input line, blank lines as
// vertical gaps, pages at form feeds. It makes the PDF fixtures at test time from committed
// text, so the PDF and the text of a fixture cannot drift apart and the suite needs no tool.
// Only what poppler needs to read the text layer: catalog, pages, a standard font, streams, xref.

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace nt::test {

// UTF-8 to the WinAnsi bytes of the standard fonts; characters outside it become '?'.
inline std::string ToWinAnsi(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t cp = c;
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    if (n > 1) {
      cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
      for (std::size_t k = 1; k < n && i + k < text.size(); ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      }
    }
    i += n;
    switch (cp) {
      case U'\u2018': out += '\x91'; break;
      case U'\u2019': out += '\x92'; break;
      case U'\u201C': out += '\x93'; break;
      case U'\u201D': out += '\x94'; break;
      case U'\u2013': out += '\x96'; break;
      case U'\u2014': out += '\x97'; break;
      default:
        out += cp < 0x100 ? static_cast<char>(cp) : '?';
    }
  }
  return out;
}

// `pages` of lines; an empty line is a gap of one line.
inline std::string MakePdf(const std::vector<std::vector<std::string>>& pages,
                           double font_size = 10, double leading = 13) {
  std::vector<std::string> objects;  // object k+1 is objects[k]
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("");  // the page tree, filled in below
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                    "/Encoding /WinAnsiEncoding >>");
  std::string kids;
  for (const auto& lines : pages) {
    std::string content = "BT /F1 " + std::to_string(font_size) + " Tf " +
                          std::to_string(leading) + " TL 72 760 Td\n";
    for (const std::string& line : lines) {
      if (!line.empty()) {
        std::string escaped;
        for (char c : ToWinAnsi(line)) {
          if (c == '(' || c == ')' || c == '\\') escaped += '\\';
          escaped += c;
        }
        content += "(" + escaped + ") Tj ";
      }
      content += "T*\n";
    }
    content += "ET\n";
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
    int content_id = static_cast<int>(objects.size());
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                      "<< /Font << /F1 3 0 R >> >> /Contents " +
                      std::to_string(content_id) + " 0 R >>");
    kids += std::to_string(objects.size()) + " 0 R ";
  }
  objects[1] =
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";

  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t k = 0; k < objects.size(); ++k) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(k + 1) + " 0 obj\n" + objects[k] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Text as pdftotext writes it (pages separated by form feeds) set as a PDF, line for line.
inline std::string PdfFromPagedText(std::string_view text) {
  std::vector<std::vector<std::string>> pages(1);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    while (!line.empty() && line.front() == '\f') {
      pages.emplace_back();
      line.remove_prefix(1);
    }
    pages.back().emplace_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return MakePdf(pages);
}

}  // namespace nt::test
