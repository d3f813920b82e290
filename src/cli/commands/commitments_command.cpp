#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>

#include "cli/cli_context.h"
#include "cli/csv_output.h"
#include "cli/json_output.h"
#include "core/platform.h"
#include "core/printable.h"
#include "core/text.h"

namespace nt::cli {
namespace {

struct CommitmentsArguments {
  std::string document;
  std::string actor;
  std::string type;
  std::string dialogue;
  std::optional<int> round;
  bool json = false;
  bool csv = false;
};

// Subjects, and the other actors with their roles.
struct Who {
  std::vector<std::string> subjects;
  std::vector<std::string> others;
};

Who ActorsOf(const app::CommitmentView& view) {
  Who who;
  for (const app::NamedActor& actor : view.actors) {
    if (actor.role == ActorRole::kSubject) {
      who.subjects.push_back(actor.name);
    } else {
      who.others.push_back(actor.name + " (" + std::string(ToString(actor.role)) + ")");
    }
  }
  return who;
}

// One row per commitment, for spreadsheets (docs/cli.md lists the columns).
void PrintCommitmentsCsv(const std::vector<app::CommitmentView>& commitments) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"id", "document_id", "document", "date", "label", "type", "cue", "subjects",
                  "other_actors", "norms", "text"});
  for (const app::CommitmentView& view : commitments) {
    const Commitment& c = view.row.commitment;
    const Who who = ActorsOf(view);
    rows.push_back({std::to_string(c.id.value), std::to_string(view.row.document_id.value),
                    view.row.document_title, view.row.document_date, view.row.paragraph_label,
                    std::string(ToString(c.type)), c.cue, Join(who.subjects, "; "),
                    Join(who.others, "; "), Join(view.norm_codes, "; "), c.text});
  }
  PrintCsv(rows);
}

std::vector<std::string> TypeNames() {
  std::vector<std::string> names;
  for (const auto& [type, name] : kCommitmentTypeNames) names.emplace_back(name);
  return names;
}

void PrintCommitments(const std::vector<app::CommitmentView>& commitments) {
  if (commitments.empty()) {
    std::printf("No commitments match.\n");
    return;
  }
  const int columns = std::max(40, platform::TerminalColumns(100));
  DocumentId current;
  for (const app::CommitmentView& view : commitments) {
    if (view.row.document_id != current) {
      current = view.row.document_id;
      std::printf("%s#%lld  %s%s\n", current == commitments.front().row.document_id ? "" : "\n",
                  static_cast<long long>(current.value), view.row.document_title.c_str(),
                  view.row.document_date.empty() ? ""
                                                 : (" (" + view.row.document_date + ")").c_str());
    }
    const Commitment& c = view.row.commitment;
    const Who actors = ActorsOf(view);
    std::string who = actors.subjects.empty() ? "-" : Join(actors.subjects, ", ");
    if (!actors.others.empty()) who += "; " + Join(actors.others, ", ");
    // The id first: it is what follow-ups, links and corrections take.
    std::printf("  #%-5lld %-7s %-14s %s  [cue: %s]%s\n", static_cast<long long>(c.id.value),
                ShownParagraphLabel(view.row.paragraph_label).c_str(),
                std::string(ToString(c.type)).c_str(), who.c_str(), c.cue.c_str(),
                view.norm_codes.empty() ? "" : ("  norms " + Join(view.norm_codes, ", ")).c_str());
    const std::string indent(17, ' ');
    std::printf("%s%s\n", indent.c_str(),
                WrapText(c.text, static_cast<std::size_t>(columns) - indent.size() - 1, indent)
                    .c_str());
  }
  std::printf("\n%zu commitment%s.\n", commitments.size(), commitments.size() == 1 ? "" : "s");
}

}  // namespace

void AddCommitmentsCommand(CLI::App& app, CliContext& context) {
  auto arguments = std::make_shared<CommitmentsArguments>();
  CLI::App* command = app.add_subcommand(
      "commitments", "List commitments with their document, paragraph, type, cue and actors");
  command->add_option("--document", arguments->document,
                      "Only this document (id or unique part of its title or symbol)");
  command->add_option("--actor", arguments->actor,
                      "Only commitments naming this actor (name, alias or acronym)");
  command->add_option("--type", arguments->type, "Only this type")
      ->check(CLI::IsMember(TypeNames()));
  CLI::Option* dialogue = command->add_option(
      "--dialogue", arguments->dialogue,
      "Only documents of this dialogue (any spelling: U.S.-Japan, Japan-US ...)");
  command->add_option("--round", arguments->round, "With --dialogue: only this round")
      ->needs(dialogue);
  CLI::Option* json = command->add_flag("--json", arguments->json, "Print as JSON");
  command->add_flag("--csv", arguments->csv, "Print CSV for spreadsheets (UTF-8 with BOM)")
      ->excludes(json);
  command->callback([&context, arguments] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    app::CommitmentFilter filter{arguments->document, arguments->actor,
                                 ParseCommitmentType(arguments->type), arguments->dialogue,
                                 arguments->round};
    auto commitments = (*workspace)->ListCommitments(filter);
    if (!commitments) {
      Error error = commitments.error();
      // An unknown document or actor is a mistake in the arguments.
      if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kUsage;
      return context.Report(error);
    }
    if (arguments->json) {
      Json list = Json::array();
      for (const auto& view : *commitments) list.push_back(ToJson(view));
      return PrintJson(list);
    }
    if (arguments->csv) return PrintCommitmentsCsv(*commitments);
    PrintCommitments(*commitments);
  });
}

}  // namespace nt::cli
