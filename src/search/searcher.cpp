#include "search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <sstream>
#include <system_error>
#include <unordered_map>

#include "core/platform.h"
#include "core/printable.h"
#include "core/text.h"
#include "search/fields.h"
#include "search/item_data.h"
#include "search/read_retry.h"
#include "search/term_builder.h"
#include "search/xapian_error.h"

namespace nt::search {
namespace {

// Totals up to this many matches are counted exactly (get_mset's check_at_least).
constexpr int kExactTotalsUpTo = 1000;


constexpr const char* kHighlightStart = "\x02";
constexpr const char* kHighlightEnd = "\x03";

bool IsDateSpec(std::string_view s) {
  auto digits = [&](std::size_t at, std::size_t n) {
    if (s.size() < at + n) return false;
    for (std::size_t i = at; i < at + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
  };
  if (s.size() == 4) return digits(0, 4);
  if (s.size() == 7) return digits(0, 4) && s[4] == '-' && digits(5, 2);
  if (s.size() == 10)
    return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2);
  return false;
}

// date:2015..2017, date:2017-07.., date:..2016-12-31: a range over the date slot where a
// partial date covers its whole year or month.
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  DateRangeProcessor() : Xapian::RangeProcessor(kSlotDate, "date:") {}

  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    for (const std::string* bound : {&begin, &end}) {
      if (!bound->empty() && !IsDateSpec(*bound)) {
        throw Xapian::QueryParserError(
            "a date range takes dates like 2015, 2017-07 or "
            "2017-07-24, not " +
            QuotedExcerpt(*bound));
      }
    }
    const std::string low = begin.empty() ? "" : DateKey(begin);
    std::string high;
    if (!end.empty()) {
      high = DateKey(end);
      if (end.size() == 4) high = high.substr(0, 4) + "9999";
      if (end.size() == 7) high = high.substr(0, 6) + "99";
    }
    if (!low.empty() && !high.empty()) {
      if (low > high) {
        throw Xapian::QueryParserError("the date range " + begin + ".." + end +
                                       " ends before it starts");
      }
      return Bounded(low, high);
    }
    if (!low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotDate, low);
    if (!high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, kSlotDate, high);
    throw Xapian::QueryParserError("a date range needs at least one date");
  }

 private:
  // The years the range covers whole become year terms (a few posting lists, no value read per
  // match); only the partial years at its ends scan the date slot.
  static Xapian::Query Bounded(const std::string& low, const std::string& high) {
    constexpr int kMaxYearTerms = 100;
    const int low_year = std::stoi(low.substr(0, 4));
    const int high_year = std::stoi(high.substr(0, 4));
    const int first_whole = low.substr(4) == "0000" ? low_year : low_year + 1;
    const int last_whole = high.substr(4) == "9999" ? high_year : high_year - 1;
    if (first_whole > last_whole || last_whole - first_whole >= kMaxYearTerms) {
      return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate, low, high);
    }
    std::vector<Xapian::Query> parts;
    for (int year = first_whole; year <= last_whole; ++year) {
      parts.emplace_back(std::string(kYearPrefix) + std::to_string(year));
    }
    if (first_whole != low_year) {
      parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, kSlotDate, low,
                         std::to_string(low_year) + "9999");
    }
    if (last_whole != high_year) {
      parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, kSlotDate,
                         std::to_string(high_year) + "0000", high);
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  }
};

// date:2019, date:2017-07, date:2017-07-24: the whole year, month or day (ranges with '..' go to
// DateRangeProcessor).
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    auto dots = value.find("..");
    if (dots != std::string::npos) {
      DateRangeProcessor range;
      return range(value.substr(0, dots), value.substr(dots + 2));
    }
    DateRangeProcessor range;
    return range(value, value);
  }
};

// A boolean field whose value is normalised like the indexer's keywords.
class KeywordFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit KeywordFieldProcessor(std::string prefix) : prefix_(std::move(prefix)) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(prefix_ + NormaliseKeyword(value));
  }

 private:
  std::string prefix_;
};

