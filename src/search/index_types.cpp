#include "search/index_types.h"

#include <cctype>

#include "core/sha256.h"

namespace nt::search {

namespace {

// Length-prefixed, so "ab"+"c" and "a"+"bc" hash differently.
void Add(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

void Add(std::string& out, const std::vector<std::string>& values) {
  Add(out, std::to_string(values.size()));
  for (const std::string& value : values) Add(out, value);
}

}  // namespace

std::string ContentHash(const IndexDocument& d) {
  std::string out;
  for (std::string_view field :
       {std::string_view(d.title), std::string_view(d.symbol), std::string_view(d.kind),
        std::string_view(d.date), std::string_view(d.language), std::string_view(d.dialogue)}) {
    Add(out, field);
  }
  Add(out, d.round ? std::to_string(*d.round) : "-");
  Add(out, std::to_string(d.items.size()));
  for (const IndexItem& item : d.items) {
    Add(out, ToString(item.kind));
    Add(out, std::to_string(item.id));
    Add(out, std::to_string(item.paragraph_id));
    Add(out, item.label);
    Add(out, item.text);
    Add(out, item.language);
    Add(out, item.actors);
    Add(out, item.commitment_types);
    Add(out, item.norms);
    Add(out, item.statuses);
  }
  return Sha256Hex(out);
}

std::string DateKey(std::string_view iso) {
  auto digits = [](std::string_view s) {
    for (char c : s) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
  };
  if (iso.size() >= 4 && digits(iso.substr(0, 4))) {
    std::string key(iso.substr(0, 4));
    if (iso.size() >= 7 && iso[4] == '-' && digits(iso.substr(5, 2))) {
      key += iso.substr(5, 2);
      if (iso.size() >= 10 && iso[7] == '-' && digits(iso.substr(8, 2))) {
        key += iso.substr(8, 2);
        return key;
      }
      return key + "00";
    }
    return key + "0000";
  }
  return {};
}

std::string NormaliseKeyword(std::string_view value) {
  std::string out;
  for (char c : value) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (c == '/' || c == '-' || c == '_' || c == '.' || u >= 0x80) {
      out += c;
    }
  }
  return out;
}

}  // namespace nt::search
