// The Akoma Ntoso importer: recognising the format from its root element, parsing it with the
// safety checks and errors of akoma_ntoso_xml.cpp, and the reader that turns the parsed tree
// into an ImportedDocument (references and actors, metadata, inline text, the body walk).

#include "importers/akoma_ntoso.h"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
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

namespace {

void ForEachElement(const pugi::xml_node& node, const auto& visit) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    visit(c);
    ForEachElement(c, visit);
  }
}

bool IsAllCaps(std::string_view text) {
  bool has_letter = false;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') has_letter = true;
  }
  return has_letter;
}

}  // namespace

void Reader::CollectReferences(const pugi::xml_node& root) {
  ForEachElement(root, [&](const pugi::xml_node& node) {
    std::string_view name = LocalName(node);
    if (name.starts_with("TLC")) {
      std::string id = IdOf(node);
      if (!id.empty()) {
        tlc_.try_emplace(id, TlcEntry{std::string(name),
                                      CollapseWhitespace(node.attribute("showAs").value())});
      }
    } else if (name == "note" && LocalName(node.parent()) == "notes") {
      meta_notes_.try_emplace(IdOf(node), node);
    }
  });
}

void Reader::ReadActors(const pugi::xml_node& root) {
  // What the text says someone does (party, signatory, speaker) wins over the FRBR author role.
  std::map<std::string, std::string> text_roles;  // TLC id -> role, first one wins
  std::map<std::string, std::string> meta_roles;
  std::set<std::string> editors;  // who made the markup, not the document
  auto role_title = [&](const pugi::xml_node& node) -> std::string {
    for (const char* attribute : {"as", "refersTo"}) {
      auto it = tlc_.find(std::string(RefTarget(node.attribute(attribute).value())));
      if (it != tlc_.end() && it->second.kind == "TLCRole") return it->second.show_as;
    }
    return "";
  };
  ForEachElement(root, [&](const pugi::xml_node& node) {
    std::string_view name = LocalName(node);
    if (name == "identification" || name == "references") {
      editors.insert(std::string(RefTarget(node.attribute("source").value())));
    } else if (name == "FRBRauthor") {
      std::string id(RefTarget(node.attribute("href").value()));
      if (LocalName(node.parent()) == "FRBRWork") {
        meta_roles.try_emplace(id, "author");
      } else {
        editors.insert(id);
      }
    } else if (name == "party") {
      text_roles.try_emplace(std::string(RefTarget(node.attribute("refersTo").value())), "party");
    } else if (name == "person" && LocalName(node.parent()) == "signature") {
      text_roles.try_emplace(std::string(RefTarget(node.attribute("refersTo").value())),
                             "signatory");
    } else if (pugi::xml_attribute by = node.attribute("by")) {
      // A speech, question or answer: the speaker, with the office they speak in when the
      // markup names a TLCRole ("Minister for Education and Sports").
      std::string role = role_title(node);
      text_roles.try_emplace(std::string(RefTarget(by.value())), role.empty() ? "speaker" : role);
    }
  });
  auto role_of = [&](const std::string& id) -> std::optional<std::string> {
    if (auto it = text_roles.find(id); it != text_roles.end()) return it->second;
    if (auto it = meta_roles.find(id); it != meta_roles.end()) return it->second;
    return std::nullopt;
  };

  std::vector<std::string> editor_names;
  std::set<std::string> seen_ids;
  ForEachElement(root, [&](const pugi::xml_node& node) {
    std::string_view kind = LocalName(node);
    if (kind != "TLCPerson" && kind != "TLCOrganization") return;
    std::string id = IdOf(node);
    std::string name = CollapseWhitespace(node.attribute("showAs").value());
    if (name.empty()) name = id;
    if (name.empty()) return;
    std::optional<std::string> role = role_of(id);
    if (!role && editors.contains(id)) {
      if (std::find(editor_names.begin(), editor_names.end(), name) == editor_names.end()) {
        editor_names.push_back(name);
      }
      return;
    }
    std::string role_text = role.value_or("");
    // Components repeat the same references, sometimes in capitals ("EUROPEAN COMMISSION").
    for (ImportedActorMention& actor : document_.actors) {
      if (ToLowerAscii(actor.name) == ToLowerAscii(name)) {
        if (IsAllCaps(actor.name) && !IsAllCaps(name)) actor.name = name;
        if (actor.role.empty()) actor.role = role_text;
        return;
      }
    }
    document_.actors.push_back(ImportedActorMention{
        name, kind == "TLCPerson" ? "person" : "organisation", role_text});
  });
  if (!editor_names.empty()) document_.metadata["markup_editor"] = Join(editor_names, "; ");
}