// actor:US, actor:"the United States", actor:Japan: any name or acronym of an actor finds the
// actor's canonical term.
class ActorFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit ActorFieldProcessor(const std::vector<ActorNames>& actors) {
    for (const ActorNames& actor : actors) {
      names_.emplace(ToLowerAscii(actor.canonical), actor.canonical);
      for (const std::string& name : actor.names)
        names_.emplace(ToLowerAscii(name), actor.canonical);
      for (const std::string& acronym : actor.acronyms) acronyms_.emplace(acronym, actor.canonical);
    }
  }
  Xapian::Query operator()(const std::string& value) override {
    std::string name = Trim(value);
    if (StartsWithIgnoreCase(name, "the ")) name = name.substr(4);
    std::string canonical = name;
    if (auto it = acronyms_.find(name); it != acronyms_.end()) {
      canonical = it->second;
    } else if (auto named = names_.find(ToLowerAscii(name)); named != names_.end()) {
      canonical = named->second;
    }
    return Xapian::Query(std::string(PrefixOf("actor")) + NormaliseKeyword(canonical));
  }

 private:
  std::unordered_map<std::string, std::string> names_;
  std::unordered_map<std::string, std::string> acronyms_;
};

// Documents write abbreviations in capitals with dots (U.S., U.K.), which the TermGenerator
// indexes as one word ("us"); the QueryParser reads a capitalised dotted form the same way, but a
// lower-case one (u.s.) as a phrase of single letters that no field holds. In the value of a
// free-text field (dialogue:u.s., title:"u.k. statement") such a form is capitalised, so it
// finds what dialogue:U.S. and dialogue:us find. Other words are left as typed.
std::string CapitaliseDottedForms(std::string_view value) {
  auto is_letter = [](char c) { return c >= 'a' && c <= 'z'; };
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  std::string out(value);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!is_letter(out[i]) || (i > 0 && (is_word(out[i - 1]) || out[i - 1] == '.'))) continue;
    // Letters each followed by a dot, at least two letters ("u.s." or "u.s").
    std::size_t end = i, letters = 0;
    while (end < out.size() && is_letter(out[end]) &&
           (end + 1 == out.size() || !is_word(out[end + 1]))) {
      ++letters;
      ++end;
      if (end < out.size() && out[end] == '.') {
        ++end;
      } else {
        break;
      }
    }
    const bool dotted = letters >= 2 && (end == out.size() || !is_word(out[end]));
    if (dotted) {
      for (std::size_t j = i; j < end; ++j) {
        out[j] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[j])));
      }
    }
    i = std::max(i, end == 0 ? 0 : end - 1);
  }
  return out;
}

// Applies CapitaliseDottedForms to the value of each free-text field of `query`: the word after
// "dialogue:" or "title:", or the "quoted phrase" there.
std::string NormaliseFieldValues(const std::string& query) {
  std::string out;
  std::size_t i = 0;
  while (i < query.size()) {
    const bool token_start = i == 0 || std::isspace(static_cast<unsigned char>(query[i - 1])) ||
                             query[i - 1] == '(' || query[i - 1] == '+' || query[i - 1] == '-';
    std::size_t value = std::string::npos;
    if (token_start) {
      for (const FieldPrefix& field : kFields) {
        if (field.boolean) continue;
        const std::string name = std::string(field.field) + ":";
        if (query.compare(i, name.size(), name) == 0) value = i + name.size();
      }
    }
    if (value == std::string::npos) {
      out += query[i++];
      continue;
    }
    std::size_t end = value;
    if (end < query.size() && query[end] == '"') {
      end = query.find('"', end + 1);
      end = end == std::string::npos ? query.size() : end + 1;
    } else {
      while (end < query.size() && !std::isspace(static_cast<unsigned char>(query[end])) &&
             query[end] != ')') {
        ++end;
      }
    }
    out.append(query, i, value - i);
    out += CapitaliseDottedForms(std::string_view(query).substr(value, end - value));
    i = end;
  }
  return out;
}

// Stemmed terms (Z...) and unprefixed words; never field or id terms.
class BodyTermDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.empty()) return false;
    unsigned char first = static_cast<unsigned char>(term[0]);
    if (first == 'Z') return term.size() > 3;
    return !std::isupper(first) && term.size() > 2;
  }
};

