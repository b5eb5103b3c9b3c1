#include "app/crypto.hpp"

#include <sodium.h>

#include <stdexcept>

namespace kc::app {

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool verify_password(std::string_view password, const std::string& stored_hash) {
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

std::vector<std::string> password_policy_failures(std::string_view password) {
  std::vector<std::string> failures;
  std::size_t code_points = 0;
  bool lower = false, upper = false, digit = false, other = false;
  for (unsigned char c : password) {
    if ((c & 0xC0) != 0x80) ++code_points;
    if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= '0' && c <= '9') digit = true;
    else if ((c & 0xC0) != 0x80) other = true;
  }
  if (code_points < 10) failures.emplace_back("must be at least 10 characters long");
  if (int(lower) + int(upper) + int(digit) + int(other) < 3) {
    failures.emplace_back("must mix at least 3 of: lower case, upper case, digits, other characters");
  }
  if (password.size() > 1024) failures.emplace_back("must be at most 1024 bytes long");
  return failures;
}

std::string generate_password() {
  // Letters and digits without look-alikes, plus a fixed pattern of classes so the policy holds.
  static constexpr std::string_view lower = "abcdefghijkmnpqrstuvwxyz";
  static constexpr std::string_view upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static constexpr std::string_view digits = "23456789";
  static constexpr std::string_view symbols = "-_.!@#%+=";
  const std::string_view classes[] = {upper, lower, lower, digits, lower, symbols,
                                      upper, lower, digits, lower, digits, upper, lower, digits};
  std::string out;
  for (auto set : classes) out += set[randombytes_uniform(static_cast<uint32_t>(set.size()))];
  return out;
}

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool equal_secrets(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace kc::app
