// The Akoma Ntoso importer's entry points: recognising the format from its root element without
// parsing the whole file, parsing it with the safety checks (entities, nesting) and errors of
// akoma_ntoso_xml.cpp, and running the reader's passes over the tree in order. What each pass
// reads is in akoma_ntoso_references.cpp, akoma_ntoso_metadata.cpp, akoma_ntoso_text.cpp and
// akoma_ntoso_body.cpp; what they share is in akoma_ntoso_internal.h.

#include "importers/akoma_ntoso.h"

#include <pugixml.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/platform.h"
#include "core/text.h"
#include "importers/akoma_ntoso_internal.h"
#include "importers/nesting_limit.h"
#include "importers/text_decoding.h"

namespace nt::importers {
namespace {

// The 3.0 namespace is a prefix: the committee drafts used ".../akn/3.0/CSD13" and the like.
constexpr std::string_view kAkn30Namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
constexpr std::string_view kAkn20Namespace = "http://www.akomantoso.org/2.0";

// The version an Akoma Ntoso namespace URI names, or "" when it is not one.
std::string_view AknVersionOf(std::string_view uri) {
  if (uri.starts_with(kAkn30Namespace)) return "3.0";
  if (uri.starts_with(kAkn20Namespace)) return "2.0";
  return "";
}

// ---- Sniffing the root element without parsing the whole file -------------------------------

struct StartTag {
  std::string name;
  std::map<std::string, std::string> attributes;
};

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The attributes of a start tag's text (what follows the element name, up to '>').
std::map<std::string, std::string> ParseAttributes(std::string_view text) {
  std::map<std::string, std::string> attributes;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (IsXmlSpace(text[i]) || text[i] == '/')) ++i;
    std::size_t name_start = i;
    while (i < text.size() && text[i] != '=' && !IsXmlSpace(text[i])) ++i;
    std::string name(text.substr(name_start, i - name_start));
    while (i < text.size() && IsXmlSpace(text[i])) ++i;
    if (i >= text.size() || text[i] != '=') break;
    ++i;
    while (i < text.size() && IsXmlSpace(text[i])) ++i;
    if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) break;
    char quote = text[i++];
    std::size_t value_end = text.find(quote, i);
    if (value_end == std::string_view::npos) break;
    attributes[name] = std::string(text.substr(i, value_end - i));
    i = value_end + 1;
  }
  return attributes;
}

// The first start tag of an XML text, skipping the declaration, comments, processing
// instructions and a DOCTYPE; nullopt when the text does not start like XML.
std::optional<StartTag> FirstStartTag(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && IsXmlSpace(text[i])) ++i;
    if (i >= text.size() || text[i] != '<') return std::nullopt;
    std::string_view rest = text.substr(i);
    if (rest.starts_with("<?")) {
      std::size_t end = text.find("?>", i);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + 2;
    } else if (rest.starts_with("<!--")) {
      std::size_t end = text.find("-->", i);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + 3;
    } else if (rest.starts_with("<!")) {
      // A DOCTYPE: its internal subset may hold '>' inside brackets and quotes.
      int depth = 0;
      char quote = 0;
      for (++i; i < text.size(); ++i) {
        char c = text[i];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '[') {
          ++depth;
        } else if (c == ']') {
          --depth;
        } else if (c == '>' && depth <= 0) {
          break;
        }
      }
      if (i >= text.size()) return std::nullopt;
      ++i;
    } else {
      std::size_t name_start = i + 1;
      std::size_t j = name_start;
      while (j < text.size() && !IsXmlSpace(text[j]) && text[j] != '>' && text[j] != '/') ++j;
      StartTag tag;
      tag.name = std::string(text.substr(name_start, j - name_start));
      char quote = 0;
      std::size_t k = j;
      for (; k < text.size(); ++k) {
        char c = text[k];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          break;
        }
      }
      tag.attributes = ParseAttributes(text.substr(j, k - j));
      return tag;
    }
  }
}

// The namespace URI of a start tag's own element (from its prefix or the default namespace).
std::string NamespaceOf(const StartTag& tag) {
  std::size_t colon = tag.name.find(':');
  std::string attribute =
      colon == std::string::npos ? "xmlns" : "xmlns:" + tag.name.substr(0, colon);
  auto it = tag.attributes.find(attribute);
  return it == tag.attributes.end() ? "" : it->second;
}

