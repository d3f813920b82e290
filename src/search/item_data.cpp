#include "search/item_data.h"

#include <charconv>
#include <string_view>
#include <vector>

namespace nt::search {
namespace {

constexpr char kSeparator = '\x1f';

std::int64_t ToInt(std::string_view text) {
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

std::string EncodeItemData(const IndexDocument& document, const IndexItem& item, bool with_text) {
  std::string out;
  for (const std::string& field :
       {std::string(ToString(item.kind)), std::to_string(item.id),
        std::to_string(item.paragraph_id), std::to_string(document.document_id), document.title,
        document.kind, document.date, item.label}) {
    out += field;
    out += kSeparator;
  }
  // Last: it may contain anything, but the separator is never in stored text.
  if (with_text) out += item.text;
  return out;
}

bool DecodeItemData(const std::string& data, SearchHit& hit) {
  std::vector<std::string_view> fields;
  std::string_view rest(data);
  for (int i = 0; i < 8; ++i) {
    auto at = rest.find(kSeparator);
    if (at == std::string_view::npos) return false;
    fields.push_back(rest.substr(0, at));
    rest.remove_prefix(at + 1);
  }
  hit.kind = fields[0] == "commitment" ? ItemKind::kCommitment : ItemKind::kParagraph;
  hit.item_id = ToInt(fields[1]);
  hit.paragraph_id = ToInt(fields[2]);
  hit.document_id = ToInt(fields[3]);
  hit.document_title = fields[4];
  hit.document_kind = fields[5];
  hit.date = fields[6];
  hit.label = fields[7];
  hit.text = rest;
  return true;
}

}  // namespace nt::search
