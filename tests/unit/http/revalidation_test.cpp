#include "http/revalidation.hpp"

#include <gtest/gtest.h>

#include <set>

namespace kc::http {
namespace {

Request get(std::string if_none_match = "") {
  Request req{beast_http::verb::get, "/api/v1/x", 11};
  if (!if_none_match.empty()) req.set(beast_http::field::if_none_match, if_none_match);
  return req;
}

Response ok(std::string body) {
  Response res{beast_http::status::ok, 11};
  res.set(beast_http::field::content_type, "application/json");
  res.set(beast_http::field::cache_control, "no-store");
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

TEST(StrongEtag, FollowsEveryByteAndTheScope) {
  const std::string body(15000, 'a');
  const std::string tag = strong_etag(body);
  EXPECT_EQ(tag, strong_etag(body));
  EXPECT_EQ(tag.front(), '"');
  EXPECT_EQ(tag.back(), '"');
  std::set<std::string> seen{tag};
  for (std::size_t at : {0ul, 7ul, 8ul, 15ul, 16ul, 9999ul, 14999ul}) {
    std::string changed = body;
    changed[at] = 'b';
    EXPECT_TRUE(seen.insert(strong_etag(changed)).second) << at;
  }
  for (std::size_t n = 0; n < 40; ++n) EXPECT_TRUE(seen.insert(strong_etag(std::string(n, 'a'))).second) << n;
  EXPECT_NE(strong_etag(body, "user:1"), strong_etag(body, "user:2"));
  EXPECT_NE(strong_etag(body, "user:1"), tag);
}

TEST(NoneMatch, ReadsListsWeakTagsAndTheStar) {
  EXPECT_TRUE(none_match_hits("\"a\"", "\"a\""));
  EXPECT_TRUE(none_match_hits("\"x\", W/\"a\"", "\"a\""));
  EXPECT_TRUE(none_match_hits("*", "\"a\""));
  EXPECT_FALSE(none_match_hits("\"ab\"", "\"a\""));
  EXPECT_FALSE(none_match_hits("", "\"a\""));
}

TEST(Revalidate, PerUserAnswersArePrivateAndAMatchIs304WithoutABody) {
  Response first = ok("{\"items\":[]}");
  revalidate(get(), first, {true, "user:7"});
  EXPECT_EQ(first.result_int(), 200u);
  EXPECT_EQ(first[beast_http::field::cache_control], "private, no-cache");
  EXPECT_EQ(first[beast_http::field::vary], "Cookie");
  const std::string tag(first[beast_http::field::etag]);
  EXPECT_EQ(tag, strong_etag(first.body(), "user:7"));

  Response again = ok("{\"items\":[]}");
  revalidate(get(tag), again, {true, "user:7"});
  EXPECT_EQ(again.result_int(), 304u);
  EXPECT_TRUE(again.body().empty());
  EXPECT_EQ(again[beast_http::field::etag], tag);

  Response someone_else = ok("{\"items\":[]}");
  revalidate(get(tag), someone_else, {true, "user:8"});
  EXPECT_EQ(someone_else.result_int(), 200u);
}

TEST(Revalidate, PublicAnswersAreNoCacheAndErrorsAreLeftAlone) {
  Response health = ok("{\"status\":\"ok\"}");
  revalidate(get(), health, {});
  EXPECT_EQ(health[beast_http::field::cache_control], "no-cache");
  EXPECT_EQ(health[beast_http::field::vary], "");

  Response missing{beast_http::status::not_found, 11};
  missing.set(beast_http::field::cache_control, "no-store");
  missing.body() = "{}";
  revalidate(get("*"), missing, {});
  EXPECT_EQ(missing.result_int(), 404u);
  EXPECT_EQ(missing[beast_http::field::etag], "");
  EXPECT_EQ(missing[beast_http::field::cache_control], "no-store");
}

TEST(AnswerHead, KeepsTheLengthAndDropsTheBody) {
  Response res = ok("twelve bytes");
  answer_head(res);
  EXPECT_TRUE(res.body().empty());
  EXPECT_EQ(res[beast_http::field::content_length], "12");
}

}  // namespace
}  // namespace kc::http
