#include "importers/agreement.h"

#include <algorithm>
#include <array>
#include <optional>

#include "core/platform.h"
#include "core/text.h"
#include "importers/document_head.h"
#include "importers/statement_dateline.h"
#include "importers/text_decoding.h"

namespace nt::importers {
namespace {

// From this share of language-marked items on, the rest of the file is the Dutch text.
constexpr double kDutchShare = 0.8;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// ---- reading the lines ---------------------------------------------------------------------

struct Item {
  bool heading = false;
  std::string text;
  int source_line = 0;
  std::string language;  // "en", "nl" or "" (undecided)
};

// Markdown inline syntax to plain text: links keep their text, emphasis markers and escapes go,
// TeX-style quotes (``x") become plain quotes.
std::string PlainInline(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '[') {
      std::size_t close = line.find("](", i);
      // The address may hold parentheses of its own (".../treaty/(wppt)/(1996)/...").
      std::size_t end = std::string_view::npos;
      if (close != std::string_view::npos) {
        int depth = 0;
        for (std::size_t k = close + 1; k < line.size(); ++k) {
          if (line[k] == '(') ++depth;
          if (line[k] == ')' && --depth == 0) {
            end = k;
            break;
          }
        }
      }
      if (close != std::string_view::npos && end != std::string_view::npos &&
          line.substr(i, close - i).find('\n') == std::string_view::npos) {
        out += line.substr(i + 1, close - i - 1);
        i = end;
        continue;
      }
    }
    if (c == '\\' && i + 1 < line.size()) {
      out += line[++i];
      continue;
    }
    if (c == '*' || c == '_') {
      // Emphasis markers only; a lone "_" inside a word ("file_name") stays.
      bool inside_word = c == '_' && i > 0 && i + 1 < line.size() && line[i - 1] != ' ' &&
                         line[i + 1] != ' ';
      if (!inside_word) {
        if (!out.empty() && out.back() != ' ' && i + 1 < line.size() && line[i + 1] != ' ' &&
            line[i + 1] != '*' && (out.back() == ',' || out.back() == ';')) {
          out += ' ';  // "*inter alia,*include" lost its space with the marker
        }
        continue;
      }
    }
    if (c == '\xC2' && i + 1 < line.size() && line[i + 1] == '\xA0') {
      out += ' ';  // a no-break space after a label ("I.\u00A0Purpose")
      ++i;
      continue;
    }
    if (c == '\xE2' && i + 2 < line.size() && line[i + 1] == '\x80' &&
        ((static_cast<unsigned char>(line[i + 2]) >= 0x80 &&
          static_cast<unsigned char>(line[i + 2]) <= 0x8A) ||
         line[i + 2] == '\xAF')) {
      out += ' ';  // en, em, thin spaces (U+2000..U+200A, U+202F): the mirror's "I.\u2002Purpose"
      i += 2;
      continue;
    }
    if (c == '`' && i + 1 < line.size() && line[i + 1] == '`') {
      out += '"';
      ++i;
      continue;
    }
    out += c;
  }
  return CollapseWhitespace(out);
}

// English or Dutch from function words; "" when the text is too short to tell.
std::string LanguageOf(std::string_view text) {
  static constexpr std::array<std::string_view, 27> kEnglish = {
      "the",   "and",     "to",      "shall", "with",  "this",   "that",   "is",   "are",
      "be",    "or",      "any",     "by",    "for",   "on",     "from",   "which", "its",
      "party", "parties", "article", "agreement", "convention", "between", "chapter", "section",
      "states"};
  static constexpr std::array<std::string_view, 31> kDutch = {
      "de",    "het",      "van",     "een",    "en",        "op",      "te",     "tot",
      "voor",  "met",      "door",    "die",    "dat",       "zijn",    "wordt",  "worden",
      "bij",   "inzake",   "tussen",  "niet",   "aan",       "deze",    "dit",    "zal",
      "zullen", "artikel", "verdrag", "partij", "partijen", "hoofdstuk", "afdeling"};
  int english = 0, dutch = 0;
  for (const std::string& raw : Split(ToLowerAscii(text), ' ')) {
    std::string word = raw;
    while (!word.empty() && !IsLower(word.back())) word.pop_back();
    while (!word.empty() && !IsLower(word.front())) word.erase(0, 1);
    if (std::find(kEnglish.begin(), kEnglish.end(), word) != kEnglish.end()) ++english;
    if (std::find(kDutch.begin(), kDutch.end(), word) != kDutch.end()) ++dutch;
  }
  if (english > dutch) return "en";
  if (dutch > english) return "nl";
  return "";
}

