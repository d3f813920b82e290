#include "importers/statement_layout.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "core/text.h"
#include "importers/document_head.h"
#include "importers/statement_dateline.h"
#include "importers/statement_labels.h"

namespace nt::importers {
namespace {

// Above this many words a labelled line is an item, not the heading of sub-items.
constexpr std::size_t kMaxHeadingWords = 12;
// Front matter lines are short: "Media Note", "Washington, DC", "Counselor for ...".
constexpr std::size_t kMaxFrontMatterWords = 10;
constexpr std::size_t kMaxFrontMatterLines = 6;

// ---- UTF-8 helpers -------------------------------------------------------------------------

char32_t DecodeAt(std::string_view text, std::size_t i, std::size_t* length) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  std::size_t n = c < 0x80           ? 1
                  : (c >> 5) == 0x6  ? 2
                  : (c >> 4) == 0xE  ? 3
                  : (c >> 3) == 0x1E ? 4
                                     : 1;
  if (i + n > text.size()) n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  if (length) *length = n;
  return cp;
}

std::optional<char32_t> FirstCodePoint(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return DecodeAt(text, 0, nullptr);
}

std::optional<char32_t> LastCodePoint(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::size_t i = text.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return DecodeAt(text, i, nullptr);
}

std::string_view DropLastCodePoint(std::string_view text) {
  if (text.empty()) return text;
  std::size_t i = text.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return text.substr(0, i);
}

bool IsCjk(char32_t cp) {
  return (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

bool IsKana(char32_t cp) { return cp >= 0x3040 && cp <= 0x30FF; }

bool IsClosingMark(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '*' || cp == U'\u201D' ||
         cp == U'\u2019' || cp == U'\u300D' || cp == U'\u300F' || cp == U'\uFF09';
}

// True when the text ends a sentence or a lead-in: ".", "?", "!", ":", ";", "。", also behind
// closing quotes or brackets ("...Cooperation.”").
bool EndsWithTerminalPunctuation(std::string_view text) {
  std::string_view rest = TrimView(text);
  while (auto cp = LastCodePoint(rest)) {
    if (*cp == '.' || *cp == '?' || *cp == '!' || *cp == ':' || *cp == ';' || *cp == U'\u3002' ||
        *cp == U'\uFF01' || *cp == U'\uFF1F' || *cp == U'\uFF1A') {
      return true;
    }
    if (!IsClosingMark(*cp)) return false;
    rest = DropLastCodePoint(rest);
  }
  return false;
}

std::string LastWord(std::string_view text) {
  std::vector<std::string> words = Split(CollapseWhitespace(text), ' ');
  return words.empty() ? std::string() : ToLowerAscii(words.back());
}

bool StartsLowercase(std::string_view text) {
  return !text.empty() && text[0] >= 'a' && text[0] <= 'z';
}

bool StartsUppercase(std::string_view text) {
  return !text.empty() && text[0] >= 'A' && text[0] <= 'Z';
}

// Words that cannot end an English sentence: a block ending with one was cut short.
bool IsDanglingWord(std::string_view word) {
  static constexpr std::array<std::string_view, 34> kWords = {
      "of",    "the",  "a",       "an",        "and",  "or",    "to",      "in",    "on",
      "for",   "with", "by",      "from",      "at",   "as",    "between", "among", "into",
      "than",  "that", "which",   "whose",     "its",  "their", "our",     "his",   "her",
      "under", "over", "through", "including", "such", "both",  "this"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// ---- recognisers ---------------------------------------------------------------------------

// "Begin text:" and "End text." frame the statement in State Department releases.
bool IsTextMarker(std::string_view text) {
  std::string line = ToLowerAscii(CollapseWhitespace(text));
  while (!line.empty() && (line.back() == ':' || line.back() == '.')) line.pop_back();
  return line == "begin text" || line == "end text";
}

bool MentionsSiteChrome(std::string_view text) {
  static constexpr std::array<std::string_view, 13> kCues = {
      "website",        "web site",      "this site",   "external links",
      "internet sites", "privacy polic", "copyright",   "all rights reserved",
      "\u00A9",         "terms of use",  "back to top", "endorsement of the views",
      "this page"};
  return std::any_of(kCues.begin(), kCues.end(),
                     [&](std::string_view cue) { return ContainsIgnoreCase(text, cue); });
}

// "■ Table 2: Priority Areas", "Table 1. Basic Principles", "Figure 3: ..." -> the caption
// without its bullet; nullopt for other text.
std::optional<std::string> TableCaption(std::string_view text) {
  std::string caption(StripLeadingBullet(TrimView(text)));
  for (std::string_view word : {"Table ", "Figure ", "Chart "}) {
    if (!caption.starts_with(word)) continue;
    std::size_t i = word.size();
    std::size_t digits = 0;
    while (i + digits < caption.size() && caption[i + digits] >= '0' &&
           caption[i + digits] <= '9') {
      ++digits;
    }
    std::size_t after = i + digits;
    if (digits > 0 &&
        (after == caption.size() || caption[after] == ':' || caption[after] == '.' ||
         caption[after] == ' ') &&
        WordCount(caption) <= kMaxHeadingWords) {
      return caption;
    }
  }
  return std::nullopt;
}

// "Press Releases: Joint Statement of ..." -> {"Press Releases", "Joint Statement of ..."}.
std::pair<std::string, std::string> SplitSitePrefix(const std::string& title) {
  static constexpr std::array<std::string_view, 9> kPrefixes = {
      "Press Releases", "Press Release", "Media Notes", "Media Note", "Remarks",
      "Readouts",       "News",          "Statements",  "Speeches"};
  for (std::string_view prefix : kPrefixes) {
    if (title.size() > prefix.size() + 2 && StartsWithIgnoreCase(title, prefix) &&
        title[prefix.size()] == ':') {
      return {std::string(prefix), Trim(std::string_view(title).substr(prefix.size() + 1))};
    }
  }
  return {"", title};
}

std::string GuessLanguage(const std::vector<ImportedParagraph>& paragraphs) {
  std::size_t latin = 0, cjk = 0, kana = 0, english_cues = 0;
  for (const ImportedParagraph& paragraph : paragraphs) {
    std::string_view text = paragraph.text;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t n = 1;
      char32_t cp = DecodeAt(text, i, &n);
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) ++latin;
      if (IsCjk(cp)) ++cjk;
      if (IsKana(cp)) ++kana;
      i += n;
    }
    std::string padded = " " + ToLowerAscii(paragraph.text) + " ";
    for (std::string_view cue : {" the ", " and ", " of "}) {
      if (padded.find(cue) != std::string::npos) ++english_cues;
    }
  }
  if (kana > 0 && cjk * 2 >= latin) return "ja";
  if (latin > 0 && cjk * 10 < latin && english_cues > 0) return "en";
  return "";
}

// ---- front matter --------------------------------------------------------------------------

// What the lines before the content say about the document.
class FrontMatter {
 public:
  FrontMatter(const LayoutOptions& options, ImportedDocument& document)
      : options_(options), document_(document) {}

  // Takes a block into the front matter; false (and nothing recorded) when it is content.
  // `next` is the following block, whose date can confirm that this block's line is a place.
  bool Absorb(const StatementBlock& block, const StatementBlock* next) {
    if (block.kind != BlockKind::kParagraph || !block.list_label.empty() || block.lines.empty() ||
        block.lines.size() > kMaxFrontMatterLines) {
      return false;
    }
    bool anchored = false;  // the block (or the next one) holds a date or a release type
    for (const std::string& line : block.lines) {
      if (ParseReleaseType(line) || ParseDateline(line)) anchored = true;
    }
    if (next && next->kind == BlockKind::kParagraph && !next->lines.empty() &&
        ParseDateline(next->lines.front())) {
      anchored = true;
    }
    for (const std::string& line : block.lines) {
      if (ParseReleaseType(line) || ParseDateline(line)) continue;
      if (anchored && LooksLikePlace(line)) continue;
      if (options_.strict_front_matter) return false;
      if (ParseLeadingLabel(line) || WordCount(line) > kMaxFrontMatterWords ||
          EndsWithTerminalPunctuation(line)) {
        return false;
      }
    }
    Record(block, anchored);
    return true;
  }

 private:
  void Record(const StatementBlock& block, bool anchored) {
    bool author_block = false;
    for (const std::string& line : block.lines) {
      if (auto type = ParseReleaseType(line)) {
        SetOnce("release_type", *type);
        continue;
      }
      if (auto dateline = ParseDateline(line)) {
        if (dateline->updated) {
          SetOnce("updated", dateline->date);
          continue;
        }
        if (document_.date.empty()) document_.date = dateline->date;
        if (!dateline->place.empty() && document_.place.empty()) {
          document_.place = dateline->place;
        }
        continue;
      }
      if (anchored && LooksLikePlace(line) && document_.place.empty()) {
        document_.place = line;
        continue;
      }
      if (block.strong && block.lines.size() == 1 && LooksLikePersonName(line) &&
          !document_.metadata.contains("author")) {
        document_.metadata["author"] = line;
        document_.actors.push_back({line, "person", "author"});
        author_block = true;
        continue;
      }
      if (after_author_) {
        Append("author_affiliation", line);
        continue;
      }
      std::string subtitle = StripDashes(line);
      if (!document_.metadata.contains("subtitle")) {
        document_.metadata["subtitle"] = subtitle;
      } else {
        Append("front_matter", subtitle);
      }
    }
    after_author_ = author_block;
  }

  static bool LooksLikePersonName(std::string_view line) {
    std::vector<std::string> words = Split(CollapseWhitespace(line), ' ');
    if (words.size() < 2 || words.size() > 4) return false;
    return std::all_of(words.begin(), words.end(),
                       [](const std::string& word) { return StartsUppercase(word); });
  }

  // "—j-initiative for Cybersecurity—" -> "j-initiative for Cybersecurity".
  static std::string StripDashes(std::string_view line) {
    std::string text = Trim(line);
    for (std::string_view dash : {"\u2014", "\u2013", "-"}) {
      while (text.starts_with(dash)) text.erase(0, dash.size());
      while (text.ends_with(dash)) text.erase(text.size() - dash.size());
    }
    return Trim(text);
  }

  void SetOnce(const std::string& key, const std::string& value) {
    if (!document_.metadata.contains(key)) document_.metadata[key] = value;
  }
  void Append(const std::string& key, const std::string& value) {
    std::string& existing = document_.metadata[key];
    existing = existing.empty() ? value : existing + "; " + value;
  }

  const LayoutOptions& options_;
  ImportedDocument& document_;
  bool after_author_ = false;
};

// ---- body ----------------------------------------------------------------------------------

enum class Role { kBody, kHeading, kSubHeading, kCaption, kRow, kBoilerplate, kDropped };

struct Unit {
  Role role = Role::kBody;
  std::string text;  // for labelled blocks, the text after the label
  std::optional<LeadingLabel> label;
  int heading_level = 0;
  int source_line = 0;
  bool emphasised = false;
};

Unit MakeUnit(const StatementBlock& block) {
  Unit unit;
  unit.source_line = block.source_line;
  unit.heading_level = block.heading_level;
  unit.emphasised = block.emphasised;
  for (const std::string& line : block.lines) unit.text = JoinText(unit.text, line);
  switch (block.kind) {
    case BlockKind::kHeading:
      unit.role = Role::kHeading;
      return unit;
    case BlockKind::kTableRow:
      unit.role = Role::kRow;
      return unit;
    case BlockKind::kBreak:
      unit.role = Role::kDropped;
      return unit;
    case BlockKind::kParagraph:
      break;
  }
  if (!block.list_label.empty()) {
    // The printed list number, not md4c's restarted count, is the label.
    unit.label = ParseLeadingLabel(block.list_label + " " + unit.text);
    if (unit.label) unit.label->rest = unit.text;
  } else {
    unit.label = ParseLeadingLabel(unit.text);
  }
  if (unit.label) unit.text = unit.label->rest;
  return unit;
}

// "(1) Information Sharing": a labelled line that titles the items below it.
// Only the line's own shape counts here; FollowedByItsBody checks what comes after it.
bool IsLabelledHeading(const Unit& unit) {
  return unit.role == Role::kBody && unit.label && WordCount(unit.text) <= kMaxHeadingWords &&
         !EndsWithTerminalPunctuation(unit.text) && !StartsLowercase(unit.text) &&
         !IsDanglingWord(LastWord(unit.text));
}

// A heading needs text under it: a next block that is unlabelled or a deeper item. A run of
// short siblings ("(a) Japan", "(b) France") is a list, not headings (invariant 1).
bool FollowedByItsBody(const std::vector<Unit>& units, std::size_t i) {
  for (std::size_t j = i + 1; j < units.size(); ++j) {
    if (units[j].role == Role::kDropped) continue;
    if (units[j].role != Role::kBody) return false;
    if (!units[j].label) return true;
    return units[j].label->parts.front().style != units[i].label->parts.front().style;
  }
  return false;
}

bool IsUnmarkedHeading(const Unit& unit) {
  return unit.role == Role::kBody && !unit.label && WordCount(unit.text) <= kMaxHeadingWords &&
         !EndsWithTerminalPunctuation(unit.text) && StartsUppercase(unit.text) &&
         unit.text.find("://") == std::string::npos;
}

// Whether `next` continues the sentence `previous` left unfinished (invariant 3).
bool ContinuesSentence(const Unit& previous, const Unit& next) {
  if (previous.role != Role::kBody || next.role != Role::kBody || next.label) return false;
  if (EndsWithTerminalPunctuation(previous.text)) return false;
  if (StartsLowercase(next.text)) return true;
  auto last = LastCodePoint(previous.text);
  auto first = FirstCodePoint(next.text);
  if (last && first && IsCjk(*last) && IsCjk(*first)) return true;
  return IsDanglingWord(LastWord(previous.text));
}

// The next unit after `i` that is running text, skipping tables and captions that a page layout
// dropped into a sentence; units.size() when there is none.
std::size_t NextTextUnit(const std::vector<Unit>& units, std::size_t i) {
  std::size_t j = i + 1;
  while (j < units.size() && (units[j].role == Role::kDropped || units[j].role == Role::kCaption ||
                              units[j].role == Role::kRow)) {
    ++j;
  }
  return j;
}

void RejoinSplitParagraphs(std::vector<Unit>& units, std::vector<std::string>& warnings) {
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].role != Role::kBody) continue;
    // A paragraph may have been split more than once: keep joining while it continues.
    for (std::size_t j = NextTextUnit(units, i);
         j < units.size() && ContinuesSentence(units[i], units[j]); j = NextTextUnit(units, j)) {
      warnings.push_back("Rejoined the paragraph starting on line " +
                         std::to_string(units[i].source_line) + " with its continuation on line " +
                         std::to_string(units[j].source_line) +
                         " (a sentence split by a page break or a table).");
      units[i].text = JoinText(units[i].text, units[j].text);
      units[j].role = Role::kDropped;
    }
  }
}

