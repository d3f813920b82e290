// search_bench: index build rate and query latency of NormTrack's Xapian index, against SQLite
// FTS5 on the same paragraphs and against raw read + tokenise, on a synthetic corpus.
//
//   search_bench [--paragraphs N]... [--queries Q] [--serial] [--dir DIR] [--keep] [--build-only]
//                [--items-per-shard N]
//
// --serial also times the one-thread Indexer (the path of imports). --keep leaves the last
// corpus's index and FTS5 database in DIR (for xapian-delve, or to time queries again).
// --build-only stops after the rebuild (its rate against the baselines, and the merge's share).
// --items-per-shard sets the rebuild's shard size (search::kDefaultItemsPerShard otherwise).
//
// Prints a Markdown table per corpus size (docs/performance.md keeps the numbers).

#include <sqlite3.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/document.h"
#include "search/index_builder.h"
#include "search/index_types.h"
#include "search/indexer.h"
#include "search/searcher.h"
#include "store/database.h"
#include "store/document_repository.h"

namespace {

using Clock = std::chrono::steady_clock;
using nt::search::IndexDocument;
using nt::search::IndexItem;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// ---- synthetic corpus ----------------------------------------------------------------------

// Diplomatic vocabulary first (frequent), then generated words (the long tail): Zipf ranks.
const std::vector<std::string> kCoreWords = {"the",
                                             "and",
                                             "of",
                                             "to",
                                             "in",
                                             "cyber",
                                             "cooperation",
                                             "security",
                                             "international",
                                             "states",
                                             "information",
                                             "will",
                                             "countries",
                                             "governments",
                                             "cyberspace",
                                             "critical",
                                             "infrastructure",
                                             "sharing",
                                             "norms",
                                             "responsible",
                                             "behaviour",
                                             "capacity",
                                             "building",
                                             "confidence",
                                             "measures",
                                             "incident",
                                             "response",
                                             "threats",
                                             "resilience",
                                             "law",
                                             "stability",
                                             "peace",
                                             "development",
                                             "private",
                                             "sector",
                                             "agreed",
                                             "affirmed",
                                             "committed",
                                             "recognized",
                                             "welcomed",
                                             "dialogue",
                                             "bilateral",
                                             "framework",
                                             "strategy",
                                             "technical",
                                             "exchange",
                                             "promote",
                                             "strengthen",
                                             "enhance",
                                             "support",
                                             "continue",
                                             "further",
                                             "both",
                                             "two",
                                             "sides",
                                             "parties",
                                             "national",
                                             "global",
                                             "economic",
                                             "social",
                                             "open",
                                             "interoperable",
                                             "reliable",
                                             "secure",
                                             "accessible",
                                             "botnets",
                                             "malicious",
                                             "activities",
                                             "supply",
                                             "chain",
                                             "vulnerabilities",
                                             "emergency",
                                             "teams",
                                             "human",
                                             "rights",
                                             "privacy",
                                             "terrorist",
                                             "criminal",
                                             "use",
                                             "territory",
                                             "attribution",
                                             "assistance",
                                             "requests"};

struct Corpus {
  std::vector<IndexDocument> documents;  // 10 paragraphs each
  std::size_t paragraphs = 0;
  std::size_t bytes = 0;
};

std::string MakeWord(std::mt19937_64& rng) {
  static const char* kSyllables[] = {"ka",  "ri",  "to",  "men", "sor", "lu",  "vi",  "tra", "pol",
                                     "den", "cor", "sta", "ne",  "mi",  "gra", "tur", "lin", "ex"};
  std::uniform_int_distribution<int> count(2, 4), pick(0, 17);
  std::string word;
  for (int i = count(rng); i > 0; --i) word += kSyllables[pick(rng)];
  return word;
}

Corpus Generate(std::size_t paragraphs, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> vocabulary = kCoreWords;
  while (vocabulary.size() < 20000) vocabulary.push_back(MakeWord(rng));
  // Zipf(s=1) over the vocabulary by inverse CDF on precomputed weights.
  std::vector<double> cumulative(vocabulary.size());
  double total = 0;
  for (std::size_t i = 0; i < vocabulary.size(); ++i) {
    total += 1.0 / static_cast<double>(i + 1);
    cumulative[i] = total;
  }
  std::uniform_real_distribution<double> unit(0, 1);
  std::lognormal_distribution<double> length(std::log(55.0), 0.5);  // words per paragraph
  const std::vector<std::string> actors = {
      "Japan",  "United States", "United Kingdom", "Australia", "Singapore",
      "France", "Germany",       "India",          "Estonia",   "Republic of Korea"};
  const std::vector<std::string> kinds = {"statement", "un_report", "agreement"};
  Corpus corpus;
  std::int64_t next_item = 1;
  for (std::int64_t d = 1; corpus.paragraphs < paragraphs; ++d) {
    IndexDocument document;
    document.document_id = d;
    document.kind = kinds[static_cast<std::size_t>(d) % kinds.size()];
    document.title = "Joint Statement " + std::to_string(d);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2005 + static_cast<int>(d % 20),
                  1 + static_cast<int>(d % 12), 1 + static_cast<int>(d % 28));
    document.date = date;
    document.language = "en";
    document.dialogue = "Cyber Dialogue " + std::to_string(d % 50);
    for (int p = 0; p < 10 && corpus.paragraphs < paragraphs; ++p, ++corpus.paragraphs) {
      IndexItem item;
      item.id = next_item++;
      item.paragraph_id = item.id;
      item.label = std::to_string(p + 1);
      const int words = std::clamp(static_cast<int>(length(rng)), 8, 400);
      for (int w = 0; w < words; ++w) {
        double r = unit(rng) * total;
        auto at = std::lower_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin();
        if (!item.text.empty()) item.text += (w % 17 == 16) ? ". " : " ";
        item.text += vocabulary[static_cast<std::size_t>(at)];
      }
      if (unit(rng) < 0.05) item.text += ". An open, interoperable, reliable and secure cyberspace";
      item.text += ".";
      item.actors = {actors[static_cast<std::size_t>(rng() % actors.size())],
                     actors[static_cast<std::size_t>(rng() % actors.size())]};
      if (unit(rng) < 0.3) item.commitment_types = {"pledge"};
      corpus.bytes += item.text.size();
      document.items.push_back(std::move(item));
    }
    document.content_hash = nt::search::ContentHash(document);
    corpus.documents.push_back(std::move(document));
  }
  return corpus;
}

