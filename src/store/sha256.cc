#include "store/sha256.h"

#include <openssl/evp.h>

#include <cstdio>

namespace dragoman {

std::string Sha256Hex(std::string_view data) {
  // OpenSSL's one-shot digest: SHA-NI or AVX2 code where the CPU has it.
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1 ||
      size != 32) {
    return std::string();  // only when libcrypto itself fails (out of memory)
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(64, '0');
  for (unsigned int i = 0; i < 32; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 15];
  }
  return hex;
}

}  // namespace dragoman
