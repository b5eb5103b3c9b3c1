#include "http/static_files.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>

namespace kc::http {
namespace {

std::string gunzip(const std::string& data) {
  z_stream zs{};
  inflateInit2(&zs, 15 + 16);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  inflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root = std::filesystem::temp_directory_path() / ("kc-static-" + std::to_string(::getpid()));
    std::filesystem::create_directories(root / "assets");
    std::ofstream(root / "index.html") << "<div id=app></div>";
    std::ofstream(root / "assets" / "main-abc123.css") << std::string(4000, 'a');
  }
  void TearDown() override { std::filesystem::remove_all(root); }
  Response get(const std::string& target, bool gzip_ok = false, std::string if_none_match = "",
               beast_http::verb method = beast_http::verb::get) {
    Request req{method, target, 11};
    if (gzip_ok) req.set(beast_http::field::accept_encoding, "gzip");
    if (!if_none_match.empty()) req.set(beast_http::field::if_none_match, if_none_match);
    return StaticFiles(root).serve(req);
  }
  std::filesystem::path root;
};

TEST_F(StaticFilesTest, FallsBackToIndexForAppRoutes) {
  auto r = get("/users/3");
  EXPECT_EQ(r.result_int(), 200u);
  EXPECT_EQ(r.body(), "<div id=app></div>");
  EXPECT_EQ(r[beast_http::field::cache_control], "no-cache");
}

TEST_F(StaticFilesTest, ServesAssetsWithLongCacheAndGzip) {
  auto plain = get("/assets/main-abc123.css");
  EXPECT_EQ(plain[beast_http::field::cache_control], "public, max-age=31536000, immutable");
  EXPECT_EQ(plain[beast_http::field::content_type], "text/css; charset=utf-8");
  auto zipped = get("/assets/main-abc123.css", true);
  EXPECT_EQ(zipped[beast_http::field::content_encoding], "gzip");
  EXPECT_LT(zipped.body().size(), plain.body().size());
  EXPECT_EQ(gunzip(zipped.body()), plain.body());
}

TEST_F(StaticFilesTest, HeadCarriesTheLengthOfTheGetAndNoBody) {
  const auto full = get("/assets/main-abc123.css");
  const auto head = get("/assets/main-abc123.css", false, "", beast_http::verb::head);
  EXPECT_EQ(head.result_int(), 200u);
  EXPECT_TRUE(head.body().empty());
  EXPECT_EQ(head[beast_http::field::content_length], std::to_string(full.body().size()));
  EXPECT_EQ(head[beast_http::field::etag], full[beast_http::field::etag]);
  const auto zipped = get("/assets/main-abc123.css", true);
  const auto zipped_head = get("/assets/main-abc123.css", true, "", beast_http::verb::head);
  EXPECT_EQ(zipped_head[beast_http::field::content_length], std::to_string(zipped.body().size()));
}

TEST_F(StaticFilesTest, AnEtagThatStillMatchesAnswers304) {
  const auto first = get("/index.html");
  const std::string etag(first[beast_http::field::etag]);
  ASSERT_FALSE(etag.empty());
  const auto again = get("/index.html", false, etag);
  EXPECT_EQ(again.result_int(), 304u);
  EXPECT_TRUE(again.body().empty());
  EXPECT_EQ(again[beast_http::field::etag], etag);
  EXPECT_EQ(get("/index.html", false, "\"other\", W/" + etag).result_int(), 304u);
  // The gzipped bytes are another representation with their own validator.
  const auto zipped = get("/assets/main-abc123.css", true);
  const auto plain = get("/assets/main-abc123.css");
  EXPECT_NE(zipped[beast_http::field::etag], plain[beast_http::field::etag]);
  EXPECT_EQ(get("/assets/main-abc123.css", false, std::string(zipped[beast_http::field::etag])).result_int(), 200u);
  // A changed file changes its tag.
  std::ofstream(root / "index.html") << "<div id=app>v2</div>";
  std::filesystem::last_write_time(root / "index.html",
                                   std::filesystem::last_write_time(root / "index.html") + std::chrono::seconds(2));
  const auto changed = get("/index.html", false, etag);
  EXPECT_EQ(changed.result_int(), 200u);
  EXPECT_EQ(changed.body(), "<div id=app>v2</div>");
}

TEST_F(StaticFilesTest, RefusesTraversalAndMissingFiles) {
  EXPECT_EQ(get("/../etc/passwd").result_int(), 404u);
  EXPECT_EQ(get("/%2e%2e/%2e%2e/etc/passwd").result_int(), 404u);
  EXPECT_EQ(get("/assets/nope.js").result_int(), 404u);
}

}  // namespace
}  // namespace kc::http