bool StartsClause(std::string_view line) {
  return StartsWithIgnoreCase(line, "done at") || StartsWithIgnoreCase(line, "in witness whereof");
}

// A printed label at the start of an agreement's line.
enum class LabelKind { kUpperRoman, kNumber, kLetter, kLowerRoman };

struct AgreementLabel {
  LabelKind kind = LabelKind::kNumber;
  std::string value;  // "III", "2", "a", "ii"
  std::string rest;
};

bool IsRomanLetters(std::string_view text, bool upper) {
  if (text.empty() || text.size() > 5) return false;
  return std::all_of(text.begin(), text.end(), [&](char c) {
    return upper ? (c == 'I' || c == 'V' || c == 'X') : (c == 'i' || c == 'v' || c == 'x');
  });
}

// "1.", "5.Available", "a)", "a)Each", "(a)", "a.", "(ii)", "ii.", "III.Types" -> the label;
// the text after it may follow without a space only when it starts with a capital letter
// (the mirror lost those spaces).
std::optional<AgreementLabel> ParseLabel(std::string_view line, bool letter_i_expected) {
  std::string_view text = TrimView(line);
  if (text.empty()) return std::nullopt;
  bool paren = text.front() == '(';
  std::size_t start = paren ? 1 : 0;
  std::size_t end = start;
  while (end < text.size() && (IsDigit(text[end]) || IsLower(text[end]) || IsUpper(text[end]))) {
    ++end;
  }
  std::string_view value = text.substr(start, end - start);
  if (value.empty() || end >= text.size()) {
    if (value.empty() || end != text.size()) return std::nullopt;
  }
  char closer = end < text.size() ? text[end] : '\0';
  if (paren ? closer != ')' : (closer != '.' && closer != ')')) return std::nullopt;
  std::string rest = Trim(text.substr(end + 1));
  if (!rest.empty() && end + 1 < text.size() && text[end + 1] != ' ' && !IsUpper(rest.front()) &&
      rest.front() != '"' && closer != ')') {
    return std::nullopt;  // "e.g.", "U.S." and the like
  }
  AgreementLabel label;
  label.rest = rest;
  label.value = std::string(value);
  bool digits = std::all_of(value.begin(), value.end(), IsDigit);
  if (digits && value.size() <= 3) {
    label.kind = LabelKind::kNumber;
  } else if (value.size() == 1 && IsLower(value[0]) && !(value == "i" && !letter_i_expected) &&
             !(value == "v" && !letter_i_expected) && !(value == "x" && !letter_i_expected)) {
    label.kind = LabelKind::kLetter;
  } else if (IsRomanLetters(value, false)) {
    label.kind = LabelKind::kLowerRoman;
  } else if (!paren && closer == '.' && IsRomanLetters(value, true)) {
    label.kind = LabelKind::kUpperRoman;
  } else {
    return std::nullopt;
  }
  return label;
}

enum class Division { kPart, kChapter, kSection, kTitle, kArticle, kAnnex };

struct DivisionHeading {
  Division division;
  std::string name;  // "Chapter II", "Article 2"
};

std::optional<DivisionHeading> ParseDivision(std::string_view heading) {
  static constexpr std::array<std::pair<std::string_view, Division>, 6> kWords = {{
      {"part", Division::kPart},
      {"chapter", Division::kChapter},
      {"section", Division::kSection},
      {"title", Division::kTitle},
      {"article", Division::kArticle},
      {"annex", Division::kAnnex},
  }};
  std::vector<std::string> words = Split(CollapseWhitespace(heading), ' ');
  if (words.empty() || words.size() > 2) return std::nullopt;
  std::string first = ToLowerAscii(words[0]);
  for (const auto& [word, division] : kWords) {
    if (first != word) continue;
    std::string name(1, static_cast<char>(word[0] - 'a' + 'A'));
    name += word.substr(1);
    if (words.size() == 2) {
      const std::string& number = words[1];
      bool valid = std::all_of(number.begin(), number.end(), IsDigit) ||
                   IsRomanLetters(number, true) || (number.size() == 1 && IsUpper(number[0]));
      if (!valid) return std::nullopt;
      name += " " + number;
    } else if (division != Division::kAnnex) {
      return std::nullopt;
    }
    return DivisionHeading{division, name};
  }
  return std::nullopt;
}

