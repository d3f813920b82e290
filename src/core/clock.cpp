#include "core/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string_view>

namespace nt {
namespace {

std::tm UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
#ifdef _WIN32
  gmtime_s(&utc, &now);
#else
  gmtime_r(&now, &utc);
#endif
  return utc;
}

bool Digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

}  // namespace

std::string UtcTimestampNow() {
  std::tm t = UtcNow();
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.tm_year + 1900,
                t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
  return buffer;
}

std::string UtcDateToday() { return UtcTimestampNow().substr(0, 10); }

bool IsIsoDate(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  if (!Digits(text.substr(0, 4))) return false;
  if (text.size() >= 7) {
    if (text[4] != '-' || !Digits(text.substr(5, 2))) return false;
    int month = (text[5] - '0') * 10 + (text[6] - '0');
    if (month < 1 || month > 12) return false;
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !Digits(text.substr(8, 2))) return false;
    const int year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 +
                     (text[3] - '0');
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    const int day = (text[8] - '0') * 10 + (text[9] - '0');
    // The days the month has: 2018-02-30 and 2019-04-31 are not dates.
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = month == 2 && leap ? 29 : kDays[month - 1];
    if (day < 1 || day > days) return false;
  }
  return true;
}

}  // namespace nt