namespace {

// "2012-02-22", "2011-06-10T10:02:00+02:00", "2011-06" -> the ISO date part; "" otherwise.
std::string IsoDate(std::string_view value) {
  value = TrimView(value);
  auto digits = [&](std::size_t from, std::size_t count) {
    if (value.size() < from + count) return false;
    return std::all_of(value.begin() + static_cast<long>(from),
                       value.begin() + static_cast<long>(from + count),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(0, 4)) return "";
  if (value.size() >= 10 && value[4] == '-' && digits(5, 2) && value[7] == '-' && digits(8, 2)) {
    return std::string(value.substr(0, 10));
  }
  if (value.size() >= 7 && value[4] == '-' && digits(5, 2)) return std::string(value.substr(0, 7));
  return std::string(value.substr(0, 4));
}

// FRBRlanguage holds ISO 639-2 codes ("eng"); NormTrack stores BCP 47 primary tags ("en").
std::string Bcp47Language(std::string_view code) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 46> kIso639{{
      {"eng", "en"}, {"fra", "fr"}, {"fre", "fr"}, {"spa", "es"}, {"ara", "ar"}, {"rus", "ru"},
      {"zho", "zh"}, {"chi", "zh"}, {"jpn", "ja"}, {"deu", "de"}, {"ger", "de"}, {"ita", "it"},
      {"por", "pt"}, {"nld", "nl"}, {"dut", "nl"}, {"kor", "ko"}, {"swa", "sw"}, {"pol", "pl"},
      {"swe", "sv"}, {"dan", "da"}, {"fin", "fi"}, {"ell", "el"}, {"gre", "el"}, {"ces", "cs"},
      {"cze", "cs"}, {"hun", "hu"}, {"ron", "ro"}, {"rum", "ro"}, {"bul", "bg"}, {"hrv", "hr"},
      {"slk", "sk"}, {"slo", "sk"}, {"slv", "sl"}, {"est", "et"}, {"lav", "lv"}, {"lit", "lt"},
      {"mlt", "mt"}, {"gle", "ga"}, {"tur", "tr"}, {"ukr", "uk"}, {"heb", "he"}, {"hin", "hi"},
      {"ind", "id"}, {"vie", "vi"}, {"tha", "th"}, {"fas", "fa"},
  }};
  std::string lower = ToLowerAscii(Trim(code));
  // "en-GB", "en_GB": keep the primary subtag.
  lower = lower.substr(0, lower.find_first_of("-_"));
  for (const auto& [iso3, iso1] : kIso639) {
    if (lower == iso3) return std::string(iso1);
  }
  return lower;  // two-letter codes and three-letter codes without a two-letter form are BCP 47
}

// A UN document symbol: "E/CN.7/2012/L.2", "A/RES/70/1", "A/70/174".
bool LooksLikeUnSymbol(std::string_view text) {
  std::vector<std::string> parts = Split(text, '/');
  if (parts.size() < 2) return false;
  const std::string& organ = parts.front();
  if (organ.empty() || organ.size() > 5 ||
      !std::all_of(organ.begin(), organ.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return false;
  }
  return std::all_of(parts.begin(), parts.end(), [](const std::string& part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
             c == '.' || c == '-';
    });
  });
}

