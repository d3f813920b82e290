#pragma once
// A norm of responsible State behaviour from a catalogue such as the 2015 GGE report.

#include <string>

#include "core/ids.h"

namespace nt {

struct Norm {
  NormId id;
  std::string code;         // "13(f)"
  std::string short_title;  // in our own words
  std::string description;
  std::string source_symbol;  // "A/70/174"
};

}  // namespace nt
