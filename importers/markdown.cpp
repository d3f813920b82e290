#include "importers/markdown.h"

#include <md4c.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <vector>

#include "core/platform.h"
#include "core/text.h"
#include "importers/nesting_limit.h"
#include "importers/statement_html_fragment.h"
#include "importers/statement_layout.h"
#include "importers/text_decoding.h"

namespace nt::importers {
namespace {

// md4c's CommonMark dialect plus pipe tables and strikethrough; raw HTML stays enabled because
// pasted tables arrive as HTML (statement_html_fragment.h reads them).
constexpr unsigned kParserFlags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;

// An HTML entity as md4c reports it ("&amp;", "&#8220;", "&#x2014;") as UTF-8. md4c leaves
// entity decoding to the renderer; named entities beyond the common ones stay as printed.
std::string DecodeEntity(std::string_view entity) {
  if (entity.size() >= 4 && entity[1] == '#') {
    bool hex = entity[2] == 'x' || entity[2] == 'X';
    std::string_view digits = entity.substr(hex ? 3 : 2, entity.size() - (hex ? 4 : 3));
    unsigned value = 0;
    auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
    std::string out;
    if (ec == std::errc() && end == digits.data() + digits.size()) {
      AppendUtf8(out, value);
      return out;
    }
    return std::string(entity);
  }
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"},         {"&lt;", "<"},          {"&gt;", ">"},         {"&quot;", "\""},
      {"&apos;", "'"},        {"&nbsp;", "\u00A0"},   {"&ndash;", "\u2013"}, {"&mdash;", "\u2014"},
      {"&hellip;", "\u2026"}, {"&lsquo;", "\u2018"},  {"&rsquo;", "\u2019"}, {"&ldquo;", "\u201C"},
      {"&rdquo;", "\u201D"},  {"&copy;", "\u00A9"},   {"&reg;", "\u00AE"},   {"&trade;", "\u2122"},
      {"&eacute;", "\u00E9"}, {"&euro;", "\u20AC"},   {"&yen;", "\u00A5"},   {"&sect;", "\u00A7"},
      {"&para;", "\u00B6"},   {"&middot;", "\u00B7"}, {"&bull;", "\u2022"},  {"&times;", "\u00D7"}};
  for (const auto& [name, text] : kNamed) {
    if (entity == name) return std::string(text);
  }
  return std::string(entity);
}

std::string AttributeText(const MD_ATTRIBUTE& attribute) {
  std::string out;
  if (attribute.text == nullptr) return out;
  for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
    std::string_view piece(attribute.text + attribute.substr_offsets[i],
                           attribute.substr_offsets[i + 1] - attribute.substr_offsets[i]);
    out += attribute.substr_types[i] == MD_TEXT_ENTITY ? DecodeEntity(piece) : std::string(piece);
  }
  return out;
}

// "<b>", "</STRONG >", "<br/>" -> ("b", false), ("strong", true), ("br", false).
std::pair<std::string, bool> TagName(std::string_view tag) {
  std::size_t i = 1;
  bool closing = i < tag.size() && tag[i] == '/';
  if (closing) ++i;
  std::string name;
  while (i < tag.size() && ((tag[i] >= 'a' && tag[i] <= 'z') || (tag[i] >= 'A' && tag[i] <= 'Z') ||
                            (tag[i] >= '0' && tag[i] <= '9'))) {
    name += tag[i++];
  }
  return {ToLowerAscii(name), closing};
}

