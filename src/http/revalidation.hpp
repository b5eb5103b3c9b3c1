// Conditional GETs and HEAD: strong ETags from a response's bytes, If-None-Match answered with
// 304, and HEAD answered with the headers (the Content-Length included) of the GET, without a body.
#pragma once

#include <string>
#include <string_view>

#include "http/types.hpp"

namespace kc::http {

// A strong validator of `body`: its size and a fast 64-bit non-cryptographic hash (8 bytes per
// multiply; see revalidation.cpp) of `scope` and the bytes, as "\"<size hex>-<hash hex>\"".
// `scope` keeps equal bytes sent to different users from sharing a tag.
std::string strong_etag(std::string_view body, std::string_view scope = {});

// If-None-Match lists `etag` (weak comparison, as RFC 9110 §13.1.2 asks for this header), or "*".
bool none_match_hits(std::string_view header, std::string_view etag);

// Who a revalidated response belongs to: everyone (public routes) or the signed-in user.
struct CacheScope {
  bool per_user = false;
  std::string user_key;  // "user:42"; part of the ETag when per_user
};

// A 200 of a GET or HEAD gets an ETag and `Cache-Control: no-cache` (stored, but revalidated on
// every use), `private` and `Vary: Cookie` when it is per-user data; when the request's
// If-None-Match holds that ETag the answer becomes 304 without a body. Other answers are left alone.
void revalidate(const Request& request, Response& response, const CacheScope& scope);

// For a HEAD: keeps the Content-Length of the body the GET would carry and drops the body, so
// the connection stays in step (a HEAD response never has a body).
void answer_head(Response& response);

}  // namespace kc::http
