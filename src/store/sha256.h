// SHA-256 (FIPS 180-4), used for the content hash that makes ingest idempotent. Computed by
// OpenSSL's libcrypto (Debian's libssl-dev), not by code of our own.
//
// Thread-safety: stateless function.
#ifndef DRAGOMAN_STORE_SHA256_H_
#define DRAGOMAN_STORE_SHA256_H_

#include <string>
#include <string_view>

namespace dragoman {

// The digest of `data` as 64 lower-case hex digits ("" only if libcrypto fails to run).
std::string Sha256Hex(std::string_view data);

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_SHA256_H_
