// Import throughput benchmark (docs/performance.md). Not a test: built with the suite, run on
// demand:
//
//   build/tests/bench/import_bench [--documents N] [--seed S] [--folder DIR] [--keep]
//                                  [--stages read,parse,extract,import]
//
// Writes a synthetic corpus of N documents (synthetic_corpus.h) to a fresh temporary folder,
// then times each stage over all of it, in this order, with the files in the page cache:
//   read     read every file and split it into words: the floor any importer pays;
//   parse    Registry::ReadFile (read, hash, detect the format, parse);
//   extract  parse, then ExtractDocument with the bundled gazetteer and norms catalogue;
//   import   ImportService::Import of the folder into a new SQLite library, with extraction
//            as `normtrack import` does (one transaction per document).
// Prints a Markdown table: documents/s, MB/s (per CPU second) and CPU time relative to the read
// baseline, with the wall-clock time beside it.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include "app/home.h"
#include "app/internal/import_service.h"
#include "app/internal/reference_data.h"
#include "app/internal/library.h"
#include "bench/synthetic_corpus.h"
#include "core/file_io.h"
#include "core/text.h"
#include "extract/document_extractor.h"
#include "extract/gazetteer.h"
#include "extract/norm_catalogue.h"
#include "importers/registry.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Arguments {
  int documents = 10000;
  std::uint64_t seed = 42;
  std::optional<std::filesystem::path> folder;
  bool keep = false;
  std::vector<std::string> stages = {"read", "parse", "extract", "import"};
};

struct StageResult {
  std::string name;
  std::string what;
  int documents = 0;  // documents that went through the stage
  int failures = 0;
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // user + system: what the rates use, as the machine may be shared
  std::string counters;  // what the stage found, as a sanity check on the corpus
};

[[noreturn]] void Usage(std::string_view problem) {
  std::cerr << problem << "\nUsage: import_bench [--documents N] [--seed S] [--folder DIR] "
            << "[--keep] [--stages read,parse,extract,import]\n";
  std::exit(2);
}

Arguments ParseArguments(int argc, char** argv) {
  Arguments arguments;
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(std::string(flag) + " needs a value.");
      return argv[++i];
    };
    if (flag == "--documents") {
      arguments.documents = std::atoi(value().c_str());
      if (arguments.documents <= 0) Usage("--documents must be positive.");
    } else if (flag == "--seed") {
      arguments.seed = std::strtoull(value().c_str(), nullptr, 10);
    } else if (flag == "--folder") {
      arguments.folder = value();
    } else if (flag == "--keep") {
      arguments.keep = true;
    } else if (flag == "--stages") {
      arguments.stages = nt::Split(value(), ',');
    } else {
      Usage("Unknown argument " + std::string(flag) + ".");
    }
  }
  return arguments;
}