void ClassifyUnits(std::vector<Unit>& units, const LayoutOptions& options,
                   std::vector<std::string>& warnings) {
  std::size_t last_labelled = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].label) last_labelled = i;
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    Unit& unit = units[i];
    if (unit.role != Role::kBody) continue;
    if (IsTextMarker(unit.text) && !unit.label) {
      unit.role = Role::kDropped;
    } else if (!unit.label && MentionsSiteChrome(unit.text) &&
               (unit.emphasised || i > last_labelled)) {
      unit.role = Role::kBoilerplate;
    } else if (!unit.label) {
      if (auto caption = TableCaption(unit.text)) {
        unit.role = Role::kCaption;
        unit.text = *caption;
      }
    }
  }
  RejoinSplitParagraphs(units, warnings);
  for (std::size_t i = 0; i < units.size(); ++i) {
    Unit& unit = units[i];
    if (IsLabelledHeading(unit) && FollowedByItsBody(units, i)) {
      unit.role = Role::kSubHeading;
    } else if (options.unmarked_headings && IsUnmarkedHeading(unit) && i + 1 < units.size() &&
               units[i + 1].role == Role::kBody) {
      unit.role = Role::kHeading;
      unit.heading_level = 0;
    }
  }
}

// Builds paragraphs from classified units, keeping the heading and label context.
class ParagraphBuilder {
 public:
  explicit ParagraphBuilder(std::vector<ImportedParagraph>& out) : out_(out) {}

