#pragma once
// Runs the built normtrack binary as a user would, capturing exit code and output.

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

}  // namespace nt::test
