#include "importers/importer.h"

#include "core/platform.h"
#include "core/text.h"

namespace nt::importers {

std::string SourceFile::Extension() const {
  return ToLowerAscii(platform::PathToUtf8(path.extension()));
}

std::string SourceFile::DisplayName() const { return platform::PathToUtf8(path); }

}  // namespace nt::importers
