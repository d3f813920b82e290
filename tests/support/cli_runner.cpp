#include "support/cli_runner.h"

#include <cstdlib>
#include <sstream>

#include "support/temp_dir.h"
#include "support/test_paths.h"

#ifndef _WIN32
#include <sys/wait.h>
#endif

namespace nt::test {
namespace {

// Single-quotes an argument for /bin/sh.
std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

CliRun RunCli(const std::vector<std::string>& args, const std::filesystem::path& work_dir,
              const std::map<std::string, std::string>& env) {
  return RunCli(args, work_dir, env, CliProcess{});
}

CliRun RunCli(const std::vector<std::string>& args, const std::filesystem::path& work_dir,
              const std::map<std::string, std::string>& env, const CliProcess& process) {
  const auto out_file = work_dir / ".cli-stdout";
  const auto err_file = work_dir / ".cli-stderr";
  std::ostringstream command;
  command << "cd " << ShellQuote(work_dir.string()) << " && ";
  // An ignored signal stays ignored across exec: a write past the limit fails with EFBIG.
  if (process.max_file_bytes > 0) command << "trap '' XFSZ && ";
  command << "env";
  std::map<std::string, std::string> variables = env;
  variables.emplace("NORMTRACK_HOME", (work_dir / "no-default-home").string());
  variables.emplace("COLUMNS", "100");
  for (const auto& [name, value] : variables) command << " " << name << "=" << ShellQuote(value);
  if (process.max_file_bytes > 0) {
    command << " prlimit --fsize=" << process.max_file_bytes << ":" << process.max_file_bytes;
  }
  if (process.run_as_uid >= 0) {
    command << " setpriv --reuid=" << process.run_as_uid << " --regid=" << process.run_as_uid
            << " --clear-groups";
  }
  command << " " << ShellQuote(CliPath().string());
  for (const std::string& arg : args) command << " " << ShellQuote(arg);
  command << " >" << ShellQuote(out_file.string()) << " 2>" << ShellQuote(err_file.string())
          << " </dev/null";
  int status = std::system(command.str().c_str());
  CliRun run;
#ifdef _WIN32
  run.exit_code = status;
#else
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
#endif
  run.out = ReadAll(out_file);
  run.err = ReadAll(err_file);
  std::filesystem::remove(out_file);
  std::filesystem::remove(err_file);
  return run;
}

}  // namespace nt::test