// ---- baselines -----------------------------------------------------------------------------

double RawTokenise(const Corpus& corpus) {
  auto start = Clock::now();
  std::size_t tokens = 0;
  std::string word;
  for (const auto& document : corpus.documents) {
    for (const auto& item : document.items) {
      std::string copy = item.text;  // "read"
      for (char c : copy) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
          word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
          ++tokens;
          word.clear();
        }
      }
    }
  }
  double seconds = Seconds(start);
  std::fprintf(stderr, "  raw: %zu tokens\n", tokens);
  return static_cast<double>(corpus.paragraphs) / seconds;
}

double TermGeneratorAlone(const Corpus& corpus) {
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  auto start = Clock::now();
  std::size_t terms = 0;
  for (const auto& document : corpus.documents) {
    for (const auto& item : document.items) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(item.text);
      terms += doc.termlist_count();
    }
  }
  double seconds = Seconds(start);
  std::fprintf(stderr, "  termgenerator: %zu terms\n", terms);
  return static_cast<double>(corpus.paragraphs) / seconds;
}

// ---- the SQLite store alone ---------------------------------------------------------------

struct StoreRates {
  double bare = 0;          // paragraphs/s: prepared INSERTs, one transaction
  double repository = 0;    // DocumentRepository::Insert, all in one transaction
  double per_document = 0;  // DocumentRepository::Insert, one transaction per document
};

void Check(int rc, sqlite3* db, const char* what);