std::vector<Item> ReadItems(std::string_view text) {
  std::vector<Item> items;
  std::optional<Item> open;
  auto flush = [&] {
    if (open && !open->text.empty()) items.push_back(std::move(*open));
    open.reset();
  };
  int line_number = 0;
  bool previous_hard_break = false;
  for (const std::string& raw : Split(text, '\n')) {
    ++line_number;
    std::string_view line = raw;
    if (line_number <= 3 && StartsWithIgnoreCase(TrimView(line), "<meta")) continue;
    std::string_view trimmed = TrimView(line);
    if (trimmed.empty()) {
      flush();
      previous_hard_break = false;
      continue;
    }
    if (trimmed.front() == '#') {
      flush();
      std::size_t level = trimmed.find_first_not_of('#');
      if (level != std::string_view::npos) {
        items.push_back({true, PlainInline(trimmed.substr(level)), line_number, ""});
      }
      previous_hard_break = false;
      continue;
    }
    std::string plain = PlainInline(trimmed);
    if (ParseDivision(plain)) {
      // Plain text marks no headings: "Article 1" or "CHAPTER II" on its own line is one.
      flush();
      items.push_back({true, plain, line_number, ""});
      previous_hard_break = false;
      continue;
    }
    bool starts_new = previous_hard_break || StartsClause(plain) || ParseLabel(plain, true);
    if (open && starts_new) flush();
    if (!open) open = Item{false, "", line_number, ""};
    open->text = open->text.empty() ? plain : open->text + " " + plain;
    previous_hard_break = line.ends_with("  ");
  }
  flush();
  return items;
}

// ---- structure -----------------------------------------------------------------------------

// "MEASURES TO BE TAKEN AT THE NATIONAL LEVEL" -> "Measures to be taken at the national level";
// mixed-case titles stay as printed.
std::string SentenceCase(std::string_view text) {
  bool has_lower = std::any_of(text.begin(), text.end(), IsLower);
  std::string out(text);
  if (has_lower) return out;
  bool first = true;
  for (char& c : out) {
    if (IsUpper(c)) {
      if (!first) c = static_cast<char>(c - 'A' + 'a');
      first = false;
    } else if (IsLower(c)) {
      first = false;
    }
  }
  return out;
}

// Preamble clauses open with one of these words after ";", "," or ":".
constexpr std::array<std::string_view, 28> kPreambleCues = {
    "Considering", "Recognising", "Recognizing", "Convinced",   "Conscious",   "Concerned",
    "Believing",   "Mindful",     "Taking",      "Welcoming",   "Recalling",   "Having",
    "Desiring",    "Noting",      "Affirming",   "Reaffirming", "Seeking",     "Acknowledging",
    "Bearing",     "Determined",  "Emphasising", "Emphasizing", "Stressing",   "Aware",
    "Whereas",     "Wishing",     "Have",        "HAVE"};

bool StartsWithCue(std::string_view text) {
  for (std::string_view cue : kPreambleCues) {
    if (text.starts_with(cue) && text.size() > cue.size() && text[cue.size()] == ' ') return true;
  }
  return false;
}

bool IsEnactingFormula(std::string_view clause) {
  for (std::string_view formula :
       {"have agreed", "hereby agree", "have reached", "have decided", "have arrived"}) {
    if (StartsWithIgnoreCase(clause, formula)) return true;
  }
  return false;
}

// Splits a preamble into its opening (the parties, before the first cue) and its clauses.
std::pair<std::string, std::vector<std::string>> SplitPreamble(std::string_view text) {
  std::vector<std::size_t> starts;
  if (StartsWithCue(text)) starts.push_back(0);
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] != ';' && text[i] != ',' && text[i] != ':') continue;
    std::size_t j = i + 1;
    while (j < text.size() && text[j] == ' ') ++j;
    if (j > i + 1 && StartsWithCue(text.substr(j))) starts.push_back(j);
  }
  if (starts.empty()) return {Trim(text), {}};
  std::string opening = Trim(text.substr(0, starts.front()));
  std::vector<std::string> clauses;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    std::size_t end = k + 1 < starts.size() ? starts[k + 1] : text.size();
    clauses.push_back(Trim(text.substr(starts[k], end - starts[k])));
  }
  return {opening, clauses};
}