// Receives md4c's SAX events and builds StatementBlocks. One per parse; md4c calls it on one
// thread. Callbacks never let an exception reach md4c's C frames: they record it and abort.
class BlockCollector {
 public:
  explicit BlockCollector(std::string_view source) : source_(source) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (source[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  // Runs md4c over the source. Errors: kParse when md4c stops (out of memory, or a failure
  // inside a callback).
  Status Parse(const std::string& display_name) {
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = kParserFlags;
    parser.enter_block = &BlockCollector::OnEnterBlock;
    parser.leave_block = &BlockCollector::OnLeaveBlock;
    parser.enter_span = &BlockCollector::OnEnterSpan;
    parser.leave_span = &BlockCollector::OnLeaveSpan;
    parser.text = &BlockCollector::OnText;
    int result = md_parse(source_.data(), static_cast<MD_SIZE>(source_.size()), &parser, this);
    if (result != 0 || failed_) {
      return Fail(ErrorCode::kParse, "File " + Quoted(display_name) +
                                         " could not be read as Markdown (the parser stopped" +
                                         (failure_.empty() ? "" : ": " + failure_) + ").");
    }
    return {};
  }

  std::vector<StatementBlock> TakeBlocks() { return std::move(blocks_); }

 private:
  struct Line {
    std::string text;
    bool starts_bold = false;
    int source_line = 0;
    bool hard_end = false;  // ended by a hard break: a printed line of its own
  };

  struct OpenBlock {
    BlockKind kind = BlockKind::kParagraph;
    int heading_level = 0;
    std::string list_label;
    std::vector<Line> lines{Line{}};
    std::size_t chars = 0, emphasised_chars = 0, strong_chars = 0;
    int source_line = 0;
  };

  struct List {
    bool ordered = false;
    unsigned next_number = 1;
    char delimiter = '.';
  };

  template <typename Function>
  static int Guard(void* userdata, Function&& function) {
    auto* self = static_cast<BlockCollector*>(userdata);
    try {
      function(*self);
      return 0;
    } catch (const std::exception& exception) {
      self->failed_ = true;
      self->failure_ = exception.what();
    } catch (...) {
      self->failed_ = true;
    }
    return 1;
  }

  static int OnEnterBlock(MD_BLOCKTYPE type, void* detail, void* userdata) {
    return Guard(userdata, [&](BlockCollector& self) { self.EnterBlock(type, detail); });
  }
  static int OnLeaveBlock(MD_BLOCKTYPE type, void* /*detail*/, void* userdata) {
    return Guard(userdata, [&](BlockCollector& self) { self.LeaveBlock(type); });
  }
  static int OnEnterSpan(MD_SPANTYPE type, void* detail, void* userdata) {
    return Guard(userdata, [&](BlockCollector& self) { self.EnterSpan(type, detail); });
  }
  static int OnLeaveSpan(MD_SPANTYPE type, void* /*detail*/, void* userdata) {
    return Guard(userdata, [&](BlockCollector& self) { self.LeaveSpan(type); });
  }
  static int OnText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
    return Guard(userdata, [&](BlockCollector& self) { self.Text(type, text, size); });
  }

  void EnterBlock(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_UL:
        Flush();
        lists_.push_back({});
        break;
      case MD_BLOCK_OL: {
        Flush();
        const auto* ol = static_cast<const MD_BLOCK_OL_DETAIL*>(detail);
        lists_.push_back({true, ol->start, ol->mark_delimiter});
        break;
      }
      case MD_BLOCK_LI:
        Flush();
        pending_list_label_.clear();
        if (!lists_.empty() && lists_.back().ordered) {
          // The printed number: md4c restarts a list's count after any interruption, but the
          // start of each list carries the number the author wrote.
          pending_list_label_ =
              std::to_string(lists_.back().next_number++) + lists_.back().delimiter;
        }
        break;
      case MD_BLOCK_HR:
        Flush();
        blocks_.push_back(BreakBlock());
        break;
      case MD_BLOCK_H:
        Flush();
        Open(BlockKind::kHeading);
        open_->heading_level =
            static_cast<int>(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
      case MD_BLOCK_P:
      case MD_BLOCK_CODE:
        Flush();
        Open(BlockKind::kParagraph);
        break;
      case MD_BLOCK_HTML:
        Flush();
        in_html_ = true;
        html_.clear();
        html_line_ = 0;
        break;
      case MD_BLOCK_TR:
        Flush();
        Open(BlockKind::kTableRow);
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (open_ && !open_->lines.back().text.empty()) open_->lines.back().text += '\t';
        break;
      default:
        break;
    }
  }

  void LeaveBlock(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        Flush();
        if (!lists_.empty()) lists_.pop_back();
        break;
      case MD_BLOCK_LI:
        Flush();
        pending_list_label_.clear();
        break;
      case MD_BLOCK_H:
      case MD_BLOCK_P:
      case MD_BLOCK_CODE:
      case MD_BLOCK_TR:
        Flush();
        break;
      case MD_BLOCK_HTML:
        in_html_ = false;
        // Before Gumbo, whose cost grows with the square of the nesting depth (nesting_limit.h).
        if (auto at = FindExcessiveHtmlNesting(html_)) {
          failed_ = true;
          failure_ = "its HTML nests elements more than " + std::to_string(kMaxNestingDepth) +
                     " levels deep (line " +
                     std::to_string(std::max(html_line_, 1) + LineOfOffset(html_, *at) - 1) + ")";
          break;
        }
        for (HtmlParagraph& paragraph : HtmlFragmentParagraphs(html_)) {
          int line = html_line_ > 0 ? html_line_ + paragraph.line - 1 : 0;
          blocks_.push_back(TableRowBlock(std::move(paragraph.text), line));
        }
        break;
      default:
        break;
    }
  }

