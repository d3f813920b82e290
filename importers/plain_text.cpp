#include "importers/plain_text.h"

#include "core/platform.h"
#include "core/text.h"
#include "importers/statement_layout.h"
#include "importers/text_decoding.h"

namespace nt::importers {
namespace {

// A group of consecutive non-blank lines with the line number of its first line.
struct RawBlock {
  std::vector<std::string> lines;  // as in the file, tabs kept
  int first_line = 0;
};

std::vector<RawBlock> SplitBlocks(const std::string& text) {
  std::vector<RawBlock> blocks;
  RawBlock current;
  int line_number = 0;
  for (const std::string& line : Split(text, '\n')) {
    ++line_number;
    if (TrimView(line).empty()) {
      if (!current.lines.empty()) blocks.push_back(std::move(current));
      current = RawBlock{};
      continue;
    }
    if (current.lines.empty()) current.first_line = line_number;
    current.lines.push_back(line);
  }
  if (!current.lines.empty()) blocks.push_back(std::move(current));
  return blocks;
}

void AddBlock(const RawBlock& raw, std::vector<StatementBlock>& blocks) {
  std::vector<TabLine> tab_lines;
  for (std::size_t i = 0; i < raw.lines.size(); ++i) {
    tab_lines.push_back({raw.lines[i], false, raw.first_line + static_cast<int>(i)});
  }
  std::vector<TabRow> rows = TabSeparatedRows(tab_lines);
  if (!rows.empty()) {
    for (TabRow& row : rows) {
      blocks.push_back(TableRowBlock(std::move(row.text), row.source_line));
    }
    return;
  }
  StatementBlock block;
  block.source_line = raw.first_line;
  for (const std::string& line : raw.lines) block.lines.push_back(CollapseWhitespace(line));
  blocks.push_back(std::move(block));
}

}  // namespace

int PlainTextImporter::Confidence(const SourceFile& file) const {
  if (!LooksLikeText(file.bytes)) return 0;
  return file.Extension() == ".txt" ? 30 : 15;
}

Result<ImportedDocument> PlainTextImporter::Read(const SourceFile& file) const {
  auto decoded = DecodeTextWithEncoding(file);
  if (!decoded) return Fail(decoded.error());

  std::vector<StatementBlock> blocks;
  for (const RawBlock& raw : SplitBlocks(decoded->text)) AddBlock(raw, blocks);

  ImportedDocument document;
  LayOutStatement(blocks,
                  LayoutOptions{.unmarked_headings = true,
                                .strict_front_matter = true,
                                .fallback_title = platform::PathToUtf8(file.path.stem())},
                  document);
  if (decoded->encoding != "UTF-8") {
    document.metadata["encoding"] = decoded->encoding;
    if (decoded->encoding == "Shift_JIS") {
      document.warnings.push_back("The file was read as Shift_JIS (Japanese), not UTF-8.");
    }
  }
  if (document.paragraphs.empty() && blocks.empty()) {
    return Fail(ErrorCode::kParse, "File " + Quoted(file.DisplayName()) + " contains no text.");
  }
  return document;
}

}  // namespace nt::importers