  void Add(const Unit& unit) {
    switch (unit.role) {
      case Role::kDropped:
        return;
      case Role::kHeading:
        return AddHeading(unit);
      case Role::kSubHeading: {
        std::string composed = labels_.Push(unit.label->parts);
        CloseSubHeadings(labels_.Depth());
        sub_headings_.push_back({labels_.Depth(), unit.label->printed + " " + unit.text});
        heading_label_ = composed;
        caption_.clear();
        return;
      }
      case Role::kCaption:
        caption_ = unit.text;
        return;
      case Role::kRow: {
        std::vector<std::string> path = HeadingPath();
        if (!caption_.empty()) path.push_back(caption_);
        Emit(unit, "", std::move(path), false);
        return;
      }
      case Role::kBoilerplate:
        caption_.clear();
        Emit(unit, "", HeadingPath(), true);
        return;
      case Role::kBody: {
        caption_.clear();
        std::string label = heading_label_;
        if (unit.label) {
          label = labels_.Push(unit.label->parts);
          CloseSubHeadings(labels_.Depth());
          heading_label_.clear();
        }
        Emit(unit, label, HeadingPath(), false);
        return;
      }
    }
  }

 private:
  void AddHeading(const Unit& unit) {
    auto section = ParseSectionNumber(unit.text);
    // Numbered sections nest by their number, whatever their Markdown level ("### 2.1" and
    // "## 2.2" are both children of "2."); unnumbered ones by level.
    std::size_t depth =
        section ? section->Depth() : static_cast<std::size_t>(std::max(1, unit.heading_level - 1));
    while (!headings_.empty() && headings_.back().first >= depth) headings_.pop_back();
    Unit heading = unit;
    heading.text = section ? section->rest : unit.text;
    Emit(heading, section ? section->number : "", HeadingPath(), false);
    headings_.push_back({depth, unit.text});
    labels_.Clear();
    sub_headings_.clear();
    heading_label_.clear();
    caption_.clear();
  }

