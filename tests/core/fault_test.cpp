#include <catch2/catch.hpp>

#include "core/fault.h"

using namespace nt;

TEST_CASE("Fault: an armed point fails exactly on its nth hit", "[core]") {
  fault::DisarmAll();
  fault::Arm("test.point", 3);
  CHECK(fault::Check("test.point").has_value());
  CHECK(fault::Check("test.point").has_value());
  auto third = fault::Check("test.point");
  REQUIRE_FALSE(third.has_value());
  CHECK(third.error().code == ErrorCode::kIo);
  CHECK(third.error().message.find("test.point") != std::string::npos);
  CHECK(fault::Check("test.point").has_value());
  CHECK(fault::Check("other.point").has_value());
  fault::DisarmAll();
}
