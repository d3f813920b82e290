#include "importers/un_report.h"

#include <algorithm>
#include <array>
#include <optional>

#include "core/text.h"
#include "importers/document_head.h"
#include "importers/statement_dateline.h"
#include "importers/statement_labels.h"
#include "importers/text_decoding.h"

namespace nt::importers {
namespace {

// The masthead sits in the first lines of the first page.
constexpr std::size_t kMastheadLines = 60;
// Longer blocks are running text, not headings or a title.
constexpr std::size_t kMaxHeadingWords = 25;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

bool EndsWithTerminalPunctuation(std::string_view text) {
  std::string_view t = TrimView(text);
  while (!t.empty() && (t.back() == '"' || t.back() == ')' || t.back() == '*')) t.remove_suffix(1);
  return !t.empty() &&
         (t.back() == '.' || t.back() == ':' || t.back() == ';' || t.back() == '?' ||
          t.back() == '!' || t.back() == ',');
}

std::optional<std::string> AfterPrefix(std::string_view line, std::string_view prefix) {
  if (!StartsWithIgnoreCase(line, prefix)) return std::nullopt;
  return Trim(line.substr(prefix.size()));
}

// "IV. Confidence-building measures" -> "IV"; nullopt when the line does not start so.
std::optional<std::string> LeadingRoman(std::string_view text) {
  std::size_t n = 0;
  while (n < text.size() && (text[n] == 'I' || text[n] == 'V' || text[n] == 'X')) ++n;
  if (n == 0 || n > 5 || n + 1 >= text.size() || text[n] != '.' || text[n + 1] != ' ') {
    return std::nullopt;
  }
  return std::string(text.substr(0, n));
}

// "A. Principles of capacity-building" -> true.
bool StartsWithCapitalLetterLabel(std::string_view text) {
  return text.size() > 3 && IsUpper(text[0]) && text[1] == '.' && text[2] == ' ' &&
         IsUpper(text[3]);
}

bool IsShortHeadingText(std::string_view text) {
  return WordCount(text) <= kMaxHeadingWords && !EndsWithTerminalPunctuation(text) &&
         !text.empty() && IsUpper(text.front());
}

// A line that begins a new numbered paragraph or lettered sub-item: UN reports number every
// paragraph, so such a line starts a block even where the layout shows no gap.
bool StartsUnItem(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && IsDigit(line[digits])) ++digits;
  if (digits > 0 && digits <= 3 && digits + 2 < line.size() && line[digits] == '.' &&
      line[digits + 1] == ' ' && IsUpper(line[digits + 2])) {
    return true;
  }
  if (line.size() > 4 && line[0] == '(' && IsLower(line[1]) && line[2] == ')' && line[3] == ' ') {
    return true;
  }
  return LeadingRoman(line).has_value() && IsShortHeadingText(line);
}

bool IsOrganLine(std::string_view line) {
  static constexpr std::array<std::string_view, 5> kOrgans = {
      "General Assembly", "Security Council", "Economic and Social Council",
      "Human Rights Council", "Conference on Disarmament"};
  return std::find(kOrgans.begin(), kOrgans.end(), TrimView(line)) != kOrgans.end();
}

bool IsSessionLine(std::string_view line) {
  // "Seventieth session", "Seventy-fifth session", "Resumed seventy-fifth session".
  std::string lower = ToLowerAscii(TrimView(line));
  return lower.ends_with(" session") && WordCount(lower) <= 4 && !lower.starts_with("the ");
}

bool IsAgendaItemLine(std::string_view line) {
  // "Item 93 of the provisional agenda*", "Items 94 and 95 of the preliminary list".
  std::string_view t = TrimView(line);
  return (t.starts_with("Item ") || t.starts_with("Items ")) &&
         (ContainsIgnoreCase(t, " agenda") || ContainsIgnoreCase(t, "preliminary list"));
}

// The symbol a masthead line gives: the line itself ("A/70/174"), or after the organisation's
// name when a PDF's text puts both on one line ("United Nations A/70/174").
std::optional<std::string> MastheadSymbol(std::string_view raw) {
  std::string line = CollapseWhitespace(raw);
  if (IsUnSymbol(line)) return line;
  if (!line.starts_with("United Nations ")) return std::nullopt;
  std::string rest = Trim(std::string_view(line).substr(15));
  if (IsUnSymbol(rest)) return rest;
  return std::nullopt;
}

std::string WithoutFootnoteMarks(std::string_view text) {
  std::string out = Trim(text);
  while (!out.empty() && (out.back() == '*' || out.back() == ' ')) out.pop_back();
  return out;
}

bool IsTableOfContentsLine(std::string_view text) {
  return text.find(". .") != std::string_view::npos ||
         text.find("....") != std::string_view::npos;
}

std::string LanguageCode(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kLanguages[] = {
      {"english", "en"}, {"french", "fr"},  {"spanish", "es"},
      {"russian", "ru"}, {"chinese", "zh"}, {"arabic", "ar"}};
  std::string lower = ToLowerAscii(TrimView(name));
  for (const auto& [language, code] : kLanguages) {
    if (lower == language) return std::string(code);
  }
  return "";
}

// How many English function words the text has per word; a rough test of the document's
// language, which the masthead only gives for the original.
bool ReadsAsEnglish(const std::vector<ImportedParagraph>& paragraphs) {
  std::size_t words = 0, cues = 0;
  for (const ImportedParagraph& paragraph : paragraphs) {
    for (const std::string& word : Split(ToLowerAscii(paragraph.text), ' ')) {
      ++words;
      if (word == "the" || word == "of" || word == "and" || word == "to" || word == "should") {
        ++cues;
      }
    }
  }
  return words > 0 && cues * 12 >= words;
}

// Reads the masthead lines of the first blocks. Returns the index of the first body block.
std::size_t ReadMasthead(const std::vector<PageBlock>& blocks, ImportedDocument& document) {
  std::size_t index = 0;
  for (; index < blocks.size(); ++index) {
    const PageBlock& block = blocks[index];
    if (block.page > 1) break;
    bool recognised = false;
    bool in_agenda_title = false;
    std::string agenda_title;
    for (const std::string& line : block.lines) {
      if (in_agenda_title) {
        agenda_title = agenda_title.empty() ? line : agenda_title + " " + line;
        continue;
      }
      if (line == "United Nations") {
        recognised = true;
      } else if (auto symbol = MastheadSymbol(line)) {
        if (document.symbol.empty()) document.symbol = *symbol;
        recognised = true;
      } else if (IsOrganLine(line)) {
        document.metadata["organ"] = line;
        recognised = true;
      } else if (auto distribution = AfterPrefix(line, "Distr.:")) {
        document.metadata["distribution"] = *distribution;
        recognised = true;
      } else if (auto original = AfterPrefix(line, "Original:")) {
        document.metadata["original_language"] = *original;
        recognised = true;
      } else if (auto date = ParseDate(line)) {
        if (document.date.empty()) document.date = *date;
        recognised = true;
      } else if (IsSessionLine(line)) {
        document.metadata["session"] = line;
        recognised = true;
      } else if (IsAgendaItemLine(line)) {
        document.metadata["agenda_item"] = WithoutFootnoteMarks(line);
        in_agenda_title = true;
        recognised = true;
      }
    }
    if (!agenda_title.empty()) document.metadata["agenda_title"] = agenda_title;
    if (recognised) continue;
    // The first unrecognised short block is the title; anything else ends the masthead.
    if (document.title.empty() && IsShortHeadingText(block.text) && block.lines.size() <= 4 &&
        !ParseLeadingLabel(block.text)) {
      document.title = block.text;
      continue;
    }
    break;
  }
  return index;
}

enum class HeadingLevel { kTop = 0, kSection = 1, kSubsection = 2 };

struct Heading {
  HeadingLevel level;
  std::string text;
};

std::optional<Heading> AsHeading(const PageBlock& block) {
  const std::string& text = block.text;
  if (!IsShortHeadingText(text) || block.lines.size() > 3) return std::nullopt;
  if (LeadingRoman(text)) return Heading{HeadingLevel::kSection, text};
  if (StartsWithCapitalLetterLabel(text)) return Heading{HeadingLevel::kSubsection, text};
  if (ParseLeadingLabel(text)) return std::nullopt;
  return Heading{HeadingLevel::kTop, text};
}

}  // namespace