std::vector<SnippetPart> ParseSnippet(const std::string& marked) {
  std::vector<SnippetPart> parts;
  bool match = false;
  std::string current;
  auto flush = [&] {
    if (current.empty()) return;
    // Adjacent highlighted terms (CJK n-grams, a phrase) read as one highlighted run.
    if (match && !parts.empty() && parts.back().match) {
      parts.back().text += current;
    } else {
      parts.push_back({current, match});
    }
    current.clear();
  };
  for (char c : marked) {
    if (c == kHighlightStart[0]) {
      flush();
      match = true;
    } else if (c == kHighlightEnd[0]) {
      flush();
      match = false;
    } else {
      current += c;
    }
  }
  flush();
  return parts;
}

// How a facet's values map to what is counted: as they are, split into the single values of a
// joined list, or cut to their first `n` characters (the year of a YYYYMMDD date).
struct FacetValues {
  bool split = false;
  std::size_t prefix = std::string::npos;
};

std::vector<FacetCount> Counts(const Xapian::ValueCountMatchSpy& spy, FacetValues how, int limit) {
  std::map<std::string, int> totals;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const int count = static_cast<int>(it.get_termfreq());
    if (!how.split) {
      totals[(*it).substr(0, how.prefix)] += count;
      continue;
    }
    for (const std::string& one : Split(*it, kValueListSeparator)) {
      if (!one.empty()) totals[one] += count;
    }
  }
  std::vector<FacetCount> out;
  for (auto& [value, count] : totals) out.push_back({value, count});
  std::stable_sort(out.begin(), out.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  if (static_cast<int>(out.size()) > limit) out.resize(static_cast<std::size_t>(limit));
  return out;
}

}  // namespace

// What the facet counters saw, and how many matches the query has as far as they read.
struct FacetRun {
  Facets facets;
  std::int64_t counted = 0;
  std::int64_t lower_bound = 0, estimate = 0, upper_bound = 0;
};

// One Xapian handle on the index and what parses queries for it. Xapian's objects keep
// unsynchronised reference counts, so a thread never touches another thread's Reader, not even
// to copy its stemmer or a query.
struct Reader {
  Xapian::Database database;
  Xapian::Stem stemmer{std::string(kStemmerLanguage)};
};

namespace {

// Opening reads several tables; a writer committing meanwhile can retire the revision being
// read, which a fresh attempt gets past.
Xapian::Database OpenDatabase(const std::filesystem::path& path) {
  return RetryWhileModified([&] { return Xapian::Database(platform::PathToUtf8(path)); });
}

// The first TCP shard of a stub file ("remote HOST:PORT" lines) that holds a local-layout index:
// a remote database answers word-form lookups with nothing, so a plain word would find nothing
// there, silently (docs/search.md, "Two layouts"). Other lines are Xapian's to read.
std::optional<std::string> RemoteLocalLayoutShard(const std::filesystem::path& stub) {
  std::ifstream in(stub);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string kind, address;
    if (!(words >> kind >> address) || kind != "remote") continue;
    const auto colon = address.rfind(':');
    if (colon == std::string::npos) continue;  // a program, not TCP
    unsigned port = 0;
    const std::string port_text = address.substr(colon + 1);
    auto [end, error] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (error != std::errc() || end != port_text.data() + port_text.size()) continue;
    const std::string host = colon == 0 ? "localhost" : address.substr(0, colon);
    Xapian::Database shard = Xapian::Remote::open(host, port);
    if (shard.get_doccount() > 0 && shard.get_metadata(std::string(kFormatKey)) == kFormat &&
        shard.get_metadata(std::string(kLayoutKey)) != ToString(IndexLayout::kShared)) {
      return address;
    }
  }
  return std::nullopt;
}

}  // namespace

struct Searcher::Impl {
  std::filesystem::path path;
  Reader reader;
  // Facets are counted on a second thread beside the ranking (a second core halves a faceted
  // search of a common term), through a second handle on the same index, opened by the first
  // faceted search (most searches have no facets; a remote shard costs a connection).
  std::optional<Reader> facet_reader;
  std::vector<ActorNames> actors;
  TextSource text_source;

