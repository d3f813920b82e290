#pragma once
// The one place where NormTrack's UTF-8 std::string meets wxString (DESIGN.md "Text"): the core
// and app layers speak UTF-8, wx speaks wxString, and paths cross as UTF-8 too so that a
// non-ASCII folder name survives on every platform.

#include <wx/string.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "core/platform.h"

namespace nt::ui {

inline wxString ToWx(std::string_view utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }

inline std::string ToUtf8(const wxString& text) {
  const wxScopedCharBuffer buffer = text.utf8_str();
  return std::string(buffer.data(), buffer.length());
}

inline wxString PathToWx(const std::filesystem::path& path) {
  return ToWx(platform::PathToUtf8(path));
}

inline std::filesystem::path PathFromWx(const wxString& path) {
  return platform::PathFromUtf8(ToUtf8(path));
}

}  // namespace nt::ui