std::string StripArticle(std::string name) {
  name = Trim(name);
  for (std::string_view article : {"The ", "the "}) {
    if (name.starts_with(article)) name.erase(0, article.size());
  }
  while (!name.empty() && (name.back() == ':' || name.back() == ',' || name.back() == '.')) {
    name.pop_back();
  }
  return Trim(name);
}

// "The European Union and the United States of America:" -> the two names; empty when the
// opening names the parties only generically ("The member States of the Council of Europe and
// the other States signatory hereto").
std::vector<std::string> PartyNames(std::string_view opening) {
  std::string text = Trim(opening);
  // "Japan and Australia, hereinafter referred to as the Participants:".
  if (std::size_t hereinafter = text.find(", hereinafter"); hereinafter != std::string::npos) {
    text.resize(hereinafter);
  }
  for (std::string_view generic : {"signatory", "hereto", "member States", "the Parties",
                                   "Contracting"}) {
    if (ContainsIgnoreCase(text, generic)) return {};
  }
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(", ", start);
    std::size_t conjunction = text.find(" and ", start);
    std::size_t end = std::min(comma, conjunction);
    std::string name = StripArticle(text.substr(start, end == std::string::npos ? end : end - start));
    if (!name.empty()) names.push_back(name);
    if (end == std::string::npos) break;
    start = end + (end == comma ? 2 : 5);
  }
  if (names.size() < 2 || names.size() > 6) return {};
  for (const std::string& name : names) {
    if (name.empty() || !IsUpper(name.front()) || WordCount(name) > 8) return {};
  }
  return names;
}

std::string PartyKind(std::string_view name) {
  for (std::string_view word : {"Union", "Organization", "Organisation", "Council", "Community",
                                "Nations", "Commission", "Agency", "Department"}) {
    if (name.find(word) != std::string_view::npos) return "organisation";
  }
  return "state";
}

// "this 23rd day of November 2001" -> "23 November 2001".
std::string WithoutOrdinalDay(std::string_view text) {
  std::string out = CollapseWhitespace(text);
  if (StartsWithIgnoreCase(out, "this ")) out.erase(0, 5);
  std::size_t digits = 0;
  while (digits < out.size() && IsDigit(out[digits])) ++digits;
  if (digits == 0) return out;
  std::string rest = out.substr(digits);
  for (std::string_view suffix : {"st day of ", "nd day of ", "rd day of ", "th day of "}) {
    if (rest.starts_with(suffix)) return out.substr(0, digits) + " " + rest.substr(suffix.size());
  }
  return out;
}

struct Signing {
  std::string place;
  std::string date;
};

// "DONE at Brussels on 23 July 2007 and at Washington ..." / "DONE at Budapest, this 23rd day
// of November 2001, in English ..." -> the first place and date.
std::optional<Signing> ParseSigning(std::string_view text) {
  std::size_t at = 0;
  for (std::string_view cue : {"done at ", "signed at "}) {
    std::string lower = ToLowerAscii(text);
    if (std::size_t found = lower.find(cue); found != std::string::npos) {
      at = found + cue.size();
      break;
    }
  }
  if (at == 0) return std::nullopt;
  std::string_view rest = text.substr(at);
  std::size_t place_end = std::min({rest.find(" on "), rest.find(", "), rest.find(" this ")});
  if (place_end == std::string_view::npos) return std::nullopt;
  Signing signing{Trim(rest.substr(0, place_end)), ""};
  std::string_view after = rest.substr(place_end);
  for (std::string_view lead : {" on ", ", ", " "}) {
    if (after.starts_with(lead)) {
      after.remove_prefix(lead.size());
      break;
    }
  }
  // The date runs to the next comma, " and ", or the end of the sentence.
  std::size_t date_end = std::min({after.find(','), after.find(" and "), after.find('.')});
  std::string date_text =
      WithoutOrdinalDay(after.substr(0, date_end == std::string_view::npos ? after.size()
                                                                           : date_end));
  if (auto date = ParseDate(date_text)) signing.date = *date;
  return signing;
}