  void EnterSpan(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_EM:
        ++emphasis_depth_;
        break;
      case MD_SPAN_STRONG:
        ++strong_depth_;
        break;
      case MD_SPAN_IMG:
        ++image_depth_;
        break;
      case MD_SPAN_A: {
        EnsureOpen();
        link_href_ = AttributeText(static_cast<const MD_SPAN_A_DETAIL*>(detail)->href);
        link_line_ = open_->lines.size() - 1;
        link_start_ = open_->lines.back().text.size();
        in_link_ = true;
        break;
      }
      default:
        break;
    }
  }

  void LeaveSpan(MD_SPANTYPE type) {
    switch (type) {
      case MD_SPAN_EM:
        --emphasis_depth_;
        break;
      case MD_SPAN_STRONG:
        --strong_depth_;
        break;
      case MD_SPAN_IMG:
        --image_depth_;
        break;
      case MD_SPAN_A: {
        in_link_ = false;
        if (!open_ || link_line_ != open_->lines.size() - 1) break;
        // A link whose text is its address shows the address itself: the text may carry
        // Markdown escapes ("\_") that the address does not.
        std::string& text = open_->lines.back().text;
        std::string_view shown = TrimView(std::string_view(text).substr(link_start_));
        if ((shown.starts_with("http://") || shown.starts_with("https://") ||
             shown.starts_with("www.")) &&
            !link_href_.empty()) {
          text.resize(link_start_);
          text += link_href_;
        }
        break;
      }
      default:
        break;
    }
  }

  void Text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    std::string_view piece(text, size);
    if (in_html_) {
      if (html_line_ == 0) html_line_ = LineOf(text);
      html_ += piece;
      return;
    }
    if (image_depth_ > 0) return;  // alt text describes a picture; it is not the document's text
    switch (type) {
      case MD_TEXT_NORMAL:
        Append(piece, text);
        break;
      case MD_TEXT_CODE:
        // Code blocks bring their own line ends.
        for (std::size_t start = 0; start <= piece.size();) {
          std::size_t end = piece.find('\n', start);
          Append(piece.substr(start, end == std::string_view::npos ? end : end - start), text);
          if (end == std::string_view::npos) break;
          EndLine(true);
          start = end + 1;
        }
        break;
      case MD_TEXT_NULLCHAR:
        Append("\uFFFD", nullptr);
        break;
      case MD_TEXT_ENTITY:
        Append(DecodeEntity(piece), text);
        break;
      case MD_TEXT_BR:
        EndLine(true);
        break;
      case MD_TEXT_SOFTBR:
        EndLine(false);
        break;
      case MD_TEXT_HTML: {
        auto [name, closing] = TagName(piece);
        if (name == "b" || name == "strong") {
          html_bold_depth_ += closing ? -1 : 1;
          html_bold_depth_ = std::max(html_bold_depth_, 0);
        } else if (name == "br") {
          EndLine(true);
        }
        break;  // other inline tags carry no text
      }
      default:
        Append(piece, text);
        break;
    }
  }

  int LineOf(const char* pointer) const {
    if (pointer < source_.data() || pointer >= source_.data() + source_.size()) return 0;
    auto offset = static_cast<std::size_t>(pointer - source_.data());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<int>(it - line_starts_.begin());
  }

  void Open(BlockKind kind) {
    // Not emplace(): clang (the fuzz build) decides that OpenBlock is not default-constructible
    // while BlockCollector is still incomplete, and rejects the call.
    open_ = OpenBlock{};
    open_->kind = kind;
    if (kind == BlockKind::kParagraph) {
      open_->list_label = std::move(pending_list_label_);
      pending_list_label_.clear();
    }
  }

  // Text directly inside a tight list item arrives without a paragraph around it.
  void EnsureOpen() {
    if (!open_) Open(BlockKind::kParagraph);
  }

  void Append(std::string_view piece, const char* source_pointer) {
    EnsureOpen();
    Line& line = open_->lines.back();
    int bold_depth = strong_depth_ + html_bold_depth_;
    if (TrimView(line.text).empty() && !TrimView(piece).empty()) {
      line.starts_bold = bold_depth > 0;
    }
    if (source_pointer) {
      int source_line = LineOf(source_pointer);
      if (line.source_line == 0) line.source_line = source_line;
      if (open_->source_line == 0) open_->source_line = source_line;
    }
    line.text += piece;
    std::size_t chars = 0;
    for (char c : piece) {
      if (c != ' ' && c != '\t' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
    }
    open_->chars += chars;
    if (emphasis_depth_ > 0) open_->emphasised_chars += chars;
    if (bold_depth > 0) open_->strong_chars += chars;
  }

  void EndLine(bool hard) {
    if (!open_) return;
    open_->lines.back().hard_end = hard;
    open_->lines.push_back(Line{});
  }

  void Flush() {
    if (!open_) return;
    OpenBlock block = std::move(*open_);
    open_.reset();
    if (block.chars == 0) return;

    if (block.kind == BlockKind::kTableRow) {
      std::vector<std::string> cells;
      for (const std::string& cell : Split(block.lines.front().text, '\t')) {
        if (std::string text = CollapseWhitespace(cell); !text.empty()) cells.push_back(text);
      }
      if (cells.empty()) return;
      std::string row = cells.front();
      if (cells.size() > 1) {
        row += ": " + Join(std::vector<std::string>(cells.begin() + 1, cells.end()), "; ");
      }
      blocks_.push_back(TableRowBlock(std::move(row), block.source_line));
      return;
    }

    if (block.kind == BlockKind::kParagraph) {
      std::vector<TabLine> tab_lines;
      for (const Line& line : block.lines) {
        tab_lines.push_back({line.text, line.starts_bold, line.source_line});
      }
      std::vector<TabRow> rows = TabSeparatedRows(tab_lines);
      if (!rows.empty()) {
        for (TabRow& row : rows) {
          blocks_.push_back(TableRowBlock(std::move(row.text), row.source_line));
        }
        return;
      }
    }

    StatementBlock out;
    out.kind = block.kind;
    out.heading_level = block.heading_level;
    out.list_label = std::move(block.list_label);
    out.emphasised = block.emphasised_chars == block.chars;
    out.strong = block.strong_chars == block.chars;
    out.source_line = block.source_line;
    std::string current;
    for (const Line& line : block.lines) {
      current = JoinText(current, CollapseWhitespace(line.text));
      if (line.hard_end && !current.empty()) {
        out.lines.push_back(std::move(current));
        current.clear();
      }
    }
    if (!current.empty()) out.lines.push_back(std::move(current));
    if (!out.lines.empty()) blocks_.push_back(std::move(out));
  }

  std::string_view source_;
  std::vector<std::size_t> line_starts_;
  std::vector<StatementBlock> blocks_;
  std::optional<OpenBlock> open_;
  std::vector<List> lists_;
  std::string pending_list_label_;  // "7." for the list item just entered
  int emphasis_depth_ = 0;
  int strong_depth_ = 0;
  int html_bold_depth_ = 0;  // <b>/<strong> written as raw HTML inside a paragraph
  int image_depth_ = 0;
  bool in_link_ = false;
  std::string link_href_;
  std::size_t link_line_ = 0;
  std::size_t link_start_ = 0;
  bool in_html_ = false;
  std::string html_;
  int html_line_ = 0;
  bool failed_ = false;
  std::string failure_;
};