// The same documents and paragraphs into the store through DocumentRepository, and through a
// bare loop of prepared INSERTs into tables of the same columns (the floor any store pays).
StoreRates StoreImport(const Corpus& corpus, const std::filesystem::path& dir) {
  // Converted first, outside the timed parts: both sides then insert the same values.
  std::vector<std::pair<nt::Document, std::vector<nt::Paragraph>>> documents;
  documents.reserve(corpus.documents.size());
  for (const IndexDocument& indexed : corpus.documents) {
    nt::Document document;
    document.kind = nt::ParseDocumentKind(indexed.kind).value_or(nt::DocumentKind::kOther);
    document.title = indexed.title;
    document.date = indexed.date;
    document.language = indexed.language;
    document.source_path = "/bench/" + std::to_string(indexed.document_id) + ".txt";
    document.sha256 = std::to_string(indexed.document_id);
    document.importer = "bench";
    document.importer_version = "1";
    document.imported_at = "2024-01-01T00:00:00Z";
    std::vector<nt::Paragraph> paragraphs;
    for (const IndexItem& item : indexed.items) {
      nt::Paragraph paragraph;
      paragraph.label = item.label;
      paragraph.text = item.text;
      paragraphs.push_back(std::move(paragraph));
    }
    documents.emplace_back(std::move(document), std::move(paragraphs));
  }
  const auto paragraphs_total = static_cast<double>(corpus.paragraphs);
  StoreRates rates;
  // Each pass starts from an empty file.

  {
    sqlite3* db = nullptr;
    sqlite3_open((dir / "bare.sqlite3").c_str(), &db);
    Check(sqlite3_exec(db,
                       "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                       "CREATE TABLE documents(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, title "
                       "TEXT NOT NULL, date TEXT, language TEXT, source_path TEXT, sha256 TEXT NOT "
                       "NULL, importer TEXT NOT NULL, importer_version TEXT NOT NULL, imported_at "
                       "TEXT NOT NULL);"
                       "CREATE TABLE paragraphs(id INTEGER PRIMARY KEY, document_id INTEGER NOT "
                       "NULL REFERENCES documents(id), ordinal INTEGER NOT NULL, label TEXT, text "
                       "TEXT NOT NULL, UNIQUE(document_id, ordinal));",
                       nullptr, nullptr, nullptr),
          db, "bare schema");
    sqlite3_stmt* insert_document = nullptr;
    sqlite3_stmt* insert_paragraph = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO documents(kind, title, date, language, source_path, sha256, "
                       "importer, importer_version, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                       "?7, ?8, ?9)",
                       -1, &insert_document, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO paragraphs(document_id, ordinal, label, text) VALUES (?1, ?2, "
                       "?3, ?4)",
                       -1, &insert_paragraph, nullptr);
    auto start = Clock::now();
    Check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    for (const auto& [document, paragraphs] : documents) {
      const std::string kind(nt::ToString(document.kind));
      int column = 0;
      for (const std::string* text : {&kind, &document.title, &document.date, &document.language,
                                      &document.source_path, &document.sha256, &document.importer,
                                      &document.importer_version, &document.imported_at}) {
        sqlite3_bind_text(insert_document, ++column, text->c_str(), static_cast<int>(text->size()),
                          SQLITE_TRANSIENT);
      }
      Check(sqlite3_step(insert_document), db, "insert document");
      sqlite3_reset(insert_document);
      const sqlite3_int64 id = sqlite3_last_insert_rowid(db);
      int ordinal = 0;
      for (const nt::Paragraph& paragraph : paragraphs) {
        sqlite3_bind_int64(insert_paragraph, 1, id);
        sqlite3_bind_int(insert_paragraph, 2, ++ordinal);
        sqlite3_bind_text(insert_paragraph, 3, paragraph.label.c_str(),
                          static_cast<int>(paragraph.label.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert_paragraph, 4, paragraph.text.c_str(),
                          static_cast<int>(paragraph.text.size()), SQLITE_STATIC);
        Check(sqlite3_step(insert_paragraph), db, "insert paragraph");
        sqlite3_reset(insert_paragraph);
      }
    }
    Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    rates.bare = paragraphs_total / Seconds(start);
    sqlite3_finalize(insert_document);
    sqlite3_finalize(insert_paragraph);
    sqlite3_close(db);
  }

  for (bool one_transaction : {true, false}) {
    const auto path = dir / (one_transaction ? "store-one.sqlite3" : "store-each.sqlite3");
    auto database = nt::store::Database::Open(path, {.create_if_missing = true});
    if (!database) {
      std::fprintf(stderr, "store: %s\n", database.error().message.c_str());
      std::exit(2);
    }
    nt::store::DocumentRepository repository(**database);
    // One commit per document waits for the disk each time: timed over the first 2,000
    // documents only, so a large corpus does not take hours.
    const std::size_t count =
        one_transaction ? documents.size() : std::min<std::size_t>(documents.size(), 2000);
    std::size_t inserted = 0;
    auto insert_all = [&]() -> nt::Status {
      for (std::size_t i = 0; i < count; ++i) {
        NT_TRY(repository.Insert(documents[i].first, documents[i].second));
        inserted += documents[i].second.size();
      }
      return {};
    };
    auto start = Clock::now();
    auto status = one_transaction ? (*database)->InTransaction(insert_all) : insert_all();
    if (!status) {
      std::fprintf(stderr, "store: %s\n", status.error().message.c_str());
      std::exit(2);
    }
    (one_transaction ? rates.repository : rates.per_document) =
        static_cast<double>(inserted) / Seconds(start);
  }
  return rates;
}

struct Latency {
  double p50_ms = 0;
  double p99_ms = 0;
};

Latency Percentiles(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    std::size_t i = static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1) + 0.5);
    return ms[std::min(i, ms.size() - 1)];
  };
  return {at(0.5), at(0.99)};
}

