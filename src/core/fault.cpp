#include "core/fault.h"

#include <charconv>
#include <map>
#include <mutex>

#include "core/platform.h"
#include "core/text.h"

namespace nt::fault {
namespace {

struct Armed {
  int nth = 0;
  int hits = 0;
};

std::mutex& Mutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<std::string, Armed, std::less<>>& Points() {
  static std::map<std::string, Armed, std::less<>> points;
  return points;
}

}  // namespace

void Arm(std::string_view point, int nth) {
  std::lock_guard lock(Mutex());
  Points()[std::string(point)] = Armed{nth, 0};
}

void DisarmAll() {
  std::lock_guard lock(Mutex());
  Points().clear();
}

Status ArmFromEnvironment() {
  std::string value = platform::GetEnv("NORMTRACK_FAULT");
  if (value.empty()) return {};
  for (const std::string& item : Split(value, ',')) {
    auto colon = item.rfind(':');
    int nth = 0;
    if (colon == std::string::npos ||
        std::from_chars(item.data() + colon + 1, item.data() + item.size(), nth).ec !=
            std::errc{} || nth < 1) {
      return Fail(ErrorCode::kUsage,
                  "NORMTRACK_FAULT must look like 'point:N' with N >= 1, not " + Quoted(item) + ".");
    }
    Arm(item.substr(0, colon), nth);
  }
  return {};
}

Status Check(std::string_view point) {
  std::lock_guard lock(Mutex());
  auto it = Points().find(point);
  if (it == Points().end()) return {};
  if (++it->second.hits == it->second.nth) {
    return Fail(ErrorCode::kIo, "injected failure at " + std::string(point) + ".");
  }
  return {};
}

}  // namespace nt::fault
