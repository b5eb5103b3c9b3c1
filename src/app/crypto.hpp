// Password hashing (argon2id), password policy, random tokens and SHA-256, all over libsodium.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/outcome.hpp"

namespace kc::app {

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

}  // namespace kc::app