// The document kind from the AKN document type and what the document calls itself.
// - debate, debateReport, judgment, officialGazette, amendment(List), portion: other (records
//   and legal instruments, not diplomatic texts);
// - anything whose name, FRBR name, FRBR URI or proponent says "resolution" (the UN marks its
//   draft resolutions up as <bill>, with "/un/resolution/..." URIs): resolution;
// - statement, or a name such as jointStatement/communique/declaration/pressRelease: statement;
// - a name saying agreement, treaty, convention or memorandumOfUnderstanding: agreement; for
//   doc/statement/documentCollection the title may say so too, but not for act/bill, where
//   "An Act to implement the Convention..." is domestic law, not the agreement;
// - a UN (FRBRcountry "un") doc named report: un_report;
// - everything else, including domestic act/bill: other.
DocumentKind KindOf(std::string_view type, const std::map<std::string, std::string>& metadata,
                    std::string_view title) {
  static const std::set<std::string_view> kRecords = {
      "debate", "debateReport", "judgment", "officialGazette", "amendment", "amendmentList",
      "portion"};
  if (kRecords.contains(type)) return DocumentKind::kOther;
  auto get = [&](const char* key) {
    auto it = metadata.find(key);
    return it == metadata.end() ? std::string() : it->second;
  };
  // Names are camelCase or URI segments; compare them lower-cased with separators removed.
  std::string names;
  for (const char* key : {"akn_name", "frbr_name", "frbr_work_uri", "frbr_work_this"}) {
    for (char c : get(key)) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) names += ToLowerAscii({&c, 1});
    }
    names += ' ';
  }
  const std::string proponent = get("proponent");
  const bool title_counts = type == "doc" || type == "statement" || type == "documentCollection";
  auto says = [&](std::string_view name_word, std::string_view title_phrase) {
    return names.find(name_word) != std::string::npos ||
           (title_counts && !title_phrase.empty() && ContainsIgnoreCase(title, title_phrase));
  };

  if (says("resolution", "resolution") || ContainsIgnoreCase(proponent, "resolution")) {
    return DocumentKind::kResolution;
  }
  for (auto [word, phrase] : {std::pair<std::string_view, std::string_view>{"jointstatement",
                                                                             "joint statement"},
                              {"communique", "communiqu"},
                              {"declaration", "declaration"},
                              {"pressrelease", "press release"}}) {
    if (says(word, phrase)) return DocumentKind::kStatement;
  }
  if (type == "statement") return DocumentKind::kStatement;
  for (auto [word, phrase] : {std::pair<std::string_view, std::string_view>{"agreement",
                                                                             "agreement"},
                              {"treaty", "treaty"},
                              {"convention", "convention"},
                              {"memorandumofunderstanding", "memorandum of understanding"}}) {
    if (says(word, phrase)) return DocumentKind::kAgreement;
  }
  if (get("frbr_country") == "un" && says("report", "report")) return DocumentKind::kUnReport;
  return DocumentKind::kOther;
}

}  // namespace

