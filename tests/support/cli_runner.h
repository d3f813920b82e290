#pragma once
// Runs the built normtrack binary as a user would, capturing exit code and output.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace nt::test {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `normtrack ARGS...` with the extra environment variables in `env` (NORMTRACK_HOME is
// always set, to `home` when given, else to a folder that does not exist), in `work_dir`.
CliRun RunCli(const std::vector<std::string>& args, const std::filesystem::path& work_dir,
              const std::map<std::string, std::string>& env = {});

// How the child process runs, for the fault tests (docs/reliability.md). POSIX only (through
// prlimit and setpriv): the tests that use it are not built on Windows.
struct CliProcess {
  // RLIMIT_FSIZE in bytes (0: none), with SIGXFSZ ignored, so that a write past it fails with
  // EFBIG as on a full disk instead of killing the process.
  std::uintmax_t max_file_bytes = 0;
  // Runs the binary as this user id (through setpriv; the test must run as root), so that file
  // permissions apply even when the suite runs as root.
  int run_as_uid = -1;
};

CliRun RunCli(const std::vector<std::string>& args, const std::filesystem::path& work_dir,
              const std::map<std::string, std::string>& env, const CliProcess& process);

}  // namespace nt::test