void Check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "sqlite %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(2);
  }
}

struct QueryClass {
  std::string name;
  std::vector<std::string> xapian;
  std::vector<std::string> fts;  // the same query for FTS5 (a MATCH expression, or SQL)
  bool fts_is_sql = false;
};

std::vector<QueryClass> Queries(int n) {
  std::vector<QueryClass> classes(6);
  classes[0].name = "term";
  classes[1].name = "phrase";
  classes[2].name = "boolean";
  classes[3].name = "NEAR";
  classes[4].name = "faceted";
  classes[5].name = "date range";
  for (int i = 0; i < n; ++i) {
    // Common words (the head of the Zipf curve) and rarer ones, alternating.
    const std::string a = kCoreWords[static_cast<std::size_t>(5 + i % 40)];
    const std::string b = kCoreWords[static_cast<std::size_t>(45 + i % 35)];
    classes[0].xapian.push_back(a);
    classes[0].fts.push_back(a);
    const std::string phrase = i % 2 ? "critical infrastructure" : "reliable and secure";
    classes[1].xapian.push_back("\"" + phrase + "\"");
    classes[1].fts.push_back("\"" + phrase + "\"");
    classes[2].xapian.push_back(a + " AND (" + b + " OR security) NOT botnets");
    classes[2].fts.push_back(a + " AND (" + b + " OR security) NOT botnets");
    classes[3].xapian.push_back(a + " NEAR/5 " + b);
    classes[3].fts.push_back("NEAR(" + a + " " + b + ", 5)");
    classes[4].xapian.push_back(a);
    classes[4].fts.push_back(a);
    classes[5].xapian.push_back(a + " date:2010..2014");
    classes[5].fts.push_back(a);
  }
  classes[4].fts_is_sql = true;
  classes[5].fts_is_sql = true;
  return classes;
}

std::uintmax_t FolderBytes(const std::filesystem::path& folder) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