  void CloseSubHeadings(std::size_t depth) {
    std::erase_if(sub_headings_, [&](const auto& entry) { return entry.first >= depth; });
  }

  std::vector<std::string> HeadingPath() const {
    std::vector<std::string> path;
    for (const auto& [depth, text] : headings_) path.push_back(text);
    for (const auto& [depth, text] : sub_headings_) path.push_back(text);
    return path;
  }

  void Emit(const Unit& unit, std::string label, std::vector<std::string> path, bool boilerplate) {
    if (unit.text.empty()) return;
    ImportedParagraph paragraph;
    paragraph.label = std::move(label);
    paragraph.heading_path = std::move(path);
    paragraph.text = unit.text;
    paragraph.is_boilerplate = boilerplate;
    paragraph.source_line = unit.source_line;
    out_.push_back(std::move(paragraph));
  }

  std::vector<ImportedParagraph>& out_;
  std::vector<std::pair<std::size_t, std::string>> headings_;      // (depth, heading text)
  std::vector<std::pair<std::size_t, std::string>> sub_headings_;  // (label depth, text)
  LabelPath labels_;
  std::string heading_label_;  // label of the last sub-heading, for its unlabelled body
  std::string caption_;        // the table caption the following rows belong to
};


// ---- the head: furniture, title, date --------------------------------------------------------