void Reader::ReadMetadata(const pugi::xml_node& main) {
  auto& metadata = document_.metadata;
  auto put = [&](const std::string& key, std::string value) {
    value = CollapseWhitespace(value);
    if (!value.empty()) metadata.try_emplace(key, std::move(value));
  };
  put("akn_document_type", std::string(LocalName(main)));
  put("akn_name", main.attribute("name").value());

  pugi::xml_node identification = Child(Child(main, "meta"), "identification");
  pugi::xml_node work = Child(identification, "FRBRWork");
  pugi::xml_node expression = Child(identification, "FRBRExpression");
  pugi::xml_node manifestation = Child(identification, "FRBRManifestation");
  put("frbr_work_this", Child(work, "FRBRthis").attribute("value").value());
  put("frbr_work_uri", Child(work, "FRBRuri").attribute("value").value());
  put("frbr_work_date", IsoDate(Child(work, "FRBRdate").attribute("date").value()));
  put("frbr_country", Child(work, "FRBRcountry").attribute("value").value());
  put("frbr_name", Child(work, "FRBRname").attribute("value").value());
  put("frbr_number", Child(work, "FRBRnumber").attribute("value").value());
  std::vector<std::string> authors;
  for (const pugi::xml_node& author : Children(work, "FRBRauthor")) {
    std::string href = author.attribute("href").value();
    std::string name = ShowAs(href);
    // An author missing from the references is still worth its id ("DG-JUST").
    authors.push_back(name.empty() ? std::string(RefTarget(href)) : name);
  }
  put("frbr_author", Join(authors, "; "));
  put("frbr_expression_this", Child(expression, "FRBRthis").attribute("value").value());
  put("frbr_expression_uri", Child(expression, "FRBRuri").attribute("value").value());
  put("frbr_expression_date", IsoDate(Child(expression, "FRBRdate").attribute("date").value()));
  std::string language = Child(expression, "FRBRlanguage").attribute("language").value();
  put("frbr_language", language);
  document_.language = Bcp47Language(language);
  put("frbr_manifestation_this", Child(manifestation, "FRBRthis").attribute("value").value());

  // The preface says what the document calls itself; the first occurrence is the main one.
  pugi::xml_node doc_title = Find(main, "docTitle");
  pugi::xml_node short_title = Find(main, "shortTitle");
  pugi::xml_node long_title = Find(main, "longTitle");
  std::string title_text = doc_title ? Flatten(doc_title) : "";
  if (title_text.empty() && long_title) title_text = Flatten(long_title);
  // A short title ("America's Cup Act of 2011") is how people cite an act; the long one
  // ("To facilitate the hosting...") stays in the metadata.
  if (short_title && !Flatten(short_title).empty()) {
    document_.title = Flatten(short_title);
    put("long_title", title_text);
  } else {
    document_.title = title_text;
  }
  if (pugi::xml_node number = Find(main, "docNumber")) {
    std::string text = Flatten(number);
    put("doc_number", text);
    if (LooksLikeUnSymbol(text)) document_.symbol = text;
  }
  if (pugi::xml_node date = Find(main, "docDate")) {
    document_.date = IsoDate(date.attribute("date").value());
  }
  // The printed date first; FRBR dates are when the work or its markup was made.
  if (document_.date.empty()) document_.date = metadata["frbr_work_date"];
  if (document_.date.empty()) document_.date = metadata["frbr_expression_date"];
  for (const char* part : {"preface", "conclusions"}) {
    if (!document_.place.empty()) break;
    if (pugi::xml_node location = Find(Child(main, part), "location")) {
      document_.place = Flatten(location);
    }
  }
  if (pugi::xml_node session = Find(main, "session")) put("session", Flatten(session));
  if (pugi::xml_node proponent = Find(main, "docProponent")) put("proponent", Flatten(proponent));
  if (pugi::xml_node status = Find(main, "docStatus")) put("status", Flatten(status));
  if (pugi::xml_node docket = Find(main, "docketNumber")) put("docket_number", Flatten(docket));
  std::erase_if(metadata, [](const auto& entry) { return entry.second.empty(); });

  document_.kind = KindOf(LocalName(main), metadata, document_.title);
}

// Elements whose text is never part of a paragraph.
bool IsSilent(std::string_view name) {
  static const std::set<std::string_view> kSilent = {
      "meta", "toc", "img", "marker", "eol", "eop", "documentRef", "componentRef", "noteRef",
      "authorialNote", "note", "omissis"};
  return kSilent.contains(name);
}

namespace {

// Marks where a footnote was taken out of the running text (see NormaliseFlattened).
constexpr char kNoteMark = '\x01';

// Block-level elements: their text is separated from what follows even without white space.
bool IsBlockName(std::string_view name) {
  static const std::set<std::string_view> kBlocks = {
      "p", "block", "blockList", "item", "listIntroduction", "listWrapUp", "tr", "td", "th",
      "intro", "wrapUp", "content", "list", "num", "heading", "subheading", "from", "container",
      "formula", "citation", "recital", "tblock", "li", "ul", "ol"};
  return kBlocks.contains(name);
}

// Collapses white space, and removes the space that pretty-printing or a removed footnote left
// before punctuation or after an opening bracket or quote ("products\n   ;" -> "products;",
// "‘<term>\n mixture</term>’" -> "‘mixture’"), which a human never typed.
std::string NormaliseFlattened(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == kNoteMark;
  };
  for (std::size_t i = 0; i < raw.size();) {
    if (!is_space(raw[i])) {
      out += raw[i++];
      continue;
    }
    std::size_t end = i;
    bool artificial = false;
    while (end < raw.size() && is_space(raw[end])) {
      if (raw[end] == '\n' || raw[end] == kNoteMark) artificial = true;
      ++end;
    }
    bool before_punctuation =
        end < raw.size() && std::string_view(",;:.)").find(raw[end]) != std::string_view::npos;
    bool after_opening = out.ends_with('(') || out.ends_with('[') ||
                         out.ends_with("\u2018") || out.ends_with("\u201C");
    if (!(artificial && !out.empty() && (before_punctuation || after_opening))) out += ' ';
    i = end;
  }
  return CollapseWhitespace(out);
}

}  // namespace

