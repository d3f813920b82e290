#include "support/test_paths.h"

namespace nt::test {

std::filesystem::path SourceDir() { return NORMTRACK_TEST_SOURCE_DIR; }
std::filesystem::path CorpusDir() { return SourceDir() / "corpus"; }
std::filesystem::path CorpusDocumentsDir() { return CorpusDir() / "documents"; }
std::filesystem::path SharedDir() { return NORMTRACK_TEST_SHARED_DIR; }
std::filesystem::path SeedsDir() { return SharedDir() / "seeds"; }
std::filesystem::path SamplesDir() { return SharedDir() / "samples"; }
std::filesystem::path FixturesDir() { return SourceDir() / "tests" / "fixtures"; }
std::filesystem::path CliPath() { return NORMTRACK_TEST_CLI_PATH; }

std::filesystem::path JointStatementPath() {
  return CorpusDocumentsDir() / "japan-us-cyber-dialogue-2017-joint-statement.txt";
}
std::filesystem::path NiscArticlePath() {
  return CorpusDocumentsDir() / "nisc-international-strategy-cybersecurity-cooperation.txt";
}

}  // namespace nt::test