// Counts of Markdown constructs, judged line by line.
struct MarkdownSignals {
  int headings = 0, emphasis = 0, links = 0, rules = 0, fences = 0, quotes = 0, lists = 0,
      hard_breaks = 0;
};

bool HasEmphasis(std::string_view line) {
  for (std::string_view mark : {"**", "__"}) {
    std::size_t open = line.find(mark);
    if (open == std::string_view::npos || open + 2 >= line.size() || line[open + 2] == ' ') {
      continue;
    }
    if (line.find(mark, open + 3) != std::string_view::npos) return true;
  }
  // "*text*" with no space inside the markers.
  for (std::size_t open = line.find('*'); open != std::string_view::npos;
       open = line.find('*', open + 1)) {
    if (open + 1 >= line.size() || line[open + 1] == ' ' || line[open + 1] == '*') continue;
    std::size_t close = line.find('*', open + 1);
    if (close != std::string_view::npos && line[close - 1] != ' ') return true;
  }
  return false;
}

MarkdownSignals ScanSignals(std::string_view text) {
  MarkdownSignals signals;
  for (const std::string& raw : Split(text.substr(0, 200'000), '\n')) {
    std::string_view line = raw;
    std::string_view trimmed = TrimView(line);
    if (trimmed.starts_with('#')) {
      std::size_t level = trimmed.find_first_not_of('#');
      if (level != std::string_view::npos && level <= 6 && trimmed[level] == ' ')
        ++signals.headings;
    }
    if (trimmed == "---" || trimmed == "***" || trimmed == "___" ||
        (trimmed.size() >= 3 && trimmed.find_first_not_of('=') == std::string_view::npos)) {
      ++signals.rules;
    }
    if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) ++signals.fences;
    if (trimmed.starts_with("> ")) ++signals.quotes;
    if (trimmed.starts_with("- ") || trimmed.starts_with("* ") || trimmed.starts_with("+ ")) {
      ++signals.lists;
    }
    if (HasEmphasis(trimmed)) ++signals.emphasis;
    if (line.find("](") != std::string_view::npos) ++signals.links;
    if (line.size() > 2 && line.ends_with("  ") && !trimmed.empty()) ++signals.hard_breaks;
  }
  return signals;
}

}  // namespace

