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
  Response get(const std::string& target, bool gzip_ok = false) {
    Request req{beast_http::verb::get, target, 11};
    if (gzip_ok) req.set(beast_http::field::accept_encoding, "gzip");
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

TEST_F(StaticFilesTest, RefusesTraversalAndMissingFiles) {
  EXPECT_EQ(get("/../etc/passwd").result_int(), 404u);
  EXPECT_EQ(get("/%2e%2e/%2e%2e/etc/passwd").result_int(), 404u);
  EXPECT_EQ(get("/assets/nope.js").result_int(), 404u);
}

}  // namespace
}  // namespace kc::http
