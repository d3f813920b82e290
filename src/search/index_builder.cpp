#include "search/index_builder.h"

#include <xapian.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

#include "core/platform.h"
#include "search/fields.h"
#include "search/term_builder.h"
#include "search/xapian_error.h"

namespace nt::search {
namespace {

// Documents waiting for a worker: enough to keep both busy, few enough to bound the memory.
constexpr std::size_t kQueueLimit = 64;
// Items a worker adds between flushes of its shard: Xapian's in-memory inverter slows down as
// it grows (ordered maps), and a flush per few hundred items measured fastest (performance.md).
constexpr std::size_t kItemsPerFlush = 500;

// FOLDER.shardW-N, FOLDER.new, FOLDER.old: a rebuild's folders beside the index.
std::filesystem::path BesideFolder(const std::filesystem::path& folder, std::string_view suffix) {
  std::filesystem::path out = folder;
  out += suffix;
  return out;
}

}  // namespace

struct IndexBuilder::Impl {
  std::filesystem::path folder;
  std::size_t items_per_shard = kDefaultItemsPerShard;
  IndexLayout layout = IndexLayout::kLocal;
  std::vector<std::filesystem::path> shards;
  std::vector<std::thread> workers;

  std::mutex mutex;
  std::condition_variable changed;
  std::deque<IndexDocument> queue;
  bool closing = false;
  std::optional<Error> failure;  // the first worker error
  bool finished = false;

  std::string Name() const { return "the search index " + Quoted(platform::PathToUtf8(folder)); }

  std::filesystem::path Beside(std::string_view suffix) const {
    return BesideFolder(folder, suffix);
  }

  // A new, empty shard folder of worker `worker`; kept in `shards` so that it is merged, or
  // removed with the others.
  std::filesystem::path NewShard(int worker, int number) {
    std::filesystem::path shard =
        Beside(".shard" + std::to_string(worker) + "-" + std::to_string(number));
    std::lock_guard lock(mutex);
    shards.push_back(shard);
    return shard;
  }

  void Work(int worker) {
    try {
      int shard_number = 0;
      auto open_shard = [&] {
        return Xapian::WritableDatabase(platform::PathToUtf8(NewShard(worker, shard_number++)),
                                        Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
      };
      Xapian::WritableDatabase database = open_shard();
      TermBuilder builder(layout);
      auto mark_layout = [&] {
        database.set_metadata(std::string(kFormatKey), std::string(kFormat));
        database.set_metadata(std::string(kLayoutKey), std::string(ToString(layout)));
      };
      std::size_t unflushed = 0;
      std::size_t in_shard = 0;
      for (;;) {
        IndexDocument document;
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return !queue.empty() || closing || failure; });
          if (failure || queue.empty()) break;
          document = std::move(queue.front());
          queue.pop_front();
        }
        changed.notify_all();
        // A document's items all go into one shard, between two roll-overs.
        if (in_shard >= items_per_shard) {
          mark_layout();
          database.commit();
          database.close();
          database = open_shard();
          unflushed = 0;
          in_shard = 0;
        }
        // A fresh shard holds no item of this document: add, never replace (invariant 3).
        for (const IndexItem& item : document.items) {
          Xapian::Document built = builder.Build(document, item);
          // Each word's entry is written once per worker; the compactor unites the shards'.
          builder.RecordWordForms(built, database);
          database.add_document(built);
        }
        database.set_metadata(DocumentStateKey(document.document_id), DocumentStateValue(document));
        unflushed += document.items.size();
        in_shard += document.items.size();
        if (unflushed >= kItemsPerFlush) {
          database.commit();
          unflushed = 0;
        }
      }
      mark_layout();
      database.commit();
    } catch (const Xapian::Error& error) {
      Record(XapianError(error, "Building " + Name()));
    } catch (const std::exception& error) {
      Record(Error{ErrorCode::kIo, "Building " + Name() + " failed: " + error.what()});
    }
  }

  void Record(Error error) {
    {
      std::lock_guard lock(mutex);
      if (!failure) failure = std::move(error);
    }
    changed.notify_all();
  }

  void StopWorkers() {
    {
      std::lock_guard lock(mutex);
      closing = true;
    }
    changed.notify_all();
    for (std::thread& worker : workers) {
      if (worker.joinable()) worker.join();
    }
  }

  void RemoveShards() {
    std::error_code ec;
    for (const auto& shard : shards) std::filesystem::remove_all(shard, ec);
  }
};

RebuildLeftovers FindRebuildLeftovers(const std::filesystem::path& folder,
                                      std::chrono::seconds quiet_for) {
  RebuildLeftovers leftovers;
  const std::string name = platform::PathToUtf8(folder.filename());
  const std::filesystem::path parent =
      folder.has_parent_path() ? folder.parent_path() : std::filesystem::path(".");
  const auto quiet_since = std::filesystem::file_time_type::clock::now() - quiet_for;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(parent, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string entry = platform::PathToUtf8(it->path().filename());
    if (!entry.starts_with(name + ".shard") && entry != name + ".new" && entry != name + ".old") {
      continue;
    }
    // A Xapian database writes its files in place, so the newest file says when it was last
    // written, more than the folder.
    std::uintmax_t bytes = 0;
    std::error_code file_ec;
    bool recent = it->last_write_time(file_ec) > quiet_since;  // files added or removed
    for (std::filesystem::recursive_directory_iterator file(it->path(), file_ec), last;
         !file_ec && file != last; file.increment(file_ec)) {
      if (!file->is_regular_file(file_ec)) continue;
      bytes += file->file_size(file_ec);
      if (file->last_write_time(file_ec) > quiet_since) recent = true;
    }
    if (recent) continue;
    leftovers.folders.push_back(it->path());
    leftovers.bytes += bytes;
  }
  std::sort(leftovers.folders.begin(), leftovers.folders.end());
  return leftovers;
}

