#pragma once
// How deeply a document's elements may nest before an importer refuses it, and the scan that
// finds HTML nested deeper than that before any HTML parser sees it.
//
// Why a limit at all: Gumbo's time and memory grow with the square of the depth of open elements
// (measured here: 5,000 nested <div> take 0.9 s and 200 MB, 20,000 take 21 s and 3.2 GB, so a
// 500 kB file of 100,000 <div> exhausts the machine), and our own tree walkers recurse once per
// level. Browsers cap the tree at the same depth (Chromium's HTML parser: 512); real statements,
// pages and Akoma Ntoso files nest a few dozen levels.

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/error.h"

namespace nt::importers {

inline constexpr int kMaxNestingDepth = 512;

// The byte offset of the first start tag at which more than `limit` elements would be open, or
// nullopt. An estimate on the raw text that errs towards counting more than an HTML parser
// would open: end tags close what they match (and everything opened above it), void elements,
// comments and the text of <script>, <style>, <textarea> and <title> open nothing, "/>" closes
// only inside <svg> and <math>; elements whose end tag may be left out (p, li, td, ...) are not
// counted, as the parser closes them when their next sibling starts. Linear in the text up to
// the limit: it stops at the first excess.
std::optional<std::size_t> FindExcessiveHtmlNesting(std::string_view html,
                                                    int limit = kMaxNestingDepth);

// kParse: "File 'x' nests elements more than 512 levels deep (line N); ..." for any format.
Error TooDeeplyNestedError(std::string_view display_name, int line);

}  // namespace nt::importers