// The head is at most this many blocks; the title is looked for among them.
constexpr std::size_t kMaxHeadBlocks = 15;
// Longer blocks, and labelled ones, are the text.
constexpr std::size_t kMaxHeadWords = 30;

bool EndsWithClauseComma(std::string_view text) {
  std::string_view trimmed = TrimView(text);
  return trimmed.ends_with(',') || trimmed.ends_with(';') || trimmed.ends_with("\uFF0C") ||
         trimmed.ends_with("\uFF1B");
}

std::string BlockText(const StatementBlock& block) {
  std::string text;
  for (const std::string& line : block.lines) text = JoinText(text, line);
  return text;
}

// "# Joint Statement" in a text file: the Markdown marks are not part of the title.
std::string StripHeadingMarks(std::string_view text) {
  std::string_view rest = TrimView(text);
  std::size_t hashes = 0;
  while (hashes < rest.size() && rest[hashes] == '#') ++hashes;
  if (hashes > 0 && hashes <= 6 && hashes < rest.size() && rest[hashes] == ' ') {
    rest = TrimView(rest.substr(hashes));
  }
  return std::string(rest);
}

bool IsFurnitureBlock(const StatementBlock& block) {
  if (block.kind != BlockKind::kParagraph && block.kind != BlockKind::kHeading) return false;
  return !block.lines.empty() &&
         std::all_of(block.lines.begin(), block.lines.end(),
                     [](const std::string& line) { return IsWebPageFurniture(line); });
}

