#include <catch2/catch.hpp>

#include "core/clock.h"

using namespace nt;

TEST_CASE("Clock: timestamps are ISO 8601 UTC and dates validate", "[core]") {
  std::string now = UtcTimestampNow();
  CHECK(now.size() == 20);
  CHECK(now[10] == 'T');
  CHECK(now.back() == 'Z');
  CHECK(IsIsoDate(UtcDateToday()));
  CHECK(IsIsoDate("2017-07-24"));
  CHECK(IsIsoDate("2017-07"));
  CHECK(IsIsoDate("2017"));
  CHECK_FALSE(IsIsoDate("2017-13-01"));
  CHECK_FALSE(IsIsoDate("July 24, 2017"));
  CHECK_FALSE(IsIsoDate("2017-7-24"));
}