std::string Reader::Flatten(const pugi::xml_node& node) {
  std::string raw;
  FlattenInto(node, raw);
  return NormaliseFlattened(raw);
}

void Reader::FlattenInto(const pugi::xml_node& node, std::string& out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c);
    if (name == "authorialNote" || name == "note") {
      AddNote(c, c.attribute("marker").value());
      out += kNoteMark;
    } else if (name == "noteRef") {
      auto it = meta_notes_.find(std::string(RefTarget(c.attribute("href").value())));
      if (it != meta_notes_.end()) AddNote(it->second, c.attribute("marker").value());
      out += kNoteMark;
    } else if (name == "omissis") {
      omitted_text_ = true;
      out += ' ';
    } else if (IsSilent(name)) {
      out += ' ';
    } else {
      bool block = IsBlockName(name);
      if (block) out += ' ';
      FlattenInto(c, out);
      if (block) out += ' ';
    }
  }
}

// Footnotes leave the running text (they would split its sentences) and are kept apart, at
// the end, as boilerplate: they cite sources rather than say what anyone commits to.
void Reader::AddNote(const pugi::xml_node& note, std::string marker) {
  std::string key = IdOf(note);
  if (key.empty()) key = std::to_string(note.offset_debug());
  if (!notes_seen_.insert(key).second) return;
  ImportedParagraph paragraph;
  paragraph.label = CollapseWhitespace(marker);
  paragraph.heading_path = {"Notes"};
  paragraph.text = Flatten(note);
  paragraph.is_boilerplate = true;
  paragraph.source_line = LineOf(note);
  if (!paragraph.text.empty()) notes_.push_back(std::move(paragraph));
}

namespace {

bool HasDirectText(const pugi::xml_node& node) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) &&
        !TrimView(c.value()).empty()) {
      return true;
    }
  }
  return false;
}

// Elements that hold running text. Anything else with text of its own (an inline element
// placed directly in a container, a crossHeading) is read as a block too.
bool IsTextBlock(const pugi::xml_node& node) {
  static const std::set<std::string_view> kTextBlocks = {
      "p", "block", "listIntroduction", "listWrapUp", "narrative", "summary", "scene",
      "tocItem", "crossHeading", "docTitle", "docNumber", "docDate"};
  return kTextBlocks.contains(LocalName(node)) || HasDirectText(node);
}

}  // namespace

void Reader::Walk(const pugi::xml_node& node, const Context& context) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c);
    if (name == "authorialNote" || name == "note") {
      AddNote(c, c.attribute("marker").value());
    } else if (name == "omissis") {
      omitted_text_ = true;
    } else if (IsSilent(name) || name == "num" || name == "heading" || name == "subheading" ||
               name == "from") {
      continue;  // silent, or read by the enclosing container
    } else if (name == "table") {
      EmitTable(c, context);
    } else if (IsTextBlock(c)) {
      Emit(Flatten(c), c, context);
    } else {
      WalkContainer(c, context);
    }
  }
}