int MarkdownImporter::Confidence(const SourceFile& file) const {
  if (!LooksLikeText(file.bytes)) return 0;
  std::string_view head = TrimView(std::string_view(file.bytes).substr(0, 512));
  if (StartsWithIgnoreCase(head, "<!doctype") || StartsWithIgnoreCase(head, "<html") ||
      head.starts_with("<?xml")) {
    return 5;  // a web page or XML: the HTML and XML importers read those
  }
  MarkdownSignals signals = ScanSignals(file.bytes);
  int score = 0;
  if (signals.headings > 0) score += 30;
  if (signals.emphasis > 0) score += 20;
  if (signals.links > 0) score += 15;
  if (signals.fences > 0) score += 15;
  if (signals.rules > 0) score += 10;
  if (signals.quotes > 0) score += 5;
  if (signals.lists > 0) score += 5;
  if (signals.hard_breaks > 0) score += 5;
  std::string extension = file.Extension();
  if (extension == ".md" || extension == ".markdown") score = std::max(score + 30, 60);
  return std::clamp(score, 0, 95);
}

Result<ImportedDocument> MarkdownImporter::Read(const SourceFile& file) const {
  auto decoded = DecodeTextWithEncoding(file);
  if (!decoded) return Fail(decoded.error());
  BlockCollector collector(decoded->text);
  NT_TRY(collector.Parse(file.DisplayName()));
  ImportedDocument document;
  LayoutOptions options;
  options.fallback_title = platform::PathToUtf8(file.path.stem());
  LayOutStatement(collector.TakeBlocks(), options, document);
  if (decoded->encoding != "UTF-8") {
    document.metadata["encoding"] = decoded->encoding;
    if (decoded->encoding == "Shift_JIS") {
      document.warnings.push_back("The file was read as Shift_JIS (Japanese), not UTF-8.");
    }
  }
  return document;
}

}  // namespace nt::importers