  std::string Name() const { return Quoted(platform::PathToUtf8(path)); }

  // Runs `work`, reopening and retrying when a writer committed underneath. A busy writer can
  // commit again between a reopen and the read, so one retry is not always enough.
  template <typename Work>
  auto WithRetry(Work work) -> decltype(work()) {
    return RetryWhileModified(work, [this] { Reopen(); });
  }

  // Reopening reads the latest revision's tables, which the writer can retire in turn.
  void Reopen() {
    RetryWhileModified([this] {
      reader.database.reopen();
      if (facet_reader) facet_reader->database.reopen();
    });
  }

  // A plain word stands for all its indexed forms (fields.h, "Word forms"): the parser stems
  // it and looks the stem's forms up in the index's synonym table.
  static constexpr unsigned kWordFlags =
      Xapian::QueryParser::FLAG_AUTO_SYNONYMS | Xapian::QueryParser::FLAG_CJK_NGRAM;

  Xapian::Query Parse(const std::string& text, Reader& on) {
    Xapian::QueryParser parser;
    parser.set_database(on.database);
    parser.set_stemmer(on.stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    parser.set_max_expansion(500, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    for (const FieldPrefix& field : kFields) {
      if (field.field == "actor") {
        parser.add_boolean_prefix("actor", (new ActorFieldProcessor(actors))->release());
      } else if (field.boolean) {
        parser.add_boolean_prefix(
            std::string(field.field),
            (new KeywordFieldProcessor(std::string(field.prefix)))->release());
      } else {
        parser.add_prefix(std::string(field.field), std::string(field.prefix));
      }
    }
    parser.add_rangeprocessor((new DateRangeProcessor())->release());
    parser.add_boolean_prefix("date", (new DateFieldProcessor())->release());
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT | kWordFlags;
    return parser.parse_query(NormaliseFieldValues(text), flags);
  }

  SearchHit MakeHit(const Xapian::MSetIterator& it) {
    SearchHit hit;
    DecodeItemData(it.get_document().get_data(), hit);
    hit.weight = it.get_weight();
    hit.percent = it.get_percent();
    return hit;
  }

  // The hits that have no text of their own (a local-layout index) get theirs from the store,
  // all of the page in one call.
  void FillTexts(std::vector<SearchHit>& hits) {
    if (!text_source) return;
    std::vector<ItemRef> wanted;
    std::vector<SearchHit*> missing;
    for (SearchHit& hit : hits) {
      if (!hit.text.empty()) continue;
      wanted.push_back({hit.kind, hit.item_id});
      missing.push_back(&hit);
    }
    if (wanted.empty()) return;
    std::vector<std::string> texts = text_source(wanted);
    for (std::size_t i = 0; i < missing.size() && i < texts.size(); ++i) {
      missing[i]->text = std::move(texts[i]);
    }
  }

  std::vector<SnippetPart> Snippet(const Xapian::MSet& mset, const std::string& text,
                                   std::size_t length) {
    return ParseSnippet(mset.snippet(text, length, reader.stemmer,
                                     Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                                         Xapian::MSet::SNIPPET_EXHAUSTIVE |
                                         Xapian::MSet::SNIPPET_CJK_NGRAM,
                                     kHighlightStart, kHighlightEnd, "…"));
  }

  // Counts the facets of the request's matches, reading them in index order until its sample
  // is reached: with every weight zero the matcher needs no ranking and stops there, so the
  // count costs the same for a word in every paragraph as for a rarer one.
  FacetRun CountFacets(const SearchRequest& request) {
    Reader& on = *facet_reader;
    Xapian::Enquire enquire(on.database);
    enquire.set_query(Parse(request.query, on));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::ValueCountMatchSpy actor_spy(kSlotActors), dialogue_spy(kSlotDialogue),
        kind_spy(kSlotKind), year_spy(kSlotDate), type_spy(kSlotTypes);
    for (Xapian::ValueCountMatchSpy* spy :
         {&actor_spy, &dialogue_spy, &kind_spy, &year_spy, &type_spy}) {
      enquire.add_matchspy(spy);
    }
    // Every match is counted up to the sample size (all of them in a library of that size).
    const Xapian::doccount everything = on.database.get_doccount();
    const Xapian::doccount sample =
        request.facet_sample <= 0
            ? everything
            : std::min(everything, static_cast<Xapian::doccount>(request.facet_sample));
    const Xapian::MSet mset = enquire.get_mset(0, 0, sample);
    constexpr int kFacetLimit = 20;
    FacetRun run;
    run.counted = static_cast<std::int64_t>(actor_spy.get_total());
    run.lower_bound = mset.get_matches_lower_bound();
    run.estimate = mset.get_matches_estimated();
    run.upper_bound = mset.get_matches_upper_bound();
    run.facets.actor = Counts(actor_spy, {.split = true}, kFacetLimit);
    run.facets.dialogue = Counts(dialogue_spy, {}, kFacetLimit);
    run.facets.kind = Counts(kind_spy, {}, kFacetLimit);
    run.facets.year = Counts(year_spy, {.prefix = 4}, kFacetLimit);
    run.facets.type = Counts(type_spy, {.split = true}, kFacetLimit);
    return run;
  }

  SearchResults Run(const Xapian::Query& query, const SearchRequest& request) {
    Xapian::Enquire enquire(reader.database);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    if (request.sort == SortOrder::kDateNewestFirst) {
      enquire.set_sort_by_value_then_relevance(kSlotDate, true);
    } else if (request.sort == SortOrder::kDateOldestFirst) {
      enquire.set_sort_by_value_then_relevance(kSlotDate, false);
    }
    // Xapian stops counting once it knows the page; asking it to look at this many matches
    // makes every total up to that many exact (and wider totals tighter) for a small cost.
    const auto check_at_least = static_cast<Xapian::doccount>(
        std::max(kExactTotalsUpTo, request.offset + request.limit));
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                         static_cast<Xapian::doccount>(request.limit),
                                         check_at_least);
    SearchResults results;
    results.offset = request.offset;
    results.total_estimate = mset.get_matches_estimated();
    results.total_lower_bound = mset.get_matches_lower_bound();
    results.total_upper_bound = mset.get_matches_upper_bound();
    for (auto it = mset.begin(); it != mset.end(); ++it) results.hits.push_back(MakeHit(it));
    FillTexts(results.hits);
    if (request.snippet_length > 0) {
      for (SearchHit& hit : results.hits)
        hit.snippet = Snippet(mset, hit.text, request.snippet_length);
    }
    return results;
  }

  SearchResults Search(const SearchRequest& request) {
    // The facets' thread starts first and is joined (by the future) on every way out. Where no
    // thread can be started, the count runs on this thread when the results ask for it.
    std::future<FacetRun> facets;
    if (request.facets) {
      if (!facet_reader) facet_reader.emplace(Reader{OpenDatabase(path)});
      facets = std::async(std::launch::async | std::launch::deferred,
                          [this, &request] { return CountFacets(request); });
    }
    SearchResults results = Run(Parse(request.query, reader), request);
    if (!request.facets) return results;
    const FacetRun run = facets.get();
    results.has_facets = true;
    results.facets = run.facets;
    results.facet_matches_counted = run.counted;
    // The facet run read at least the sample, so its bounds are the tighter ones.
    results.total_lower_bound = std::max(results.total_lower_bound, run.lower_bound);
    results.total_upper_bound = std::min(results.total_upper_bound, run.upper_bound);
    results.total_estimate =
        std::clamp(run.estimate, results.total_lower_bound, results.total_upper_bound);
    results.facets_exact = results.total_lower_bound == results.total_upper_bound &&
                           run.counted == results.total_upper_bound;
    return results;
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::filesystem::path& path,
                                                 std::vector<ActorNames> actors,
                                                 TextSource text_source) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->actors = std::move(actors);
  impl->text_source = std::move(text_source);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Fail(ErrorCode::kNotFound, "There is no search index at " + impl->Name() + ".",
                "run 'normtrack index --rebuild' to create it");
  }
  try {
    impl->reader.database = OpenDatabase(path);
    if (std::filesystem::is_regular_file(path, ec)) {
      if (auto shard = RemoteLocalLayoutShard(path)) {
        return Fail(ErrorCode::kUsage,
                    "The shard served at " + *shard + " (listed in " + impl->Name() +
                        ") is a local-layout index, which cannot be searched remotely; rebuild "
                        "it on its server with 'normtrack index --rebuild --layout shared'.");
      }
    }
  } catch (const Xapian::Error& error) {
    return Fail(XapianError(error, "Opening the search index " + impl->Name()));
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

Result<SearchResults> Searcher::Search(const SearchRequest& request) {
  if (TrimView(request.query).empty()) {
    return Fail(ErrorCode::kUsage,
                "The query is empty: give words, a \"phrase\" or a field such as actor:Japan.");
  }
  if (request.offset < 0 || request.limit < 0) {
    return Fail(ErrorCode::kUsage, "The offset and the limit of a search cannot be negative.");
  }
  try {
    return impl_->WithRetry([&] { return impl_->Search(request); });
  } catch (const Xapian::Error& error) {
    return Fail(XapianError(error, "Searching for " + QuotedExcerpt(request.query)));
  }
}

Result<SearchResults> Searcher::MoreLikeThis(std::int64_t paragraph_id, int limit) {
  try {
    return impl_->WithRetry([&]() -> Result<SearchResults> {
      Xapian::Database& db = impl_->reader.database;
      const std::string unique = UniqueTerm(ItemKind::kParagraph, paragraph_id);
      auto post = db.postlist_begin(unique);
      if (post == db.postlist_end(unique)) {
        return Fail(ErrorCode::kNotFound,
                    "Paragraph #" + std::to_string(paragraph_id) + " is not in the search index.");
      }
      Xapian::RSet rset;
      rset.add_document(*post);
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query(unique));
      BodyTermDecider decider;
      Xapian::ESet eset = enquire.get_eset(20, rset, &decider);
      std::vector<Xapian::Query> terms;
      for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
      if (terms.empty()) return SearchResults{};
      Xapian::Query query(
          Xapian::Query::OP_AND_NOT,
          Xapian::Query(Xapian::Query::OP_FILTER,
                        Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                        Xapian::Query(std::string(PrefixOf("item")) + "paragraph")),
          Xapian::Query(unique));
      SearchRequest request;
      request.limit = limit;
      request.snippet_length = 0;
      return impl_->Run(query, request);
    });
  } catch (const Xapian::Error& error) {
    return Fail(XapianError(error, "Finding paragraphs like #" + std::to_string(paragraph_id)));
  }
}

Result<std::vector<SearchHit>> Searcher::Candidates(const std::string& text, int limit) {
  try {
    return impl_->WithRetry([&] {
      Xapian::QueryParser parser;
      parser.set_database(impl_->reader.database);
      parser.set_stemmer(impl_->reader.stemmer);
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      parser.set_default_op(Xapian::Query::OP_OR);
      Xapian::Query words = parser.parse_query(text, Impl::kWordFlags);
      Xapian::Query query(Xapian::Query::OP_FILTER, words,
                          Xapian::Query(std::string(PrefixOf("item")) + "paragraph"));
      SearchRequest request;
      request.limit = limit;
      request.snippet_length = 0;
      return impl_->Run(query, request).hits;
    });
  } catch (const Xapian::Error& error) {
    return Fail(XapianError(error, "Looking for precedents of " + QuotedExcerpt(text)));
  }
}

Status Searcher::Reopen() {
  try {
    impl_->Reopen();
    return {};
  } catch (const Xapian::Error& error) {
    return Fail(XapianError(error, "Reopening the search index " + impl_->Name()));
  }
}

Result<std::int64_t> Searcher::ItemCount() {
  try {
    return impl_->WithRetry(
        [&] { return static_cast<std::int64_t>(impl_->reader.database.get_doccount()); });
  } catch (const Xapian::Error& error) {
    return Fail(XapianError(error, "Reading the search index " + impl_->Name()));
  }
}

}  // namespace nt::search
