#pragma once
// What the command line says when it cannot make sense of the arguments: one sentence starting
// "normtrack:", naming the word or option at fault, with the closest command when a command
// name was mistyped ("normtrack serach" -> did you mean 'search'?).

#include <optional>
#include <string>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace nt::cli {

// Walks the arguments down the command tree; at the first word that should name a subcommand
// and names none, the sentence for it. nullopt when every such word names one.
std::optional<std::string> UnknownCommandMessage(const CLI::App& app, int argc,
                                                 const char* const* argv);

// CLI11's message for a parse error, as one sentence: "normtrack: --limit takes a number, not
// 'abc'."
std::string ParseErrorMessage(const CLI::ParseError& error);

}  // namespace nt::cli