void Run(std::size_t paragraphs, int queries, const std::filesystem::path& dir, bool serial,
         bool build_only, std::size_t items_per_shard) {
  std::fprintf(stderr, "generating %zu paragraphs...\n", paragraphs);
  Corpus corpus = Generate(paragraphs, 42);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);

  const double raw = RawTokenise(corpus);
  const double generator = TermGeneratorAlone(corpus);

  // NormTrack's rebuild: search::IndexBuilder as SearchService::Rebuild uses it (one worker per
  // core, shards merged by Xapian's compactor).
  const int workers = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
  const auto index = dir / "index";
  auto start = Clock::now();
  auto merge_start = start;
  {
    auto builder = nt::search::IndexBuilder::Start(index, workers, nt::search::IndexLayout::kLocal,
                                                   items_per_shard);
    if (!builder) std::exit(2);
    for (const auto& document : corpus.documents) {
      if (!(*builder)->Add(document)) std::exit(2);
    }
    merge_start = Clock::now();
    if (!(*builder)->Finish()) std::exit(2);
  }
  const double merge_seconds = Seconds(merge_start);
  const double build_seconds = Seconds(start);
  const double xapian_rate = static_cast<double>(corpus.paragraphs) / build_seconds;
  if (build_only) {
    std::printf("\n### %zu paragraphs: build only\n\n", corpus.paragraphs);
    std::printf("| build | paragraphs/s | ratio to TermGenerator alone |\n|---|---:|---:|\n");
    std::printf("| raw read + tokenise | %.0f | %.2f |\n", raw, raw / generator);
    std::printf("| Xapian TermGenerator alone (stemmed, positions) | %.0f | 1.00 |\n", generator);
    std::printf("| NormTrack rebuild (%d workers) | %.0f | %.2f |\n", workers, xapian_rate,
                xapian_rate / generator);
    std::printf("\nRebuild %.1f s, of which merging the shards %.1f s.\n", build_seconds,
                merge_seconds);
    return;
  }

  // The one-thread Indexer, as imports and repairs use it (one commit per 200 documents).
  double serial_rate = 0;
  if (serial) {
    const auto serial_index = dir / "serial-index";
    start = Clock::now();
    {
      auto indexer = nt::search::Indexer::Open(serial_index, nt::search::IndexOpenMode::kOverwrite);
      if (!indexer) std::exit(2);
      std::size_t n = 0;
      for (const auto& document : corpus.documents) {
        if (!(*indexer)->Replace(document)) std::exit(2);
        if (++n % 200 == 0 && !(*indexer)->Commit()) std::exit(2);
      }
      if (!(*indexer)->Commit()) std::exit(2);
    }
    serial_rate = static_cast<double>(corpus.paragraphs) / Seconds(start);
    std::filesystem::remove_all(serial_index);
  }
  const auto index_bytes = FolderBytes(index);
  const auto compacted = dir / "compacted";
  const std::string compact =
      "xapian-compact --no-full " + index.string() + " " + compacted.string() + " > /dev/null";
  const bool compacted_ok = std::system(compact.c_str()) == 0;
  const auto compact_bytes = compacted_ok ? FolderBytes(compacted) : index_bytes;

  // FTS5 on the same paragraphs, with the date and year beside them for filters and facets.
  sqlite3* db = nullptr;
  const auto fts_path = dir / "fts.sqlite3";
  sqlite3_open(fts_path.c_str(), &db);
  Check(sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='porter unicode61');"
                     "CREATE TABLE meta(id INTEGER PRIMARY KEY, date TEXT, year TEXT, kind TEXT);"
                     "CREATE INDEX meta_date ON meta(date);",
                     nullptr, nullptr, nullptr),
        db, "schema");
  start = Clock::now();
  Check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  sqlite3_stmt* insert = nullptr;
  sqlite3_stmt* insert_meta = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO fts(rowid, text) VALUES (?1, ?2)", -1, &insert, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO meta VALUES (?1, ?2, ?3, ?4)", -1, &insert_meta, nullptr);
  for (const auto& document : corpus.documents) {
    for (const auto& item : document.items) {
      sqlite3_bind_int64(insert, 1, item.id);
      sqlite3_bind_text(insert, 2, item.text.c_str(), static_cast<int>(item.text.size()),
                        SQLITE_STATIC);
      Check(sqlite3_step(insert), db, "insert");
      sqlite3_reset(insert);
      sqlite3_bind_int64(insert_meta, 1, item.id);
      sqlite3_bind_text(insert_meta, 2, document.date.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert_meta, 3, document.date.substr(0, 4).c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert_meta, 4, document.kind.c_str(), -1, SQLITE_STATIC);
      Check(sqlite3_step(insert_meta), db, "insert meta");
      sqlite3_reset(insert_meta);
    }
  }
  Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  const double fts_rate = static_cast<double>(corpus.paragraphs) / Seconds(start);
  sqlite3_finalize(insert);
  sqlite3_finalize(insert_meta);

  const StoreRates store = StoreImport(corpus, dir);

  // Queries: top 10, warm caches (one untimed pass first). The index keeps no text (local
  // layout): hits read theirs from SQLite by id, as the app reads them from its store.
  sqlite3_stmt* text_of = nullptr;
  sqlite3_prepare_v2(db, "SELECT text FROM fts WHERE rowid = ?1", -1, &text_of, nullptr);
  auto searcher = nt::search::Searcher::Open(
      index, {}, [text_of](const std::vector<nt::search::ItemRef>& items) {
        std::vector<std::string> texts;
        for (const nt::search::ItemRef& item : items) {
          std::string text;
          sqlite3_bind_int64(text_of, 1, item.id);
          if (sqlite3_step(text_of) == SQLITE_ROW) {
            text = reinterpret_cast<const char*>(sqlite3_column_text(text_of, 0));
          }
          sqlite3_reset(text_of);
          texts.push_back(std::move(text));
        }
        return texts;
      });
  if (!searcher) std::exit(2);
  sqlite3_stmt* match = nullptr;
  sqlite3_stmt* facet = nullptr;
  sqlite3_stmt* dated = nullptr;
  sqlite3_prepare_v2(db, "SELECT rowid FROM fts WHERE fts MATCH ?1 ORDER BY rank LIMIT 10", -1,
                     &match, nullptr);
  sqlite3_prepare_v2(db,
                     "SELECT m.year, count(*) FROM fts JOIN meta m ON m.id = fts.rowid "
                     "WHERE fts MATCH ?1 GROUP BY m.year",
                     -1, &facet, nullptr);
  sqlite3_prepare_v2(db,
                     "SELECT fts.rowid FROM fts JOIN meta m ON m.id = fts.rowid WHERE fts MATCH "
                     "?1 AND m.date BETWEEN '2010' AND '2014-99' ORDER BY rank LIMIT 10",
                     -1, &dated, nullptr);
  std::printf("\n### %zu paragraphs (%.1f MB of text)\n\n", corpus.paragraphs,
              static_cast<double>(corpus.bytes) / 1e6);
  std::printf("| build | paragraphs/s | ratio to TermGenerator alone |\n|---|---:|---:|\n");
  std::printf("| raw read + tokenise | %.0f | %.2f |\n", raw, raw / generator);
  std::printf("| Xapian TermGenerator alone (stemmed, positions) | %.0f | 1.00 |\n", generator);
  std::printf(
      "| NormTrack rebuild (IndexBuilder: %d threads, fields, values, ids, merged by compaction) "
      "| %.0f | %.2f |\n",
      workers, xapian_rate, xapian_rate / generator);
  if (serial) {
    std::printf("| NormTrack Indexer, one thread (imports and repairs) | %.0f | %.2f |\n",
                serial_rate, serial_rate / generator);
  }
  std::printf("| SQLite FTS5 (porter, one transaction) | %.0f | %.2f |\n\n", fts_rate,
              fts_rate / generator);
  std::printf("Rebuild %.1f s, of which merging the shards %.1f s.\n\n", build_seconds,
              merge_seconds);
  std::printf(
      "| SQLite store alone | paragraphs/s | ratio to the bare insert loop |\n"
      "|---|---:|---:|\n");
  std::printf("| bare prepared INSERT loop, one transaction | %.0f | 1.00 |\n", store.bare);
  std::printf("| DocumentRepository::Insert, one transaction | %.0f | %.2f |\n", store.repository,
              store.repository / store.bare);
  std::printf(
      "| DocumentRepository::Insert, one transaction per document (first 2,000 documents) "
      "| %.0f | %.2f |\n\n",
      store.per_document, store.per_document / store.bare);
  std::printf("Index size: %.1f MB, %.1f MB after xapian-compact = %.2fx the raw text.\n\n",
              static_cast<double>(index_bytes) / 1e6, static_cast<double>(compact_bytes) / 1e6,
              static_cast<double>(compact_bytes) / static_cast<double>(corpus.bytes));
  std::printf(
      "| query class (top 10) | Xapian p50 ms | Xapian p99 ms | FTS5 p50 ms | FTS5 p99 ms |\n"
      "|---|---:|---:|---:|---:|\n");
  for (const QueryClass& query_class : Queries(queries)) {
    std::vector<double> xapian_ms, fts_ms;
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t i = 0; i < query_class.xapian.size(); ++i) {
        nt::search::SearchRequest request;
        request.query = query_class.xapian[i];
        request.facets = query_class.name == "faceted";
        auto t = Clock::now();
        auto results = (*searcher)->Search(request);
        double ms = Seconds(t) * 1000;
        if (!results) {
          std::fprintf(stderr, "xapian %s: %s\n", request.query.c_str(),
                       results.error().message.c_str());
          std::exit(2);
        }
        if (pass == 1) xapian_ms.push_back(ms);
        // A query that found nothing, or hits without their text, would time nothing useful.
        if (results->hits.empty() || results->hits[0].snippet.empty()) {
          std::fprintf(stderr, "xapian %s: no hits, or no snippet\n", request.query.c_str());
          std::exit(2);
        }

        sqlite3_stmt* statement = query_class.name == "faceted"      ? facet
                                  : query_class.name == "date range" ? dated
                                                                     : match;
        t = Clock::now();
        sqlite3_bind_text(statement, 1, query_class.fts[i].c_str(), -1, SQLITE_STATIC);
        int rows = 0;
        while (sqlite3_step(statement) == SQLITE_ROW) ++rows;
        sqlite3_reset(statement);
        ms = Seconds(t) * 1000;
        if (pass == 1) fts_ms.push_back(ms);
      }
    }
    Latency x = Percentiles(xapian_ms), f = Percentiles(fts_ms);
    std::printf("| %s | %.2f | %.2f | %.2f | %.2f |\n", query_class.name.c_str(), x.p50_ms,
                x.p99_ms, f.p50_ms, f.p99_ms);
  }
  std::printf(
      "\nXapian queries include parsing, BM25 top-10, snippets (and for 'faceted' five facet "
      "counts over the first 20,000 matches, on a second thread); FTS5 'faceted' is a GROUP "
      "BY year over all matches.\n");
  searcher->reset();
  sqlite3_finalize(text_of);
  sqlite3_finalize(match);
  sqlite3_finalize(facet);
  sqlite3_finalize(dated);
  sqlite3_close(db);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes;
  int queries = 50;
  bool serial = false;
  bool keep = false;
  bool build_only = false;
  std::size_t items_per_shard = nt::search::kDefaultItemsPerShard;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "normtrack-search-bench";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--paragraphs" && i + 1 < argc) {
      sizes.push_back(static_cast<std::size_t>(std::atoll(argv[++i])));
    } else if (arg == "--queries" && i + 1 < argc) {
      queries = std::atoi(argv[++i]);
    } else if (arg == "--serial") {
      serial = true;
    } else if (arg == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (arg == "--keep") {
      keep = true;
    } else if (arg == "--build-only") {
      build_only = true;
    } else if (arg == "--items-per-shard" && i + 1 < argc) {
      items_per_shard = static_cast<std::size_t>(std::atoll(argv[++i]));
    } else {
      std::fprintf(stderr,
                   "usage: search_bench [--paragraphs N]... [--queries Q] [--serial] [--dir DIR] "
                   "[--keep] [--build-only] [--items-per-shard N]\n");
      return 1;
    }
  }
  if (sizes.empty()) sizes = {10000, 100000};
  for (std::size_t size : sizes) Run(size, queries, dir, serial, build_only, items_per_shard);
  if (!keep) std::filesystem::remove_all(dir);
  return 0;
}
