#include "crypto/crypto.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace kc::crypto {

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

std::string random_bytes(std::size_t bytes) {
  std::string out(bytes, '\0');
  randombytes_buf(out.data(), out.size());
  return out;
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  sodium_memzero(&state, sizeof state);
  return to_hex({reinterpret_cast<const char*>(mac), sizeof mac});
}

std::string to_hex(std::string_view bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  hex.pop_back();
  return hex;
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out(hex.size() / 2, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(),
                     nullptr, &len, &end) != 0 ||
      end != hex.data() + hex.size() || len != out.size()) {
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> from_base64(std::string_view text) {
  // A text with - or _ is URL-safe; padding is optional in both variants.
  const bool url_safe = text.find_first_of("-_") != std::string_view::npos;
  const bool padded = text.find('=') != std::string_view::npos;
  const int variant = url_safe ? (padded ? sodium_base64_VARIANT_URLSAFE : sodium_base64_VARIANT_URLSAFE_NO_PADDING)
                               : (padded ? sodium_base64_VARIANT_ORIGINAL : sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                        nullptr, &len, &end, variant) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

std::string to_base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

namespace {

// The libsodium secret key (seed followed by the public key) of a seed.
std::vector<unsigned char> ed25519_secret_key(std::string_view seed, unsigned char* public_key) {
  if (seed.size() != crypto_sign_SEEDBYTES) throw std::invalid_argument("an Ed25519 seed has 32 bytes");
  std::vector<unsigned char> secret(crypto_sign_SECRETKEYBYTES);
  crypto_sign_seed_keypair(public_key, secret.data(), reinterpret_cast<const unsigned char*>(seed.data()));
  return secret;
}

}  // namespace

std::string ed25519_public_key(std::string_view seed) {
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  auto secret = ed25519_secret_key(seed, pk);
  sodium_memzero(secret.data(), secret.size());
  return {reinterpret_cast<const char*>(pk), sizeof pk};
}

std::string ed25519_sign(std::string_view seed, std::string_view message) {
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  auto secret = ed25519_secret_key(seed, pk);
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret.data());
  sodium_memzero(secret.data(), secret.size());
  return {reinterpret_cast<const char*>(sig), sizeof sig};
}

bool ed25519_verify(std::string_view public_key, std::string_view message, std::string_view signature) {
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     reinterpret_cast<const unsigned char*>(public_key.data())) == 0;
}

}  // namespace kc::crypto