bool IsDateBlock(const StatementBlock& block) {
  return block.kind == BlockKind::kParagraph && !block.lines.empty() &&
         std::any_of(block.lines.begin(), block.lines.end(), [](const std::string& line) {
           return ParseDateline(line).has_value() || ParseReleaseType(line).has_value();
         });
}

struct HeadLines {
  std::optional<std::size_t> title;  // the block that names the document
  std::size_t end = 0;               // the first block of the text
};

// Reads the head from `from`: the short lines up to the first block of running text. The title
// is the line that reads most like one (TitleScore): a heading, a line that names a document,
// the line before the date; furniture never is.
HeadLines ReadHead(const std::vector<StatementBlock>& blocks, std::size_t from) {
  HeadLines head;
  int best = 0;
  std::optional<std::size_t> first_line;  // the old rule's title: a leading short line
  std::size_t i = from;
  for (; i < blocks.size() && i < from + kMaxHeadBlocks; ++i) {
    const StatementBlock& block = blocks[i];
    if (block.kind == BlockKind::kBreak) {
      if (head.title) break;
      continue;
    }
    if (IsFurnitureBlock(block)) continue;
    std::string text = BlockText(block);
    if (block.kind == BlockKind::kTableRow || !block.list_label.empty() ||
        ParseLeadingLabel(text) || WordCount(text) > kMaxHeadWords || block.lines.size() > 3) {
      break;
    }
    // A sentence ends the head: it and what follows are the text, never furniture or a title.
    // So does a clause that ends in a comma or a semicolon (a resolution's "The General
    // Assembly," and its preamble, an item of a list): no title or page line ends so.
    if (block.kind != BlockKind::kHeading && !IsDateBlock(block) &&
        ((EndsWithTerminalPunctuation(text) && WordCount(text) > 3) ||
         EndsWithClauseComma(text))) {
      break;
    }
    bool release_type = block.lines.size() == 1 && ParseReleaseType(block.lines.front());
    if (!first_line && !(IsDateBlock(block) && !release_type) &&
        (block.kind == BlockKind::kHeading || !EndsWithTerminalPunctuation(text))) {
      first_line = i;
    }
    if (IsDateBlock(block)) continue;
    bool before_date = false;
    for (std::size_t j = i + 1; j < blocks.size() && j < i + 4; ++j) {
      if (IsFurnitureBlock(blocks[j])) continue;
      before_date = IsDateBlock(blocks[j]);
      break;
    }
    int level = block.kind == BlockKind::kHeading ? std::max(1, block.heading_level) : 0;
    if (level == 0 && StripHeadingMarks(text) != Trim(text)) level = 1;
    int score = TitleScore(StripHeadingMarks(text), level, before_date);
    if (score > best) {
      best = score;
      head.title = i;
    }
  }
  head.end = i;
  // No line reads as a title ("Statement", a one-word heading): the first short line is one,
  // if it opens the text.
  if (!head.title && first_line == from) head.title = first_line;
  return head;
}