void Reader::WalkContainer(const pugi::xml_node& node, const Context& context) {
  Context inner = context;
  std::string_view name = LocalName(node);
  // The preface and cover page repeat what the metadata holds; editorial insertions such as
  // "Page 125 STAT. 754" are not the document's text.
  if (name == "preface" || name == "coverPage" ||
      std::string_view(node.attribute("status").value()) == "editorial") {
    inner.boilerplate = true;
  }
  if (name == "component") {
    inner.label_slot = nullptr;
    inner.unheaded_number.clear();
    if (std::string title = ComponentTitle(node); !title.empty()) {
      inner.heading_path.push_back(std::move(title));
    }
  }
  pugi::xml_node num_node = Child(node, "num");
  std::string num = num_node ? Flatten(num_node) : "";
  std::string heading;
  if (pugi::xml_node h = Child(node, "heading")) heading = Flatten(h);
  if (pugi::xml_node sub = Child(node, "subheading")) {
    heading = CollapseWhitespace(heading + " " + Flatten(sub));
  }
  if ((!num.empty() || !heading.empty()) && !inner.unheaded_number.empty()) {
    inner.heading_path.push_back(inner.unheaded_number);
    inner.unheaded_number.clear();
  }
  if (!heading.empty()) {
    inner.heading_path.push_back(num.empty() ? heading : num + " " + heading);
  } else if (!num.empty()) {
    inner.unheaded_number = num;
  } else if (name == "preamble") {
    // Not printed, but it matters: preambular paragraphs recall and recognise, they do not
    // commit, and extraction needs to know which paragraphs are operative.
    inner.heading_path.push_back("Preamble");
  }
  std::string label = num;  // the slot the first block below this element takes
  if (!num.empty()) inner.label_slot = &label;

  std::string speaker;
  if (pugi::xml_node from = Child(node, "from")) speaker = Flatten(from);
  while (!speaker.empty() && (speaker.back() == ':' || speaker.back() == ' ')) speaker.pop_back();
  if (speaker.empty() && (name == "speech" || name == "question" || name == "answer")) {
    speaker = ShowAs(node.attribute("by").value());
  }
  if (!speaker.empty()) inner.heading_path.push_back(std::move(speaker));

  Walk(node, inner);
}

void Reader::EmitTable(const pugi::xml_node& table, const Context& context) {
  // Rows become "cell | cell" paragraphs: a row is the unit a reader cites.
  auto emit_rows = [&](const pugi::xml_node& parent, const auto& self) -> void {
    for (pugi::xml_node row = parent.first_child(); row; row = row.next_sibling()) {
      if (row.type() != pugi::node_element) continue;
      std::string_view name = LocalName(row);
      if (name == "caption") {
        Emit(Flatten(row), row, context);
      } else if (name == "tr") {
        std::vector<std::string> cells;
        for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling()) {
          if (cell.type() != pugi::node_element) continue;
          if (std::string text = Flatten(cell); !text.empty()) cells.push_back(std::move(text));
        }
        Emit(Join(cells, " | "), row, context);
      } else if (name == "thead" || name == "tbody" || name == "tfoot") {
        self(row, self);
      }
    }
  };
  emit_rows(table, emit_rows);
}

void Reader::Emit(std::string text, const pugi::xml_node& node, const Context& context) {
  if (text.empty()) return;
  ImportedParagraph paragraph;
  if (context.label_slot) {
    paragraph.label = std::move(*context.label_slot);
    context.label_slot->clear();
  }
  paragraph.heading_path = context.heading_path;
  paragraph.text = std::move(text);
  paragraph.is_boilerplate = context.boilerplate;
  paragraph.source_line = LineOf(node);
  document_.paragraphs.push_back(std::move(paragraph));
}

// A component's own title ("EXPLANATORY MEMORANDUM"), from the preface of the document in it.
std::string Reader::ComponentTitle(const pugi::xml_node& component) {
  for (pugi::xml_node doc = component.first_child(); doc; doc = doc.next_sibling()) {
    if (doc.type() != pugi::node_element || !Child(doc, "meta")) continue;
    pugi::xml_node preface = Child(doc, "preface");
    if (pugi::xml_node title = Find(preface, "docTitle")) return Flatten(title);
    if (pugi::xml_node title = Find(preface, "longTitle")) return Flatten(title);
    return CollapseWhitespace(doc.attribute("name").value());
  }
  return "";
}

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
