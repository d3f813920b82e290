#include "importers/pdf.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>

#include "core/platform.h"
#include "core/text.h"
#include "importers/page_text.h"
#include "importers/statement_layout.h"
#include "importers/un_report.h"

namespace nt::importers {
namespace {

// A vertical step this much larger than the usual line step is a paragraph gap.
constexpr double kGapFactor = 1.45;
// Words further apart than this many font sizes on one baseline are in different columns
// (the masthead's "United Nations" and "A/70/174").
constexpr double kColumnGapFactor = 3.0;
// Lines set below this fraction of the body size are footnotes.
constexpr double kSmallFactor = 0.85;

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

std::string Utf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

struct Word {
  std::string text;
  double left = 0, right = 0, top = 0, bottom = 0, size = 0;
  bool space_after = false;
};

struct Line {
  std::string text;
  double top = 0, bottom = 0, left = 0, size = 0;
};

std::vector<Line> LinesOf(const poppler::page& page) {
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    poppler::rectf r = box.bbox();
    Word word{Utf8(box.text()),    r.x(), r.x() + r.width(), r.y(), r.y() + r.height(),
              box.get_font_size(), box.has_space_after()};
    if (word.size <= 0) word.size = r.height();
    if (!TrimView(word.text).empty()) words.push_back(std::move(word));
  }
  std::vector<Line> lines;
  const Word* previous = nullptr;
  for (const Word& word : words) {
    double height = std::max(1.0, word.bottom - word.top);
    bool same_line = previous != nullptr &&
                     std::abs((word.top + word.bottom) / 2 -
                              (previous->top + previous->bottom) / 2) < height / 2 &&
                     word.left >= previous->left &&
                     word.left - previous->right < kColumnGapFactor * std::max(1.0, word.size);
    if (!same_line) {
      lines.push_back(Line{"", word.top, word.bottom, word.left, word.size});
    } else if (previous->space_after || word.left - previous->right > 0.15 * word.size) {
      lines.back().text += ' ';
    }
    Line& line = lines.back();
    line.text += word.text;
    line.top = std::min(line.top, word.top);
    line.bottom = std::max(line.bottom, word.bottom);
    line.size = std::max(line.size, word.size);
    previous = &word;
  }
  return lines;
}

// The value below which `fraction` of the values lie.
double Quantile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  auto k = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

// Pages of lines with gaps and small print marked from the geometry of the whole document.
std::vector<TextPage> ToTextPages(const std::vector<std::vector<Line>>& page_lines) {
  std::vector<double> steps, sizes;
  for (const auto& lines : page_lines) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      sizes.push_back(lines[i].size);
      if (i > 0 && lines[i].top > lines[i - 1].top) steps.push_back(lines[i].top - lines[i - 1].top);
    }
  }
  // Most steps are from one line to the next; paragraph gaps are the minority, but short
  // paragraphs can make them common, so the usual step is taken low in the distribution.
  double step = Quantile(steps, 0.25);
  double body_size = Quantile(sizes, 0.5);
  std::vector<TextPage> pages;
  int line_number = 0;
  for (std::size_t p = 0; p < page_lines.size(); ++p) {
    TextPage page{static_cast<int>(p) + 1, {}};
    const auto& lines = page_lines[p];
    for (std::size_t i = 0; i < lines.size(); ++i) {
      ++line_number;
      std::string text = CollapseWhitespace(lines[i].text);
      if (text.empty()) continue;
      bool gap = i > 0 && step > 0 &&
                 (lines[i].top - lines[i - 1].top > kGapFactor * step ||
                  lines[i].top < lines[i - 1].top);
      bool small = body_size > 0 && lines[i].size < kSmallFactor * body_size;
      page.lines.push_back({std::move(text), gap, small, line_number});
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

std::string FirstPageText(const std::vector<TextPage>& pages) {
  std::string text;
  if (pages.empty()) return text;
  for (const PageLine& line : pages.front().lines) text += line.text + "\n";
  return text;
}

void LayOutAsStatement(std::vector<TextPage> pages, const SourceFile& file,
                       ImportedDocument& document) {
  RemovePageFurniture(pages);
  std::map<int, int> page_of_line;
  std::vector<StatementBlock> blocks;
  for (PageBlock& block : BuildPageBlocks(pages)) {
    StatementBlock statement_block;
    statement_block.lines = {std::move(block.text)};
    statement_block.source_line = block.source_line;
    page_of_line[block.source_line] = block.page;
    blocks.push_back(std::move(statement_block));
  }
  LayOutStatement(blocks,
                  LayoutOptions{.unmarked_headings = true,
                                .strict_front_matter = true,
                                .fallback_title = platform::PathToUtf8(file.path.stem())},
                  document);
  for (ImportedParagraph& paragraph : document.paragraphs) {
    // The statement layout may rejoin blocks; a paragraph starts where its first block did.
    if (auto it = page_of_line.find(paragraph.source_line); it != page_of_line.end()) {
      paragraph.page = it->second;
    }
  }
}

Result<ImportedDocument> ReadPdf(const SourceFile& file) {
  const std::string name = Quoted(file.DisplayName());
  if (file.bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return Fail(ErrorCode::kUnsupported, "File " + name + " is too large to read as a PDF.");
  }
  SilencePoppler();
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_raw_data(
      file.bytes.data(), static_cast<int>(file.bytes.size())));
  if (!pdf) {
    return Fail(ErrorCode::kParse, "File " + name +
                                       " is not a readable PDF: it is damaged or truncated.");
  }
  if (pdf->is_locked()) {
    return Fail(ErrorCode::kUnsupported,
                "File " + name +
                    " is a password-protected PDF; save an unprotected copy and import that.");
  }
  int page_count = pdf->pages();
  if (page_count <= 0) {
    return Fail(ErrorCode::kParse, "File " + name + " is a PDF without pages.");
  }

  ImportedDocument document;
  std::vector<std::vector<Line>> page_lines;
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) {
      document.warnings.push_back("Page " + std::to_string(i + 1) + " could not be read.");
      page_lines.emplace_back();
      continue;
    }
    page_lines.push_back(LinesOf(*page));
  }
  std::vector<TextPage> pages = ToTextPages(page_lines);
  bool has_text = std::any_of(pages.begin(), pages.end(),
                              [](const TextPage& page) { return !page.lines.empty(); });
  if (!has_text) {
    return Fail(ErrorCode::kParse, "File " + name +
                                       " has no text layer (it may be a scanned image); "
                                       "NormTrack cannot read it without OCR.");
  }

  if (LooksLikeUnReport(FirstPageText(pages))) {
    LayOutUnReport(std::move(pages), true, document);
  } else {
    LayOutAsStatement(std::move(pages), file, document);
  }
  std::string info_title = Trim(Utf8(pdf->get_title()));
  if (!info_title.empty()) document.metadata["pdf_title"] = info_title;
  document.metadata["pages"] = std::to_string(page_count);
  return document;
}

}  // namespace

int PdfImporter::Confidence(const SourceFile& file) const {
  std::string_view head = std::string_view(file.bytes).substr(0, 1024);
  return head.find("%PDF-") != std::string_view::npos ? 100 : 0;
}

Result<ImportedDocument> PdfImporter::Read(const SourceFile& file) const {
  // Poppler does not throw, but allocation can; nothing may leave the module (DESIGN.md).
  try {
    return ReadPdf(file);
  } catch (const std::exception& exception) {
    return Fail(ErrorCode::kParse, "File " + Quoted(file.DisplayName()) +
                                       " could not be read as a PDF (" + exception.what() + ").");
  } catch (...) {
    return Fail(ErrorCode::kParse,
                "File " + Quoted(file.DisplayName()) + " could not be read as a PDF.");
  }
}

}  // namespace nt::importers
