#include "ui/import_job.h"

#include "app/search_service.h"
#include "importers/registry.h"

namespace nt::ui {

ImportJob::ImportJob(wxWindow* owner, app::Home home, std::vector<std::filesystem::path> paths,
                     Handlers handlers)
    : owner_(owner),
      handlers_(std::move(handlers)),
      worker_([this, home = std::move(home), paths = std::move(paths)]() mutable {
        Run(std::move(home), std::move(paths));
      }) {}

ImportJob::~ImportJob() {
  cancel_.Cancel();
  if (worker_.joinable()) worker_.join();
}

void ImportJob::Run(app::Home home, std::vector<std::filesystem::path> paths) {
  // Handlers are copied into each posted call: the job may be destroyed before they run.
  auto finish = [this](Result<app::ImportReport> result) {
    owner_.Post([done = handlers_.done, result = std::move(result)](wxWindow&) mutable {
      if (done) done(std::move(result));
    });
    running_.store(false);
  };

  auto library = app::Library::Open(home, {.mode = app::OpenMode::kCreateIfMissing});
  if (!library) return finish(std::unexpected(library.error()));
  auto reference = app::ReferenceData::Shipped();
  if (!reference) return finish(std::unexpected(reference.error()));
  const importers::Registry registry = importers::Registry::WithBuiltinFormats();
  // The job indexes what it stores, so a search right after the import finds it; the outbox
  // (invariant 7) still covers a job that is killed before the index commit.
  app::SearchService search(**library, *reference);
  app::ImportService service(**library, registry, *reference, &search);

  app::ImportOptions options;
  options.cancel = cancel_;
  options.progress = [this](const ProgressUpdate& update) {
    owner_.Post([progress = handlers_.progress, update](wxWindow&) {
      if (progress) progress(update);
    });
  };
  finish(service.Import(paths, options));
}

}  // namespace nt::ui
