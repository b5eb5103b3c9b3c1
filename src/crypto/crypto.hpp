// Password hashing (argon2id), password policy, random tokens, SHA-256, HMAC-SHA-256 and Ed25519
// signatures, all over libsodium.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>


namespace kc::crypto {

// Must be called once before any other function here (idempotent, thread-safe).
void init_crypto();

std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& stored_hash);

// Policy: at least 10 characters (code points), and 3 of the 4 classes lower case, upper case,
// digits and others. Returns the reasons it fails (empty when it passes).
std::vector<std::string> password_policy_failures(std::string_view password);

// A random password that satisfies the policy, for generated initial passwords.
std::string generate_password();
// `bytes` random bytes as URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 32);
std::string sha256_hex(std::string_view data);
// Compares secrets in constant time.
bool equal_secrets(std::string_view a, std::string_view b);

// `bytes` random bytes (raw, for keys).
std::string random_bytes(std::size_t bytes);
// HMAC-SHA-256 of `data` under `key` (any length), as 64 lower-case hex digits.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);
std::string to_hex(std::string_view bytes);
// Lower- or upper-case hex; nullopt when not hex or of odd length.
std::optional<std::string> from_hex(std::string_view hex);
// Standard or URL-safe base64, padded or not; nullopt when not base64.
std::optional<std::string> from_base64(std::string_view text);
std::string to_base64(std::string_view bytes);

// Ed25519 from a 32-byte seed: the 32-byte public key, a 64-byte detached signature, its check.
constexpr std::size_t kEd25519SeedBytes = 32;
std::string ed25519_public_key(std::string_view seed);
std::string ed25519_sign(std::string_view seed, std::string_view message);
bool ed25519_verify(std::string_view public_key, std::string_view message, std::string_view signature);

}  // namespace kc::crypto