// A text without a title line: its first sentence, else the file name (a warning says which).
void TitleFromText(ImportedDocument& document, const LayoutOptions& options) {
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    if (paragraph.is_boilerplate || paragraph.text.empty()) continue;
    std::string_view text = paragraph.text;
    if (auto dateline = ParseLeadingDateline(text)) text = text.substr(dateline->length);
    std::string title = TitleFromFirstSentence(text);
    if (title.empty()) break;
    document.title = title;
    document.warnings.push_back("The text has no title line, so its first sentence is used as "
                                "its title.");
    return;
  }
  if (options.fallback_title.empty()) return;
  document.title = options.fallback_title;
  document.warnings.push_back("The text has no title line, so the file name \"" +
                              options.fallback_title + "\" is used as its title.");
}

// The document's own date when its front matter had none: a dateline that opens the first
// paragraph ("TOKYO, July 27, 2016 — ..."), then a dateline line at the end ("Tokyo, 27 July
// 2016"), then the page's last update. Dates in running text are the dates of meetings and
// other events, never the document's.
void FindDocumentDate(const std::vector<StatementBlock>& blocks, ImportedDocument& document) {
  for (const ImportedParagraph& paragraph : document.paragraphs) {
    if (paragraph.is_boilerplate) continue;
    if (auto leading = ParseLeadingDateline(paragraph.text)) {
      if (document.place.empty()) document.place = leading->dateline.place;
      if (document.date.empty()) document.date = leading->dateline.date;
    }
    break;
  }
  std::size_t seen = 0;
  for (std::size_t i = blocks.size(); i-- > 0 && seen < 3 && document.date.empty();) {
    if (blocks[i].kind != BlockKind::kParagraph || blocks[i].lines.empty()) continue;
    ++seen;
    if (IsWebPageFurniture(blocks[i].lines.front()) || MentionsSiteChrome(BlockText(blocks[i]))) {
      --seen;  // a footer does not count against the signature lines
      continue;
    }
    for (const std::string& line : blocks[i].lines) {
      auto dateline = ParseDateline(line);
      if (!dateline || dateline->updated) continue;
      document.date = dateline->date;
      if (document.place.empty()) document.place = dateline->place;
      break;
    }
  }
  if (document.date.empty()) {
    if (auto updated = document.metadata.find("updated"); updated != document.metadata.end()) {
      document.date = updated->second;
    }
  }
}

}  // namespace

void LayOutStatement(const std::vector<StatementBlock>& blocks, const LayoutOptions& options,
                     ImportedDocument& document) {
  std::size_t index = 0;
  while (index < blocks.size() && blocks[index].kind == BlockKind::kBreak) ++index;

  // The head: the short lines before the text, among them page furniture and the title.
  HeadLines head = ReadHead(blocks, index);
  FrontMatter front_matter(options, document);
  std::vector<Unit> furniture;  // kept as boilerplate paragraphs, ahead of the text
  auto keep_as_furniture = [&](std::size_t i) {
    Unit unit = MakeUnit(blocks[i]);
    unit.label.reset();
    unit.text.clear();
    for (const std::string& line : blocks[i].lines) unit.text = JoinText(unit.text, line);
    unit.role = Role::kBoilerplate;
    furniture.push_back(std::move(unit));
  };
  bool release_list = false;
  if (head.title) {
    // What stands above the title is the page's, or a kicker ("Media Note") and a date.
    for (; index < *head.title; ++index) {
      if (blocks[index].kind == BlockKind::kBreak) continue;
      for (const std::string& line : blocks[index].lines) release_list |= NamesReleaseList(line);
      bool kicker = std::all_of(
          blocks[index].lines.begin(), blocks[index].lines.end(), [](const std::string& line) {
            return ParseDateline(line).has_value() || ParseReleaseType(line).has_value();
          });
      if (kicker && front_matter.Absorb(blocks[index], &blocks[*head.title])) {
        continue;
      }
      keep_as_furniture(index);
    }
    std::string text;
    for (const std::string& line : blocks[index].lines) text = JoinText(text, line);
    auto [prefix, title] = SplitSitePrefix(StripHeadingMarks(text));
    if (!prefix.empty()) document.metadata["site_section"] = prefix;
    document.title = title;
    ++index;
  }

  while (index < blocks.size()) {
    if (blocks[index].kind == BlockKind::kBreak) {
      ++index;
      break;
    }
    if (index < head.end && IsFurnitureBlock(blocks[index])) {
      for (const std::string& line : blocks[index].lines) release_list |= NamesReleaseList(line);
      keep_as_furniture(index++);
      continue;
    }
    const StatementBlock* next = index + 1 < blocks.size() ? &blocks[index + 1] : nullptr;
    if (!front_matter.Absorb(blocks[index], next)) break;
    ++index;
  }

  std::vector<Unit> units;
  for (; index < blocks.size(); ++index) units.push_back(MakeUnit(blocks[index]));
  ClassifyUnits(units, options, document.warnings);
  ParagraphBuilder builder(document.paragraphs);
  for (const Unit& unit : furniture) builder.Add(unit);
  for (const Unit& unit : units) builder.Add(unit);

  if (document.title.empty()) TitleFromText(document, options);
  FindDocumentDate(blocks, document);
  document.kind = KindFromTitle(document.title, release_list ||
                                                    document.metadata.contains("release_type") ||
                                                    document.metadata.contains("site_section"));
  document.language = GuessLanguage(document.paragraphs);
  if (document.date.empty() && document.kind == DocumentKind::kStatement) {
    document.warnings.push_back("No date of issue was found at the head of the statement or in "
                                "a dateline.");
  }
}

