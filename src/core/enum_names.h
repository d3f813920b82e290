#pragma once
// One table per enum maps values to the stable names used in SQLite, JSON and the CLI.

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace nt {

template <typename E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N>
constexpr std::string_view NameOf(const EnumNames<E, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "unknown";
}

template <typename E, std::size_t N>
constexpr std::optional<E> ValueOf(const EnumNames<E, N>& names, std::string_view name) {
  for (const auto& [v, n] : names) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace nt