// "... This Convention shall enter into force on the first day ... ." -> that sentence.
std::optional<std::string> EntryIntoForceSentence(std::string_view text) {
  std::string lower = ToLowerAscii(text);
  std::size_t found = lower.find("enter into force");
  if (found == std::string::npos) return std::nullopt;
  std::size_t start = lower.rfind(". ", found);
  start = start == std::string::npos ? 0 : start + 2;
  std::string_view sentence = text.substr(start);
  if (!(StartsWithIgnoreCase(sentence, "this ") || StartsWithIgnoreCase(sentence, "the present "))) {
    return std::nullopt;  // an article about other instruments' entry into force
  }
  std::size_t end = text.find(". ", found);
  return Trim(text.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                               : end + 1 - start));
}

bool IsEntryIntoForceNote(std::string_view text) {
  return StartsWithIgnoreCase(text, "treedt in werking") ||
         StartsWithIgnoreCase(text, "in werking getreden");
}

// ---- labels inside the body ----------------------------------------------------------------

class LabelStack {
 public:
  void Reset(std::string article) {
    article_ = std::move(article);
    parts_.clear();
  }
  std::string Push(const AgreementLabel& label) {
    while (!parts_.empty() && Rank(parts_.back().kind) >= Rank(label.kind)) parts_.pop_back();
    parts_.push_back(label);
    return Composed();
  }
  std::string Composed() const {
    std::string out = article_;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      const AgreementLabel& part = parts_[i];
      bool bare = out.empty() && i == 0;
      out += bare ? part.value : "(" + part.value + ")";
    }
    return out;
  }
  // Whether "(i)" would continue a run of letters ("(h)" is open) rather than start numerals.
  bool ExpectsLetterI() const {
    for (const AgreementLabel& part : parts_) {
      if (part.kind == LabelKind::kLetter && (part.value == "h" || part.value == "u" ||
                                              part.value == "w")) {
        return true;
      }
    }
    return false;
  }

 private:
  static int Rank(LabelKind kind) { return static_cast<int>(kind); }
  std::string article_;
  std::vector<AgreementLabel> parts_;
};

struct Layout {
  ImportedDocument& document;
  std::vector<std::pair<Division, std::string>> divisions;  // open chapter, section, ...
  std::string other_heading;                                // "Nr. I", "Verklaring"
  LabelStack labels;

  std::vector<std::string> Path() const {
    std::vector<std::string> path;
    if (!other_heading.empty()) path.push_back(other_heading);
    for (const auto& [division, text] : divisions) path.push_back(text);
    return path;
  }

  void Emit(std::string label, std::vector<std::string> path, std::string text, int line) {
    ImportedParagraph paragraph;
    paragraph.label = std::move(label);
    paragraph.heading_path = std::move(path);
    paragraph.text = std::move(text);
    paragraph.language = "en";
    paragraph.source_line = line;
    document.paragraphs.push_back(std::move(paragraph));
  }
};

void LayOutPreamble(const std::vector<const Item*>& items, Layout& layout) {
  std::string text;
  for (const Item* item : items) text = text.empty() ? item->text : text + " " + item->text;
  if (StartsWithIgnoreCase(text, "preamble")) text = Trim(std::string_view(text).substr(8));
  if (text.empty()) return;
  auto [opening, clauses] = SplitPreamble(text);
  ImportedDocument& document = layout.document;
  if (!opening.empty()) {
    std::string parties = opening;
    while (!parties.empty() && (parties.back() == ':' || parties.back() == ',')) parties.pop_back();
    document.metadata["parties"] = parties;
    for (const std::string& name : PartyNames(opening)) {
      document.actors.push_back({name, PartyKind(name), "party"});
    }
  }
  int line = items.front()->source_line;
  for (const std::string& clause : clauses) {
    if (IsEnactingFormula(clause)) {
      std::string formula = clause;
      while (!formula.empty() && (formula.back() == ':' || formula.back() == ' ')) formula.pop_back();
      document.metadata["enacting_formula"] = formula;
      continue;
    }
    layout.Emit("", {"Preamble"}, clause, line);
  }
}

