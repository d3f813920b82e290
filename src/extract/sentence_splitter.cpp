#include "extract/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <array>
#include <string>

namespace nt::extract {
namespace {

// The one place ICU status codes become Errors.
Error IcuError(UErrorCode status, std::string_view action) {
  return Error{ErrorCode::kInternal,
               "ICU could not " + std::string(action) + " (" + u_errorName(status) +
                   "); check that the ICU data library is installed."};
}

// Abbreviations after which a period never ends a sentence in our documents.
constexpr std::array<std::string_view, 40> kAbbreviations = {
    "U.S",  "U.K",  "U.N",  "E.U",   "e.g",   "i.e",  "No",   "Nos",   "no",   "Art",
    "Arts", "art",  "Dr",   "Mr",    "Mrs",   "Ms",   "Prof", "para",  "paras", "Para",
    "vs",   "cf",   "Amb",  "Gen",   "Lt",    "Col",  "Sen",  "Rep",   "St",   "Inc",
    "Ltd",  "Co",   "Corp", "approx", "Vol",  "vol",  "pp",   "p",     "Sec",  "Jr"};
// Abbreviations that may also end a sentence: joined only when a lower-case word follows.
constexpr std::array<std::string_view, 6> kMaybeFinal = {"etc", "a.m", "p.m", "Jan", "Feb",
                                                         "Sept"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The word (letters and inner periods) that ends right before the period at `dot`.
std::string_view WordBeforeDot(std::string_view text, std::size_t dot) {
  std::size_t begin = dot;
  while (begin > 0 && (IsAlpha(text[begin - 1]) || text[begin - 1] == '.')) --begin;
  return text.substr(begin, dot - begin);
}

// Whether a break at `boundary` (start of the next sentence) follows an abbreviation.
bool FollowsAbbreviation(std::string_view text, std::size_t boundary) {
  std::size_t end = boundary;
  while (end > 0 && IsSpace(text[end - 1])) --end;
  if (end == 0 || text[end - 1] != '.') return false;
  std::string_view word = WordBeforeDot(text, end - 1);
  if (word.empty()) return false;
  std::size_t next = boundary;
  while (next < text.size() && IsSpace(text[next])) ++next;
  bool next_lower = next < text.size() && text[next] >= 'a' && text[next] <= 'z';
  bool next_digit = next < text.size() && text[next] >= '0' && text[next] <= '9';
  // An initial ("J." in "Donald J. Trump") or a dotted acronym ("U.S.A.").
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
  if (word.size() >= 3 && word[1] == '.' && word.find_first_of("abcdefghijklmnopqrstuvwxyz") ==
                                                std::string_view::npos) {
    return true;
  }
  for (std::string_view abbreviation : kAbbreviations) {
    if (word == abbreviation) return true;
  }
  for (std::string_view abbreviation : kMaybeFinal) {
    if (word == abbreviation) return next_lower || next_digit;
  }
  return next_lower;  // "... approx. half" — a sentence rarely starts in lower case
}

}  // namespace

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> iterator;
};

SentenceSplitter::SentenceSplitter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;
SentenceSplitter::~SentenceSplitter() = default;

Result<SentenceSplitter> SentenceSplitter::Create() {
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" asks ICU to suppress breaks after its own English abbreviation list too.
  icu::Locale locale("en_US@ss=standard");
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !iterator) return Fail(IcuError(status, "create a sentence iterator"));
  auto impl = std::make_unique<Impl>();
  impl->iterator = std::move(iterator);
  return SentenceSplitter(std::move(impl));
}

Result<std::vector<TextSpan>> SentenceSplitter::Split(std::string_view text) {
  std::vector<TextSpan> sentences;
  if (text.empty()) return sentences;
  UErrorCode status = U_ZERO_ERROR;
  // UTF-8 UText: the iterator's indices are byte offsets into `text`, no UTF-16 copy.
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return Fail(IcuError(status, "read the paragraph text"));
  impl_->iterator->setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    return Fail(IcuError(status, "segment the paragraph text"));
  }
  std::vector<int> boundaries;
  for (int32_t b = impl_->iterator->next(); b != icu::BreakIterator::DONE;
       b = impl_->iterator->next()) {
    boundaries.push_back(b);
  }
  // The iterator must not keep pointing at `text` after we return.
  impl_->iterator->setText(icu::UnicodeString());
  utext_close(utext);

  int begin = 0;
  for (int boundary : boundaries) {
    auto at = static_cast<std::size_t>(boundary);
    if (at < text.size() && FollowsAbbreviation(text, at)) continue;
    int b = begin;
    int e = boundary;
    while (b < e && IsSpace(text[static_cast<std::size_t>(b)])) ++b;
    while (e > b && IsSpace(text[static_cast<std::size_t>(e - 1)])) --e;
    if (e > b) sentences.push_back({b, e});
    begin = boundary;
  }
  return sentences;
}

}  // namespace nt::extract
