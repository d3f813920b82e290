#include <catch2/catch.hpp>

#include "extract/date_finder.h"

using namespace nt::extract;

namespace {

std::vector<std::pair<std::string, std::string>> Dates(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const DateMention& d : FindDates(text, Tokenize(text))) out.emplace_back(d.start, d.end);
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("DateFinder: the usual written forms become ISO dates", "[extract]") {
  CHECK(Dates("Washington, DC, July 24, 2017") == Pairs{{"2017-07-24", "2017-07-24"}});
  CHECK(Dates("on 24 July 2017") == Pairs{{"2017-07-24", "2017-07-24"}});
  CHECK(Dates("in Tokyo on July 20 and 21, 2017.") == Pairs{{"2017-07-20", "2017-07-21"}});
  CHECK(Dates("held on 20-21 July 2017") == Pairs{{"2017-07-20", "2017-07-21"}});
  CHECK(Dates("held on 20\xE2\x80\x93" "21 July 2017") == Pairs{{"2017-07-20", "2017-07-21"}});
  CHECK(Dates("from 24 to 28 July 2023") == Pairs{{"2023-07-24", "2023-07-28"}});
  CHECK(Dates("30 June - 1 July 2017") == Pairs{{"2017-06-30", "2017-07-01"}});
  CHECK(Dates("June 30 - July 1, 2017") == Pairs{{"2017-06-30", "2017-07-01"}});
  CHECK(Dates("the sixth dialogue held in July 2018") == Pairs{{"2018-07", "2018-07"}});
  CHECK(Dates("dated 2019-10-08") == Pairs{{"2019-10-08", "2019-10-08"}});
  CHECK(Dates("Sept. 5, 2016") == Pairs{{"2016-09-05", "2016-09-05"}});
}

TEST_CASE("DateFinder: words that only look like dates are left alone", "[extract]") {
  CHECK(Dates("attacks may pose a threat in 2017").empty());
  CHECK(Dates("They will march on 5 streets").empty());
  CHECK(Dates("July 32, 2017").empty());
  CHECK(Dates("paragraph 13 of the report").empty());
  CHECK(MonthNumber("Jul") == 7);
  CHECK(MonthNumber("may") == 5);
  CHECK(MonthNumber("Mayor") == 0);
}

TEST_CASE("DateFinder: numeric, CJK and job-number dates", "[extract]") {
  CHECK(Dates("25.04.2019") == Pairs{{"2019-04-25", "2019-04-25"}});
  CHECK(Dates("16/12/2016 - 17:40") == Pairs{{"2016-12-16", "2016-12-16"}});
  CHECK(Dates("12/16/2016") == Pairs{{"2016-12-16", "2016-12-16"}});  // the American order
  CHECK(Dates("2019年3月1日") == Pairs{{"2019-03-01", "2019-03-01"}});
  CHECK(Dates("双方于2015年9月28日在北京") == Pairs{{"2015-09-28", "2015-09-28"}});
  CHECK(Dates("13-37102 (E) 24Jun13") == Pairs{{"2013-06-24", "2013-06-24"}});
  // Not dates: spaced numbers, section numbers, impossible days.
  CHECK(Dates("25. 04. 2019").empty());
  CHECK(Dates("see 1.2.2019.3 of the annex").empty());
  CHECK(Dates("February 30, 2017").empty());
  CHECK(Dates("31.02.2019").empty());
  CHECK(Dates("the 2019 review").empty());
}