Status RemoveRebuildLeftovers(const RebuildLeftovers& leftovers) {
  for (const auto& leftover : leftovers.folders) {
    std::error_code ec;
    std::filesystem::remove_all(leftover, ec);
    if (ec) {
      return Fail(ErrorCode::kIo, "Could not remove " + Quoted(platform::PathToUtf8(leftover)) +
                                      ", left by an interrupted rebuild of the search index: " +
                                      ec.message() + ".");
    }
  }
  return {};
}

Result<bool> CompleteInterruptedSwap(const std::filesystem::path& folder) {
  const std::filesystem::path merged = BesideFolder(folder, ".new");
  const std::filesystem::path previous = BesideFolder(folder, ".old");
  std::error_code ec;
  // Finish moves the old index aside only once the merge is complete: with FOLDER.old there,
  // FOLDER.new is whole. Without it, FOLDER.new may be a merge cut short.
  if (std::filesystem::exists(folder, ec) || !std::filesystem::exists(merged, ec) ||
      !std::filesystem::exists(previous, ec)) {
    return false;
  }
  std::filesystem::rename(merged, folder, ec);
  if (ec) {
    return Fail(ErrorCode::kIo, "Could not put the rebuilt index " +
                                    Quoted(platform::PathToUtf8(merged)) +
                                    " in place of the search index: " + ec.message() + ".");
  }
  std::filesystem::remove_all(previous, ec);  // if it stays, the check reports it
  return true;
}

IndexBuilder::IndexBuilder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

IndexBuilder::~IndexBuilder() {
  if (!impl_ || impl_->finished) return;
  {
    std::lock_guard lock(impl_->mutex);
    impl_->queue.clear();
  }
  impl_->StopWorkers();
  impl_->RemoveShards();
}

Result<std::unique_ptr<IndexBuilder>> IndexBuilder::Start(const std::filesystem::path& folder,
                                                          int workers, IndexLayout layout,
                                                          std::size_t items_per_shard) {
  auto impl = std::make_unique<Impl>();
  impl->folder = folder;
  impl->layout = layout;
  impl->items_per_shard = std::max<std::size_t>(items_per_shard, 1);
  std::error_code ec;
  if (folder.has_parent_path()) std::filesystem::create_directories(folder.parent_path(), ec);
  // What a build that crashed left goes first (the names of this build's are the same).
  NT_TRY(RemoveRebuildLeftovers(FindRebuildLeftovers(folder, std::chrono::seconds(0))));
  Impl* raw = impl.get();
  for (int i = 0; i < std::max(workers, 1); ++i) {
    impl->workers.emplace_back([raw, i] { raw->Work(i); });
  }
  return std::unique_ptr<IndexBuilder>(new IndexBuilder(std::move(impl)));
}

Status IndexBuilder::Add(IndexDocument document) {
  std::unique_lock lock(impl_->mutex);
  impl_->changed.wait(lock, [&] { return impl_->queue.size() < kQueueLimit || impl_->failure; });
  if (impl_->failure) return Fail(*impl_->failure);
  impl_->queue.push_back(std::move(document));
  lock.unlock();
  impl_->changed.notify_all();
  return {};
}

Status IndexBuilder::Finish() {
  impl_->StopWorkers();
  impl_->finished = true;
  if (impl_->failure) {
    impl_->RemoveShards();
    return Fail(*impl_->failure);
  }
  const std::filesystem::path merged = impl_->Beside(".new");
  const std::filesystem::path previous = impl_->Beside(".old");
  std::error_code ec;
  std::filesystem::remove_all(merged, ec);
  std::filesystem::remove_all(previous, ec);
  try {
    Xapian::Database all;
    for (const auto& shard : impl_->shards) {
      all.add_database(Xapian::Database(platform::PathToUtf8(shard)));
    }
    all.compact(platform::PathToUtf8(merged));
  } catch (const Xapian::Error& error) {
    impl_->RemoveShards();
    std::filesystem::remove_all(merged, ec);
    return Fail(XapianError(error, "Merging the shards of " + impl_->Name()));
  }
  impl_->RemoveShards();
  // The merged index takes the folder's place; the old one goes only once it is out of the way.
  if (std::filesystem::exists(impl_->folder, ec)) {
    std::filesystem::rename(impl_->folder, previous, ec);
    if (ec) {
      return Fail(ErrorCode::kIo, "Could not replace " + impl_->Name() + ": " + ec.message() +
                                      ". Close other NormTrack windows and rebuild again.");
    }
  }
  std::filesystem::rename(merged, impl_->folder, ec);
  if (ec) {
    std::error_code restore;
    std::filesystem::rename(previous, impl_->folder, restore);
    return Fail(ErrorCode::kIo, "Could not put the rebuilt index in place of " + impl_->Name() +
                                    ": " + ec.message() + ".");
  }
  std::filesystem::remove_all(previous, ec);
  return {};
}

}  // namespace nt::search
