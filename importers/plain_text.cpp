#include "importers/plain_text.h"

#include "core/text.h"
#include "importers/text_decoding.h"

namespace nt::importers {

int PlainTextImporter::Confidence(const SourceFile& file) const {
  if (!LooksLikeText(file.bytes)) return 0;
  // Any text can be read as plain text, but a format that knows the file better should win.
  return file.Extension() == ".txt" ? 20 : 10;
}

Result<ImportedDocument> PlainTextImporter::Read(const SourceFile& file) const {
  auto text = DecodeText(file);
  if (!text) return Fail(text.error());

  ImportedDocument document;
  document.kind = DocumentKind::kOther;
  std::string block;
  int block_line = 0;
  int line_number = 0;
  auto flush = [&] {
    std::string collapsed = CollapseWhitespace(block);
    block.clear();
    if (collapsed.empty()) return;
    if (document.title.empty()) {
      document.title = collapsed;
      return;
    }
    ImportedParagraph paragraph;
    paragraph.text = std::move(collapsed);
    paragraph.source_line = block_line;
    document.paragraphs.push_back(std::move(paragraph));
  };
  for (const std::string& line : Split(*text, '\n')) {
    ++line_number;
    if (TrimView(line).empty()) {
      flush();
      continue;
    }
    if (block.empty()) block_line = line_number;
    block += line;
    block += '\n';
  }
  flush();
  if (document.title.empty()) {
    return Fail(ErrorCode::kParse, "File " + Quoted(file.DisplayName()) + " contains no text.");
  }
  return document;
}

}  // namespace nt::importers
