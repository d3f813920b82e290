// normtrack followup add|edit|status|list|show: follow-up actions on commitments.

#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/follow_up_views.h"
#include "cli/cli_context.h"
#include "cli/json_output.h"
#include "core/text.h"

namespace nt::cli {
namespace {

Json OrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json ToJson(const FollowUpEvent& e) {
  return {{"id", e.id.value},
          {"date", e.date},
          {"status", ToString(e.status)},
          {"completion", ToString(e.completion)},
          {"note", OrNull(e.note)},
          {"evidence_paragraph_id",
           e.evidence_paragraph_id ? Json(e.evidence_paragraph_id.value) : Json(nullptr)},
          {"evidence_text", OrNull(e.evidence_text)},
          {"recorded_at", e.recorded_at}};
}

Json ToJson(const app::FollowUpView& view) {
  const FollowUp& f = view.follow_up;
  Json commitments = Json::array();
  for (CommitmentId id : f.commitment_ids) commitments.push_back(id.value);
  Json history = Json::array();
  for (const FollowUpEvent& e : view.history) history.push_back(ToJson(e));
  return {{"id", f.id.value},
          {"title", f.title},
          {"commitments", commitments},
          {"owner_id", f.owner_actor_id ? Json(f.owner_actor_id.value) : Json(nullptr)},
          {"owner", OrNull(view.owner)},
          {"due_date", OrNull(f.due_date)},
          {"status", ToString(f.status)},
          {"completion", ToString(f.completion)},
          {"notes", OrNull(f.notes)},
          {"created_at", f.created_at},
          {"updated_at", f.updated_at},
          {"history", history}};
}

std::string CommitmentList(const FollowUp& f) {
  std::vector<std::string> ids;
  for (CommitmentId id : f.commitment_ids) ids.push_back("#" + std::to_string(id.value));
  return Join(ids, ", ");
}

void PrintSummary(const app::FollowUpView& view) {
  const FollowUp& f = view.follow_up;
  std::printf(
      "#%lld  %-11s %-12s due %-10s  %s  [commitments %s]%s\n", static_cast<long long>(f.id.value),
      std::string(ToString(f.status)).c_str(), std::string(ToString(f.completion)).c_str(),
      f.due_date.empty() ? "-" : f.due_date.c_str(), f.title.c_str(), CommitmentList(f).c_str(),
      view.owner.empty() ? "" : ("  owner " + view.owner).c_str());
}

void PrintFull(const app::FollowUpView& view) {
  const FollowUp& f = view.follow_up;
  std::printf("Follow-up #%lld: %s\n", static_cast<long long>(f.id.value), f.title.c_str());
  std::printf("  Commitments: %s\n", CommitmentList(f).c_str());
  std::printf("  Owner:       %s\n", view.owner.empty() ? "-" : view.owner.c_str());
  std::printf("  Due:         %s\n", f.due_date.empty() ? "-" : f.due_date.c_str());
  std::printf("  Status:      %s (%s)\n", std::string(ToString(f.status)).c_str(),
              std::string(ToString(f.completion)).c_str());
  if (!f.notes.empty()) std::printf("  Notes:       %s\n", f.notes.c_str());
  std::printf("  History:\n");
  for (const FollowUpEvent& e : view.history) {
    std::string evidence;
    if (e.evidence_paragraph_id) {
      evidence = "  evidence: paragraph #" + std::to_string(e.evidence_paragraph_id.value);
    }
    if (!e.evidence_text.empty()) evidence += "  evidence: " + e.evidence_text;
    std::printf("    %s  %-11s %-12s%s%s\n", e.date.c_str(),
                std::string(ToString(e.status)).c_str(),
                std::string(ToString(e.completion)).c_str(),
                e.note.empty() ? "" : ("  " + e.note).c_str(), evidence.c_str());
  }
}

std::vector<std::string> Names(auto const& table) {
  std::vector<std::string> names;
  for (const auto& [value, name] : table) names.emplace_back(name);
  return names;
}

struct FollowUpArguments {
  std::int64_t id = 0;
  std::string title;
  std::vector<std::int64_t> commitments;
  std::string owner;
  std::string due;
  std::string status;
  std::string completion;
  std::string notes;
  std::string date;
  std::int64_t evidence_paragraph = 0;
  std::string evidence;
  bool json = false;
};

// Prints a result or reports its error (an unknown id or name is a usage error).
void Finish(CliContext& context, const Result<app::FollowUpView>& view, bool json, bool full) {
  if (!view) {
    Error error = view.error();
    if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kUsage;
    return context.Report(error);
  }
  if (json) return PrintJson(ToJson(*view));
  full ? PrintFull(*view) : PrintSummary(*view);
}

}  // namespace

void AddFollowUpCommand(CLI::App& app, CliContext& context) {
  auto a = std::make_shared<FollowUpArguments>();
  CLI::App* command =
      app.add_subcommand("followup", "Follow-up actions on commitments, with their history");
  command->require_subcommand(1);
  const auto statuses = Names(kFollowUpStatusNames);
  const auto completions = Names(kCompletionNames);

  CLI::App* add = command->add_subcommand("add", "Add a follow-up to one or more commitments");
  add->add_option("--title", a->title, "What is to be done")->required();
  add->add_option("--commitment", a->commitments, "A commitment id (repeatable)")->required();
  add->add_option("--owner", a->owner, "The actor responsible (name, alias or acronym)");
  add->add_option("--due", a->due, "Due date (YYYY-MM-DD)");
  add->add_option("--status", a->status, "First status (default planned)")
      ->check(CLI::IsMember(statuses));
  add->add_option("--completion", a->completion, "OGP completion (default complete for --status done, else not_started)")
      ->check(CLI::IsMember(completions));
  add->add_option("--notes", a->notes, "Free notes");
  add->add_option("--date", a->date, "Date of the first status (default today)");
  add->add_option("--evidence-paragraph", a->evidence_paragraph,
                  "Evidence: a paragraph id of a later document");
  add->add_option("--evidence", a->evidence, "Evidence: a free-text source");
  add->add_flag("--json", a->json, "Print as JSON");
  add->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    app::FollowUpInput input;
    input.title = a->title;
    input.commitment_ids = a->commitments;
    input.owner = a->owner;
    input.due_date = a->due;
    input.status = ParseFollowUpStatus(a->status).value_or(FollowUpStatus::kPlanned);
    input.completion = ParseCompletion(a->completion);
    input.notes = a->notes;
    input.date = a->date;
    input.evidence_paragraph = a->evidence_paragraph;
    input.evidence_text = a->evidence;
    Finish(context, (*workspace)->AddFollowUp(input).Wait(), a->json, false);
    context.WarnIfIndexBehind(**workspace);
  });

  CLI::App* edit = command->add_subcommand("edit",
                                           "Change a follow-up's title, owner, due date, "
                                           "notes or add commitments (not its history)");
  edit->add_option("ID", a->id, "The follow-up")->required();
  CLI::Option* title = edit->add_option("--title", a->title, "New title");
  CLI::Option* owner = edit->add_option("--owner", a->owner, "New owner (\"\" clears)");
  CLI::Option* due = edit->add_option("--due", a->due, "New due date (\"\" clears)");
  CLI::Option* notes = edit->add_option("--notes", a->notes, "New notes");
  edit->add_option("--add-commitment", a->commitments, "Another commitment id (repeatable)");
  edit->add_flag("--json", a->json, "Print as JSON");
  edit->callback([&context, a, title, owner, due, notes] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    app::FollowUpEdit change;
    if (title->count()) change.title = a->title;
    if (owner->count()) change.owner = a->owner;
    if (due->count()) change.due_date = a->due;
    if (notes->count()) change.notes = a->notes;
    change.add_commitments = a->commitments;
    Finish(context, (*workspace)->EditFollowUp(a->id, change).Wait(), a->json, false);
    context.WarnIfIndexBehind(**workspace);
  });

  CLI::App* status = command->add_subcommand(
      "status", "Record a status change (kept in the history with its date and evidence)");
  status->add_option("ID", a->id, "The follow-up")->required();
  status->add_option("STATUS", a->status, "The new status")
      ->required()
      ->check(CLI::IsMember(statuses));
  status
      ->add_option("--completion", a->completion,
                   "OGP completion (default: complete for done, else unchanged)")
      ->check(CLI::IsMember(completions));
  status->add_option("--date", a->date, "When it happened (default today)");
  status->add_option("--note", a->notes, "What happened");
  status->add_option("--evidence-paragraph", a->evidence_paragraph,
                     "Evidence: a paragraph id of a later document");
  status->add_option("--evidence", a->evidence, "Evidence: a free-text source");
  status->add_flag("--json", a->json, "Print as JSON");
  status->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    app::StatusChange change;
    change.status = ParseFollowUpStatus(a->status).value_or(FollowUpStatus::kPlanned);
    change.completion = ParseCompletion(a->completion);
    change.date = a->date;
    change.note = a->notes;
    change.evidence_paragraph = a->evidence_paragraph;
    change.evidence_text = a->evidence;
    Finish(context, (*workspace)->ChangeFollowUpStatus(a->id, change).Wait(), a->json, true);
    context.WarnIfIndexBehind(**workspace);
  });

  CLI::App* list = command->add_subcommand("list", "List follow-ups");
  list->add_option("--status", a->status, "Only this status")->check(CLI::IsMember(statuses));
  list->add_option("--commitment", a->commitments, "Only follow-ups of this commitment");
  list->add_option("--owner", a->owner, "Only follow-ups owned by this actor");
  list->add_flag("--json", a->json, "Print as JSON");
  list->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    app::FollowUpFilter filter{ParseFollowUpStatus(a->status),
                               a->commitments.empty() ? 0 : a->commitments.front(), a->owner};
    auto views = (*workspace)->ListFollowUps(filter);
    if (!views) {
      Error error = views.error();
      if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kUsage;
      return context.Report(error);
    }
    if (a->json) {
      Json out = Json::array();
      for (const auto& view : *views) out.push_back(ToJson(view));
      return PrintJson(out);
    }
    if (views->empty()) std::printf("No follow-ups.\n");
    for (const auto& view : *views) PrintSummary(view);
  });

  CLI::App* show = command->add_subcommand("show", "Show a follow-up with its full history");
  show->add_option("ID", a->id, "The follow-up")->required();
  show->add_flag("--json", a->json, "Print as JSON");
  show->callback([&context, a] {
    auto workspace = context.Open();
    if (!workspace) return context.Report(workspace.error());
    Finish(context, (*workspace)->ShowFollowUp(a->id), a->json, true);
  });
}

}  // namespace nt::cli
