#pragma once
// SHA-256 (FIPS 180-4) for content hashes: an unchanged file is recognised by its bytes.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace nt {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // Lowercase hex digest; the object must not be updated afterwards.
  std::string HexDigest();

 private:
  void Compress(const unsigned char* block);

  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

std::string Sha256Hex(std::string_view bytes);

}  // namespace nt