void LayOutBody(const std::vector<Item>& items, std::size_t begin, std::size_t end,
                Layout& layout) {
  ImportedDocument& document = layout.document;
  for (std::size_t i = begin; i < end; ++i) {
    const Item& item = items[i];
    if (item.heading) {
      if (auto division = ParseDivision(item.text)) {
        std::string name = division->name;
        // The heading after a division's number is its title ("####Illegal access").
        if (i + 1 < end && items[i + 1].heading && !ParseDivision(items[i + 1].text)) {
          name += ": " + SentenceCase(items[i + 1].text);
          ++i;
        }
        if (division->division == Division::kAnnex) layout.other_heading.clear();
        std::erase_if(layout.divisions, [&](const auto& open) {
          return static_cast<int>(open.first) >= static_cast<int>(division->division);
        });
        layout.divisions.push_back({division->division, name});
        layout.labels.Reset(division->division == Division::kArticle ? division->name : "");
      } else {
        // Another heading (a letter annexed to the agreement, a declaration) starts a part of
        // its own outside the articles.
        layout.other_heading = item.text;
        layout.divisions.clear();
        layout.labels.Reset("");
      }
      continue;
    }
    if (IsEntryIntoForceNote(item.text)) {
      if (!document.metadata.contains("entry_into_force_note")) {
        document.metadata["entry_into_force_note"] = item.text;
      }
      continue;
    }
    if (StartsClause(item.text)) {
      if (auto signing = ParseSigning(item.text); signing && document.place.empty()) {
        document.place = signing->place;
        document.date = signing->date;
      }
      layout.Emit("", {"Signature"}, item.text, item.source_line);
      continue;
    }
    std::string label;
    std::string text = item.text;
    if (auto parsed = ParseLabel(item.text, layout.labels.ExpectsLetterI())) {
      label = layout.labels.Push(*parsed);
      text = parsed->rest;
      if (text.empty()) continue;  // "3." alone on its line opens items "3(a)", "3(b)"
    } else {
      label = layout.labels.Composed();
    }
    if (!document.metadata.contains("entry_into_force")) {
      if (auto sentence = EntryIntoForceSentence(text)) {
        document.metadata["entry_into_force"] = *sentence;
      }
    }
    layout.Emit(label, layout.Path(), text, item.source_line);
  }
}

// The index where the Dutch text starts (items.size() when there is none): the first Dutch
// item from which on Dutch items dominate to the end.
std::size_t DutchStart(const std::vector<Item>& items, std::size_t from) {
  std::vector<int> dutch_after(items.size() + 1, 0), marked_after(items.size() + 1, 0);
  for (std::size_t i = items.size(); i-- > 0;) {
    dutch_after[i] = dutch_after[i + 1] + (items[i].language == "nl" ? 1 : 0);
    marked_after[i] = marked_after[i + 1] + (items[i].language.empty() ? 0 : 1);
  }
  for (std::size_t i = from; i < items.size(); ++i) {
    if (items[i].language != "nl" || IsEntryIntoForceNote(items[i].text)) continue;
    if (dutch_after[i] >= kDutchShare * marked_after[i]) return i;
  }
  return items.size();
}

bool IsStructural(const Item& item) {
  if (item.heading) return true;
  return ParseLabel(item.text, false).has_value() || StartsClause(item.text);
}

}  // namespace

