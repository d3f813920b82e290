#pragma once
// Printed paragraph labels of statements and reports ("7.", "(2)", "a.", "13 (a)", "2.1") and
// how nested labels compose into the label NormTrack stores ("7(2)a", "13(a)").
// Shared by the text formats (Markdown, plain text) so that both label the same way.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nt::importers {

// The printed form of one label level. The style, not the value, decides nesting: a "(2)" after
// "7." is a child of 7; a following "8." closes it.
enum class LabelStyle {
  kNumber,       // "7."           composes as "7"
  kParenNumber,  // "(2)" or "2)"  composes as "(2)"
  kLetter,       // "a."           composes as "a"
  kParenLetter,  // "(a)"          composes as "(a)"
  kParenRoman,   // "(ii)"         composes as "(ii)"
  kSection,      // "2.1"          a complete section number; composes as itself
};

struct LabelPart {
  LabelStyle style = LabelStyle::kNumber;
  std::string value;  // the composed form: "7", "(2)", "a", "(a)", "2.1"

  bool operator==(const LabelPart&) const = default;
};

struct LeadingLabel {
  std::vector<LabelPart> parts;  // usually one; "13 (a)" gives two
  std::string printed;           // the label as printed, trimmed: "13 (a)", "(1)", "a."
  std::string rest;              // the text after the label, trimmed
};

// The label a paragraph starts with, or nullopt when it starts with ordinary text. A label must
// be followed by text ("(1)" alone is not a paragraph) and is at most three digits or one letter,
// so years ("2017.") and prices ("1.5 million") are not taken for labels.
std::optional<LeadingLabel> ParseLeadingLabel(std::string_view text);

// The section number a heading starts with ("2.1 Objectives" -> "2.1", "1. Preface" -> "1"),
// with the heading's remaining text; nullopt when the heading is not numbered.
struct SectionNumber {
  std::string number;         // "2.1"
  std::string rest;           // "Objectives"
  std::size_t Depth() const;  // number of components: "2.1" -> 2
};
std::optional<SectionNumber> ParseSectionNumber(std::string_view heading);

// The labels enclosing the current paragraph, outermost first. Not thread-safe; one per document.
class LabelPath {
 public:
  // Places a paragraph's label in the hierarchy: a style already open closes it and its children
  // and takes its place; a new style opens a child level. Returns the composed label ("7(2)a").
  std::string Push(const std::vector<LabelPart>& parts);
  // The composed label of the open levels ("" when none).
  std::string Composed() const;
  std::size_t Depth() const { return parts_.size(); }
  void Clear() { parts_.clear(); }

 private:
  std::vector<LabelPart> parts_;
};

}  // namespace nt::importers