bool Wants(const Arguments& arguments, std::string_view stage) {
  return std::find(arguments.stages.begin(), arguments.stages.end(), stage) !=
         arguments.stages.end();
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

template <typename Body>
StageResult Time(std::string name, std::string what, Body body) {
  StageResult result{std::move(name), std::move(what)};
  const auto start = Clock::now();
  const double cpu_start = CpuSeconds();
  body(result);
  result.cpu_seconds = CpuSeconds() - cpu_start;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::cerr << "  " << result.name << ": " << result.seconds << " s wall, " << result.cpu_seconds
            << " s CPU\n";
  return result;
}

std::size_t CountWords(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace nt;
  const Arguments arguments = ParseArguments(argc, argv);
  const std::filesystem::path source_dir = NORMTRACK_BENCH_SOURCE_DIR;

  auto reference = app::ReferenceData::Load(source_dir / "corpus");
  if (!reference) {
    std::cerr << reference.error().message << "\n";
    return 1;
  }
  const extract::Gazetteer* gazetteer = &reference->gazetteer;
  const extract::NormCatalogue* norms = &reference->norms;

  bench::SyntheticCorpusOptions corpus_options{.documents = arguments.documents,
                                               .seed = arguments.seed};
  for (const auto& actor : gazetteer->actors()) {
    if (actor.kind == ActorKind::kState) corpus_options.states.push_back(actor.canonical_name);
    if (actor.kind == ActorKind::kOrganisation || actor.kind == ActorKind::kAgency) {
      corpus_options.organisations.push_back(actor.canonical_name);
    }
  }

  const std::filesystem::path work =
      arguments.folder.value_or(std::filesystem::temp_directory_path() /
                                ("normtrack-bench-" + std::to_string(::getpid())));
  if (std::filesystem::exists(work / "documents")) {
    std::cerr << work / "documents" << " already exists; give a new --folder.\n";
    return 1;
  }
  std::cerr << "Writing " << arguments.documents << " documents to " << work / "documents"
            << "\n";
  auto corpus = bench::WriteSyntheticCorpus(work / "documents", corpus_options);
  if (!corpus) {
    std::cerr << corpus.error().message << "\n";
    return 1;
  }
  const double megabytes = static_cast<double>(corpus->bytes) / 1e6;
  const auto registry = importers::Registry::WithBuiltinFormats();

  std::vector<StageResult> results;
  if (Wants(arguments, "read")) {
    results.push_back(Time("read", "read + split into words", [&](StageResult& r) {
      std::size_t words = 0;
      for (const auto& file : corpus->files) {
        auto bytes = ReadFileBytes(file);
        if (!bytes) { ++r.failures; continue; }
        words += CountWords(*bytes);
        ++r.documents;
      }
      r.counters = std::to_string(words) + " words";
    }));
  }
  if (Wants(arguments, "parse")) {
    results.push_back(Time("parse", "Registry::ReadFile", [&](StageResult& r) {
      std::size_t paragraphs = 0;
      for (const auto& file : corpus->files) {
        auto read = registry.ReadFile(file);
        if (!read) { ++r.failures; continue; }
        paragraphs += read->document.paragraphs.size();
        ++r.documents;
      }
      r.counters = std::to_string(paragraphs) + " paragraphs";
    }));
  }
  if (Wants(arguments, "extract")) {
    results.push_back(Time("extract", "ReadFile + ExtractDocument", [&](StageResult& r) {
      std::size_t commitments = 0;
      for (const auto& file : corpus->files) {
        auto read = registry.ReadFile(file);
        if (!read) { ++r.failures; continue; }
        auto extraction = extract::ExtractDocument(read->document, *gazetteer, *norms);
        if (!extraction) { ++r.failures; continue; }
        commitments += extraction->commitments.size();
        ++r.documents;
      }
      r.counters = std::to_string(commitments) + " commitments";
    }));
  }
  if (Wants(arguments, "import")) {
    auto library = app::Library::Open(app::Home::InFolder(work / "library"),
                                      {.mode = app::OpenMode::kCreateIfMissing});
    if (!library) {
      std::cerr << library.error().message << "\n";
      return 1;
    }
    results.push_back(Time("import", "ImportService: parse, extract, store", [&](StageResult& r) {
      app::ImportService service(**library, registry, &*reference);
      auto report = service.Import({work / "documents"});
      if (!report) { r.failures = arguments.documents; return; }
      r.documents = report->Count(app::ImportOutcome::kImported);
      r.failures = report->Count(app::ImportOutcome::kFailed);
      r.counters = std::to_string(r.documents) + " stored";
    }));
  }

  std::cout << "Synthetic corpus: " << arguments.documents << " documents, "
            << Fixed(megabytes, 1) << " MB, seed " << arguments.seed << "\n\n";
  // Rates use CPU time: on a shared machine the wall clock also counts other processes' turns.
  std::cout << "| stage | what | docs/s | MB/s | CPU s | wall s | CPU vs. read | failures | found |\n"
            << "|---|---|---:|---:|---:|---:|---:|---:|---|\n";
  const double baseline = !results.empty() && results.front().name == "read"
                              ? results.front().cpu_seconds
                              : 0.0;
  for (const auto& r : results) {
    const double cpu = std::max(r.cpu_seconds, 1e-6);
    std::cout << "| " << r.name << " | " << r.what << " | "
              << Fixed(arguments.documents / cpu, 0) << " | " << Fixed(megabytes / cpu, 1)
              << " | " << Fixed(r.cpu_seconds, 2) << " | " << Fixed(r.seconds, 2) << " | "
              << (baseline > 0 ? Fixed(r.cpu_seconds / baseline, 1) + "x" : "-") << " | "
              << r.failures << " | " << r.counters << " |\n";
  }

  if (!arguments.keep && !arguments.folder) {
    std::error_code ec;
    std::filesystem::remove_all(work, ec);
  } else {
    std::cerr << "Kept " << work << "\n";
  }
  bool failed = false;
  for (const auto& r : results) failed = failed || r.failures > 0;
  return failed ? 1 : 0;
}