int AgreementImporter::Confidence(const SourceFile& file) const {
  if (!LooksLikeText(file.bytes)) return 0;
  std::string_view text = std::string_view(file.bytes).substr(0, 400'000);
  std::string_view head = TrimView(text.substr(0, 512));
  if (StartsWithIgnoreCase(head, "<!doctype") || StartsWithIgnoreCase(head, "<html") ||
      head.starts_with("<?xml")) {
    return 0;
  }
  int articles = 0;
  bool parties = false, signature = false, preamble = false, title = false;
  for (const std::string& raw : Split(text, '\n')) {
    std::string line = CollapseWhitespace(raw);
    std::string_view body = line;
    while (!body.empty() && body.front() == '#') body.remove_prefix(1);
    body = TrimView(body);
    if (auto division = ParseDivision(body); division && division->division == Division::kArticle) {
      ++articles;
    }
    if (line.find("the Parties") != std::string::npos ||
        line.find("The Parties") != std::string::npos) {
      parties = true;
    }
    if (ContainsIgnoreCase(line, "done at ") || ContainsIgnoreCase(line, "in witness whereof")) {
      signature = true;
    }
    if (ContainsIgnoreCase(line, "have agreed as follows") ||
        ContainsIgnoreCase(line, "hereby agree") || StartsWithIgnoreCase(body, "preamble")) {
      preamble = true;
    }
    if (StartsWithIgnoreCase(body, "agreement between") ||
        StartsWithIgnoreCase(body, "memorandum of understanding") ||
        StartsWithIgnoreCase(body, "convention on") || StartsWithIgnoreCase(body, "treaty")) {
      title = true;
    }
  }
  int signals = (articles >= 2 ? 1 : 0) + (parties ? 1 : 0) + (signature ? 1 : 0) +
                (preamble ? 1 : 0) + (title ? 1 : 0);
  // Above Markdown's 95 for a .md file: the mirror's treaties are Markdown, but reading them as
  // agreements is what gives them articles, parties and a preamble.
  if (signals >= 4) return 98;
  if (signals == 3) return 90;
  if (signals == 2) return 50;
  return 0;
}

Result<ImportedDocument> AgreementImporter::Read(const SourceFile& file) const {
  auto text = DecodeText(file);
  if (!text) return Fail(text.error());
  std::vector<Item> items = ReadItems(*text);
  if (items.empty()) {
    return Fail(ErrorCode::kParse, "File " + Quoted(file.DisplayName()) + " contains no text.");
  }
  for (Item& item : items) {
    if (IsEntryIntoForceNote(item.text)) {
      item.language = "nl";
    } else if (item.heading || WordCount(item.text) >= 3) {
      item.language = LanguageOf(item.text);
    }
  }

  ImportedDocument document;
  document.kind = DocumentKind::kAgreement;
  document.language = "en";

  // The title: the first English heading; a Dutch heading before it is the Dutch title.
  std::size_t index = 0;
  while (index < items.size() && items[index].heading && items[index].language == "nl") {
    if (!document.metadata.contains("title_nl")) document.metadata["title_nl"] = items[index].text;
    ++index;
  }
  if (index < items.size() && items[index].heading) {
    document.title = items[index].text;
    ++index;
  } else if (index < items.size() && WordCount(items[index].text) <= 30 &&
             !IsStructural(items[index])) {
    document.title = items[index].text;  // plain text: the first short line
    ++index;
  } else {
    document.title = platform::PathToUtf8(file.path.stem());
    document.warnings.push_back("The text has no title line, so the file name \"" +
                                document.title + "\" is used as its title.");
  }

  std::size_t dutch = DutchStart(items, index);
  Layout layout{document, {}, {}, {}};

  // The preamble: what stands between the title and the first article, numbered paragraph or
  // heading, less the database's entry-into-force notes.
  std::vector<const Item*> preamble;
  for (; index < dutch && !IsStructural(items[index]); ++index) {
    if (IsEntryIntoForceNote(items[index].text)) {
      document.metadata.try_emplace("entry_into_force_note", items[index].text);
      continue;
    }
    preamble.push_back(&items[index]);
  }
  if (!preamble.empty()) LayOutPreamble(preamble, layout);
  LayOutBody(items, index, dutch, layout);

  if (document.actors.empty()) {
    // "Agreement between the European Union and the United States of America on ...".
    std::string_view title = document.title;
    std::size_t between = ToLowerAscii(title).find(" between ");
    if (between != std::string::npos && document.kind == DocumentKind::kAgreement) {
      std::string_view rest = title.substr(between + 9);
      std::size_t end = std::min({rest.find(" on "), rest.find(" concerning "),
                                  rest.find(" regarding "), rest.find(" relating to "),
                                  rest.find(" for ")});
      for (const std::string& name :
           PartyNames(rest.substr(0, end == std::string_view::npos ? rest.size() : end))) {
        document.actors.push_back({name, PartyKind(name), "party"});
      }
    }
  }
  if (!document.metadata.contains("entry_into_force") &&
      document.metadata.contains("entry_into_force_note")) {
    document.metadata["entry_into_force"] = document.metadata["entry_into_force_note"];
  }

  if (dutch < items.size()) {
    for (std::size_t i = dutch; i < items.size(); ++i) {
      ImportedParagraph paragraph;
      paragraph.heading_path = {"Dutch text"};
      paragraph.text = items[i].text;
      paragraph.language = "nl";
      paragraph.is_boilerplate = true;
      paragraph.source_line = items[i].source_line;
      document.paragraphs.push_back(std::move(paragraph));
    }
    document.warnings.push_back(
        "The file also holds a Dutch text (from line " + std::to_string(items[dutch].source_line) +
        "); it is kept as boilerplate in language \"nl\", and the English text is the content.");
  }
  if (document.paragraphs.empty()) {
    return Fail(ErrorCode::kParse,
                "File " + Quoted(file.DisplayName()) + " has no agreement text to import.");
  }
  return document;
}

}  // namespace nt::importers
