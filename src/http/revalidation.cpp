#include "http/revalidation.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace kc::http {
namespace {

__extension__ typedef unsigned __int128 Wide;  // g++ and clang; -Wpedantic knows it as an extension

constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;  // 2^64 / golden ratio

// One 64×64→128-bit multiply folded to 64 bits: the mixing step of wyhash-style hashes.
std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  const Wide p = static_cast<Wide>(a) * b;
  return static_cast<std::uint64_t>(p) ^ static_cast<std::uint64_t>(p >> 64);
}

// Eight bytes per step instead of FNV-1a's one: a list page of 20 records (≈ 15 KB) hashes in
// about 2 µs. Not cryptographic, and it need not be: a tag only tells a client whether the copy it
// holds is still the one we would send; the size in the tag and the scope narrow collisions further.
std::uint64_t hash_bytes(std::string_view data, std::uint64_t seed) {
  std::uint64_t h = seed ^ (data.size() * kMul);
  const char* p = data.data();
  std::size_t n = data.size();
  while (n >= 16) {
    std::uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + 8, 8);
    h = mix(a ^ h ^ 0xA0761D6478BD642Full, b ^ 0xE7037ED1A0B428DBull);
    p += 16;
    n -= 16;
  }
  std::uint64_t a = 0, b = 0;
  if (n > 8) {
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + 8, n - 8);
  } else {
    std::memcpy(&a, p, n);
  }
  h = mix(a ^ h ^ 0xA0761D6478BD642Full, b ^ n ^ 0xE7037ED1A0B428DBull);
  return mix(h ^ kMul, h ^ 0x8EBC6AF09C88C6E3ull);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string strong_etag(std::string_view body, std::string_view scope) {
  const std::uint64_t h = hash_bytes(body, hash_bytes(scope, 0));
  char text[48];
  std::snprintf(text, sizeof text, "\"%zx-%016llx\"", body.size(), static_cast<unsigned long long>(h));
  return text;
}

bool none_match_hits(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view item = trim(header.substr(0, comma));
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == "*" || item == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

void revalidate(const Request& request, Response& response, const CacheScope& scope) {
  const auto method = request.method();
  if (method != beast_http::verb::get && method != beast_http::verb::head) return;
  if (response.result() != beast_http::status::ok) return;
  const std::string etag = strong_etag(response.body(), scope.per_user ? scope.user_key : std::string_view{});
  response.set(beast_http::field::etag, etag);
  if (scope.per_user) {
    // Stored by the browser only, and revalidated on every use; another user (another cookie)
    // never gets this copy from a shared cache.
    response.set(beast_http::field::cache_control, "private, no-cache");
    response.set(beast_http::field::vary, "Cookie");
  } else {
    response.set(beast_http::field::cache_control, "no-cache");
  }
  if (!none_match_hits(request[beast_http::field::if_none_match], etag)) return;
  response.result(beast_http::status::not_modified);
  response.erase(beast_http::field::content_type);
  response.body().clear();
  response.prepare_payload();
}

void answer_head(Response& response) {
  if (response.body().empty()) return;  // already a HEAD answer (static files), or no body at all
  response.content_length(response.body().size());
  response.body().clear();
}

}  // namespace kc::http
