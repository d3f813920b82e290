// normtrack commitment show|edit|add|delete: one commitment, and corrections of what extraction
// found (origin manual, kept in its history, applied again on every re-import).

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/cli_context.h"
#include "cli/correction_output.h"

namespace nt::cli {
namespace {

struct CommitmentArguments {
  std::int64_t id = 0;
  std::int64_t paragraph = 0;
  std::string type;
  std::string actors;
  std::string span;
  bool json = false;
};

std::vector<std::string> TypeNames() {
  std::vector<std::string> names;
  for (const auto& [type, name] : kCommitmentTypeNames) names.emplace_back(name);
  return names;
}

void Finish(CliContext& context, app::Workspace& workspace,
            const Result<app::CommitmentDetail>& detail, bool json) {
  if (!detail) return ReportCorrectionError(context, detail.error());
  if (json) {
    PrintJson(ToJson(*detail));
  } else {
    PrintCommitmentDetail(*detail);
  }
  context.WarnIfIndexBehind(workspace);
}

}  // namespace

void AddCommitmentCommand(CLI::App& app, CliContext& context) {
  auto a = std::make_shared<CommitmentArguments>();
  CLI::App* command = app.add_subcommand(
      "commitment", "One commitment: show it with its history, or correct what extraction found");
  command->require_subcommand(1);
  const auto types = TypeNames();

  CLI::App* show = command->add_subcommand("show", "Show a commitment with its history");
  show->add_option("ID", a->id, "The commitment id")->required();
  show->add_flag("--json", a->json, "Print as JSON");
  show->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    auto detail = (*workspace)->ShowCommitment(a->id);
    if (!detail) return ReportCorrectionError(context, detail.error());
    a->json ? PrintJson(ToJson(*detail)) : PrintCommitmentDetail(*detail);
  });

  CLI::App* edit = command->add_subcommand(
      "edit", "Correct a commitment's type, actors or span (kept over re-imports)");
  edit->add_option("ID", a->id, "The commitment id")->required();
  CLI::Option* type =
      edit->add_option("--type", a->type, "The type")->check(CLI::IsMember(types));
  CLI::Option* actors = edit->add_option(
      "--actors", a->actors,
      "The actors with their roles: \"Japan:subject,United States:subject\" (\"\" for none)");
  CLI::Option* span = edit->add_option(
      "--text-span", a->span,
      "The commitment's words exactly as in the paragraph (or byte offsets BEGIN:END)");
  edit->add_flag("--json", a->json, "Print as JSON");
  edit->callback([&context, a, type, actors, span] {
    app::CommitmentEdit change;
    if (type->count()) change.type = ParseCommitmentType(a->type);
    if (actors->count()) {
      auto parsed = app::ParseActorSpec(a->actors);
      if (!parsed) return context.Report(parsed.error());
      change.actors = std::move(*parsed);
    }
    if (span->count()) change.span = a->span;
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    Finish(context, **workspace, (*workspace)->EditCommitment(a->id, change).Wait(), a->json);
  });

  CLI::App* add = command->add_subcommand(
      "add", "Add a commitment extraction missed, from a paragraph and the words of it");
  add->add_option("--paragraph", a->paragraph, "The paragraph id ('show DOC --json' gives ids)")
      ->required();
  add->add_option("--span", a->span,
                  "The commitment's words exactly as in the paragraph (or BEGIN:END)")
      ->required();
  add->add_option("--type", a->type, "The type (default pledge)")->check(CLI::IsMember(types));
  add->add_option("--actors", a->actors,
                  "The actors with their roles: \"Japan:subject,United States:subject\"");
  add->add_flag("--json", a->json, "Print as JSON");
  add->callback([&context, a] {
    app::CommitmentAddition addition;
    addition.paragraph = a->paragraph;
    addition.span = a->span;
    addition.type = ParseCommitmentType(a->type).value_or(CommitmentType::kPledge);
    auto parsed = app::ParseActorSpec(a->actors);
    if (!parsed) return context.Report(parsed.error());
    addition.actors = std::move(*parsed);
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    Finish(context, **workspace, (*workspace)->AddCommitment(addition).Wait(), a->json);
  });

  CLI::App* remove = command->add_subcommand(
      "delete", "Delete a commitment extraction got wrong (kept as rejected: a re-import does "
                "not bring it back)");
  remove->add_option("ID", a->id, "The commitment id")->required();
  remove->add_flag("--json", a->json, "Print as JSON");
  remove->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    Finish(context, **workspace, (*workspace)->RejectCommitment(a->id).Wait(), a->json);
  });
}

}  // namespace nt::cli
