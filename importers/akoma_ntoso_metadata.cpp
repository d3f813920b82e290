// Document metadata for the Akoma Ntoso reader: the FRBR identification (work, expression and
// manifestation; dates, country, authors, language), what the preface says the document calls
// itself (titles, number, date, place, session...), and the document kind judged from both.

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "importers/akoma_ntoso_internal.h"

namespace nt::importers::akn {
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

}  // namespace nt::importers::akn