// The namespace URI of a parsed element, looked up through its ancestors' declarations.
std::string NamespaceOf(const pugi::xml_node& node) {
  std::string_view name = node.name();
  std::size_t colon = name.find(':');
  std::string attribute =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
  }
  return "";
}

}  // namespace

namespace akn {

Result<ImportedDocument> Reader::Read(const pugi::xml_document& xml) {
  pugi::xml_node root = xml.document_element();
  document_.metadata["akn_version"] = std::string(AknVersionOf(NamespaceOf(root)));
  // The document proper; in some 3.0 drafts a <components> sibling follows it.
  pugi::xml_node main;
  for (pugi::xml_node c = root.first_child(); c && !main; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) != "components") main = c;
  }
  if (!main) {
    return Fail(ErrorCode::kParse, "File " + Quoted(file_.DisplayName()) +
                                       " is an Akoma Ntoso file with no document inside "
                                       "akomaNtoso (line " +
                                       std::to_string(LineOf(root)) + ").");
  }
  CollectReferences(root);
  ReadMetadata(main);
  ReadActors(root);
  Walk(root, Context{});
  for (ImportedParagraph& note : notes_) document_.paragraphs.push_back(std::move(note));
  if (omitted_text_) {
    document_.warnings.push_back(
        "The source marks text as omitted (omissis): the document is an excerpt.");
  }
  if (document_.title.empty()) {
    document_.title = platform::PathToUtf8(file_.path.stem());
    document_.warnings.push_back("The document has no docTitle; its file name is the title.");
  }
  return std::move(document_);
}

}  // namespace akn

int AkomaNtosoImporter::Confidence(const SourceFile& file) const {
  std::string decoded;
  auto sniffed = TextForSniffing(file, decoded);
  if (!sniffed) return 0;
  std::string_view text = *sniffed;
  std::optional<StartTag> root = FirstStartTag(text);
  if (!root || akn::LocalName(root->name) != "akomaNtoso") return 0;
  return AknVersionOf(NamespaceOf(*root)).empty() ? 0 : 95;
}

Result<ImportedDocument> AkomaNtosoImporter::Read(const SourceFile& file) const {
  auto text = DecodeText(file);
  if (!text) return Fail(text.error());

  // Checked before parsing: a hostile DOCTYPE gets the same answer whether or not the rest of
  // the file is well-formed.
  if (auto refused = akn::EntityDeclarationError(file, *text)) return Fail(*refused);

  pugi::xml_document xml;
  // parse_ws_pcdata keeps the spaces between inline elements ("<person>A,</person> <person>").
  pugi::xml_parse_result result =
      xml.load_buffer(text->data(), text->size(),
                      pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype,
                      pugi::encoding_utf8);
  if (!result) return Fail(akn::PugixmlError(file, result, *text));
  if (pugi::xml_node deep = akn::TooDeepElement(xml)) {
    return Fail(TooDeeplyNestedError(
        file.DisplayName(), LineOfOffset(*text, static_cast<std::size_t>(deep.offset_debug()))));
  }

  pugi::xml_node root = xml.document_element();
  std::string ns = NamespaceOf(root);
  if (akn::LocalName(root) != "akomaNtoso" || AknVersionOf(ns).empty()) {
    return Fail(ErrorCode::kUnsupported,
                "File " + Quoted(file.DisplayName()) + " is XML but not Akoma Ntoso: its root "
                "element is '" + std::string(root.name()) + "'" +
                    (ns.empty() ? std::string(" without a namespace") : " in namespace " + ns) +
                    ".");
  }
  akn::Reader reader(file, *text);
  auto document = reader.Read(xml);
  if (!document) return document;
  for (pugi::xml_node node = xml.first_child(); node; node = node.next_sibling()) {
    if (node.type() == pugi::node_doctype &&
        (std::string_view(node.value()).find("SYSTEM") != std::string_view::npos ||
         std::string_view(node.value()).find("PUBLIC") != std::string_view::npos)) {
      document->warnings.push_back("The external DTD named in the DOCTYPE was not read.");
    }
  }
  return document;
}

}  // namespace nt::importers