StatementBlock TableRowBlock(std::string text, int source_line) {
  StatementBlock block;
  block.kind = BlockKind::kTableRow;
  block.lines.push_back(std::move(text));
  block.source_line = source_line;
  return block;
}

StatementBlock BreakBlock() {
  StatementBlock block;
  block.kind = BlockKind::kBreak;
  return block;
}

std::vector<TabRow> TabSeparatedRows(const std::vector<TabLine>& lines) {
  std::size_t with_tabs = 0;
  for (const TabLine& line : lines) {
    if (line.text.find('\t') != std::string::npos) ++with_tabs;
  }
  if (with_tabs < 2 || with_tabs * 2 < lines.size()) return {};

  struct Row {
    std::vector<std::string> cells;
    bool bold = false;
    int source_line = 0;
  };
  std::vector<Row> rows;
  for (const TabLine& line : lines) {
    Row row{{}, line.starts_bold, line.source_line};
    for (const std::string& cell : Split(line.text, '\t')) {
      std::string text = CollapseWhitespace(cell);
      if (!text.empty()) row.cells.push_back(std::move(text));
    }
    if (!row.cells.empty()) rows.push_back(std::move(row));
  }
  std::vector<TabRow> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    std::string text = row.cells.front();
    if (row.cells.size() > 1) {
      std::vector<std::string> rest(row.cells.begin() + 1, row.cells.end());
      text += ": " + Join(rest, "; ");
    } else if (row.bold && i + 1 < rows.size() && rows[i + 1].cells.size() == 1 &&
               !rows[i + 1].bold) {
      // A bold group heading over a one-cell description row: one row of the table.
      text += ": " + rows[i + 1].cells.front();
      ++i;
    }
    out.push_back({std::move(text), row.source_line});
  }
  return out;
}

std::string JoinText(std::string_view first, std::string_view second) {
  std::string_view a = TrimView(first);
  std::string_view b = TrimView(second);
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  auto last = LastCodePoint(a);
  auto next = FirstCodePoint(b);
  std::string joined(a);
  if (!(last && next && IsCjk(*last) && IsCjk(*next))) joined += ' ';
  joined += b;
  return joined;
}

std::string_view StripLeadingBullet(std::string_view text) {
  static constexpr std::array<std::string_view, 16> kBullets = {
      "\u25A0", "\u25A1", "\u25AA", "\u25CF", "\u25C6", "\u2022", "\u2023", "\u25E6",
      "\u27A2", "\u27A4", "\u2713", "\u2714", "\u30FB", "\u2043", "\u2192", "\u25B6"};
  std::string_view rest = TrimView(text);
  for (std::string_view bullet : kBullets) {
    if (rest.starts_with(bullet)) return TrimView(rest.substr(bullet.size()));
  }
  return rest;
}

}  // namespace nt::importers
