#pragma once
// Turning a file's bytes into UTF-8 text for the text-based importers.

#include <string>

#include "core/error.h"
#include "importers/importer.h"

namespace nt::importers {

// True when the bytes look like text rather than a binary file (no NUL bytes outside UTF-16).
bool LooksLikeText(std::string_view bytes);

// UTF-8 text with any byte-order mark removed and line endings normalised to "\n".
// Errors: kParse naming the file and line of the first byte that is not valid text.
[[nodiscard]] Result<std::string> DecodeText(const SourceFile& file);

}  // namespace nt::importers