bool IsUnSymbol(std::string_view line) {
  std::string_view t = TrimView(line);
  std::size_t letters = 0;
  while (letters < t.size() && IsUpper(t[letters])) ++letters;
  if (letters == 0 || letters > 5 || letters >= t.size() || t[letters] != '/') return false;
  bool digit = false;
  for (std::size_t i = letters; i < t.size(); ++i) {
    char c = t[i];
    if (IsDigit(c)) {
      digit = true;
    } else if (!(IsUpper(c) || IsLower(c) || c == '/' || c == '.' || c == '-')) {
      return false;
    }
  }
  return digit && !t.ends_with('/');
}

bool LooksLikeUnReport(std::string_view text) {
  bool symbol = false, organ = false, distribution = false;
  std::size_t seen = 0;
  for (const std::string& raw : Split(text.substr(0, 8000), '\n')) {
    std::string line = CollapseWhitespace(raw);
    while (!line.empty() && line.front() == '\f') line.erase(0, 1);
    if (line.empty()) continue;
    if (++seen > kMastheadLines) break;
    if (MastheadSymbol(line)) symbol = true;
    if (IsOrganLine(line)) organ = true;
    if (line.starts_with("Distr.:")) distribution = true;
  }
  return symbol && (organ || distribution);
}

void LayOutUnReport(std::vector<TextPage> pages, bool paged, ImportedDocument& document) {
  document.kind = DocumentKind::kUnReport;
  int removed = RemovePageFurniture(pages);
  if (removed > 0) {
    document.metadata["removed_page_furniture_lines"] = std::to_string(removed);
  }
  std::vector<PageBlock> blocks = BuildPageBlocks(pages, &StartsUnItem);
  std::size_t index = ReadMasthead(blocks, document);

  std::vector<Heading> headings;
  bool in_contents = false;
  LabelPath labels;
  int expected_number = 0;
  for (; index < blocks.size(); ++index) {
    const PageBlock& block = blocks[index];
    ImportedParagraph paragraph;
    paragraph.page = paged ? std::optional<int>(block.page) : std::nullopt;
    paragraph.source_line = block.source_line;

    // The table of contents is kept as boilerplate under its own heading: its entries repeat
    // the headings and would otherwise be read as headings themselves.
    if (block.text == "Contents" || (in_contents && IsTableOfContentsLine(block.text))) {
      in_contents = true;
      if (block.text == "Contents") continue;
      paragraph.heading_path = {"Contents"};
      paragraph.text = block.text;
      paragraph.is_boilerplate = true;
      document.paragraphs.push_back(std::move(paragraph));
      continue;
    }
    in_contents = false;
    if (auto heading = AsHeading(block)) {
      while (!headings.empty() && headings.back().level >= heading->level) headings.pop_back();
      headings.push_back(*heading);
      labels.Clear();
      if (document.title.empty() && heading->level == HeadingLevel::kTop) {
        document.title = heading->text;
      }
      continue;
    }
    for (const Heading& heading : headings) paragraph.heading_path.push_back(heading.text);
    if (auto label = ParseLeadingLabel(block.text)) {
      paragraph.label = labels.Push(label->parts);
      paragraph.text = label->rest;
      if (label->parts.front().style == LabelStyle::kNumber) {
        int number = std::atoi(label->parts.front().value.c_str());
        if (expected_number > 0 && number != expected_number) {
          document.warnings.push_back("Paragraph " + std::to_string(number) + " on line " +
                                      std::to_string(block.source_line) + " follows paragraph " +
                                      std::to_string(expected_number - 1) +
                                      "; a paragraph may be missing or misread.");
        }
        expected_number = number + 1;
      }
    } else {
      paragraph.text = block.text;
    }
    document.paragraphs.push_back(std::move(paragraph));
  }

  // The cover's first line may be the agenda item's title or the organ's name; a report names
  // itself in its heading ("Report of the Group of Governmental Experts on ...").
  if (!StartsWithIgnoreCase(document.title, "report of ")) {
    for (const PageBlock& block : blocks) {
      if (block.page > 3) break;
      if (StartsWithIgnoreCase(block.text, "report of ") && IsShortHeadingText(block.text)) {
        document.title = block.text;
        break;
      }
    }
  }
  // "A/RES/70/237": a resolution of the organ, not a report.
  if (document.symbol.find("/RES/") != std::string::npos) {
    document.kind = DocumentKind::kResolution;
  }
  if (document.date.empty()) {
    document.warnings.push_back("No date was found in the masthead.");
  }
  if (auto original = document.metadata.find("original_language");
      original != document.metadata.end()) {
    document.language = LanguageCode(original->second);
  }
  if (ReadsAsEnglish(document.paragraphs)) document.language = "en";
  if (document.symbol.empty()) {
    document.warnings.push_back("No UN document symbol (such as A/70/174) was found in the "
                                "masthead.");
  }
}

int UnReportImporter::Confidence(const SourceFile& file) const {
  if (!LooksLikeText(file.bytes)) return 0;
  return LooksLikeUnReport(file.bytes) ? 85 : 0;
}

Result<ImportedDocument> UnReportImporter::Read(const SourceFile& file) const {
  auto text = DecodeText(file);
  if (!text) return Fail(text.error());
  std::vector<TextPage> pages = SplitTextPages(*text);
  bool paged = pages.size() > 1;
  ImportedDocument document;
  LayOutUnReport(std::move(pages), paged, document);
  if (document.paragraphs.empty()) {
    return Fail(ErrorCode::kParse, "File " + Quoted(file.DisplayName()) +
                                       " has a UN masthead but no paragraphs after it.");
  }
  return document;
}

}  // namespace nt::importers
