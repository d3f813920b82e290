#pragma once
// Where tests find their inputs. Tests read ../shared and corpus/ in place; never copy them.

#include <filesystem>

namespace nt::test {

std::filesystem::path SourceDir();   // the repository root
std::filesystem::path CorpusDir();   // corpus/ (bundled documents and data)
std::filesystem::path CorpusDocumentsDir();  // corpus/documents: the bundled documents
std::filesystem::path SharedDir();   // ../shared (seeds and samples)
std::filesystem::path SeedsDir();    // ../shared/seeds
std::filesystem::path SamplesDir();  // ../shared/samples
std::filesystem::path FixturesDir(); // tests/fixtures
std::filesystem::path CliPath();     // the built normtrack binary

// The joint statement of the fifth Japan-U.S. Cyber Dialogue, as shipped in corpus/.
std::filesystem::path JointStatementPath();
std::filesystem::path NiscArticlePath();

}  // namespace nt::test
