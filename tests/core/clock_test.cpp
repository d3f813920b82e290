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
  // Days the month does not have, with the leap years right.
  CHECK_FALSE(IsIsoDate("2018-02-30"));
  CHECK_FALSE(IsIsoDate("2018-02-29"));
  CHECK(IsIsoDate("2016-02-29"));
  CHECK(IsIsoDate("2000-02-29"));
  CHECK_FALSE(IsIsoDate("1900-02-29"));
  CHECK_FALSE(IsIsoDate("2019-04-31"));
  CHECK(IsIsoDate("2019-12-31"));
  CHECK_FALSE(IsIsoDate("2019-00-10"));
}
