#include <catch2/catch.hpp>

#include "core/sha256.h"

using namespace nt;

TEST_CASE("Sha256: FIPS 180-4 test vectors", "[core]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("Sha256: incremental updates equal one update", "[core]") {
  std::string text(200, 'x');
  for (std::size_t i = 0; i < text.size(); ++i) text[i] = static_cast<char>('a' + i % 26);
  Sha256 pieces;
  pieces.Update(text.substr(0, 63));
  pieces.Update(text.substr(63, 1));
  pieces.Update(text.substr(64, 100));
  pieces.Update(text.substr(164));
  CHECK(pieces.HexDigest() == Sha256Hex(text));
}
