#include "http/static_files.hpp"

#include <zlib.h>

#include <boost/url.hpp>
#include <fstream>
#include <sstream>

#include "app/messages.hpp"
#include "http/responses.hpp"
#include "http/revalidation.hpp"

namespace kc::http {
namespace {

constexpr std::uintmax_t kMaxCachedFile = 16 * 1024 * 1024;

std::string mime_type(const std::filesystem::path& p) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".ico", "image/x-icon"}, {".woff", "font/woff"},
      {".woff2", "font/woff2"}, {".ttf", "font/ttf"}, {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"}, {".webmanifest", "application/manifest+json"}};
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

bool compressible(const std::string& mime) {
  return mime.starts_with("text/") || mime.starts_with("application/json") ||
         mime.starts_with("image/svg") || mime.starts_with("application/manifest");
}

}  // namespace

std::string gzip(const std::string& data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string{};
}

StaticFiles::StaticFiles(std::filesystem::path root) {
  std::error_code ec;
  if (!root.empty() && std::filesystem::is_directory(root, ec)) root_ = std::filesystem::canonical(root, ec);
}

std::shared_ptr<const StaticFiles::Cached> StaticFiles::load(const std::filesystem::path& file) {
  std::error_code ec;
  const auto mtime = std::filesystem::last_write_time(file, ec);
  if (ec) return nullptr;
  std::lock_guard lock(mutex_);
  auto it = cache_.find(file.string());
  if (it != cache_.end() && it->second->mtime == mtime) return it->second;
  if (std::filesystem::file_size(file, ec) > kMaxCachedFile || ec) return nullptr;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  auto entry = std::make_shared<Cached>(Cached{mtime, buffer.str(), {}, {}});
  entry->etag = strong_etag(entry->body);
  if (compressible(mime_type(file)) && entry->body.size() > 512) {
    entry->gzipped = gzip(entry->body);
    if (entry->gzipped.size() >= entry->body.size()) entry->gzipped.clear();
  }
  if (cache_.size() > 4096) cache_.clear();  // bounded; a rebuilt front end replaces its files
  return cache_[file.string()] = std::move(entry);
}

Response StaticFiles::serve(const Request& request) {
  if (request.method() != beast_http::verb::get && request.method() != beast_http::verb::head) {
    auto res = problem_response(request, {405, "method_not_allowed", "Method not allowed",
                                          "Static files accept GET and HEAD.", {}});
    res.set(beast_http::field::allow, "GET, HEAD");
    return res;
  }
  if (root_.empty()) {
    return problem_response(request, app::Problem::not_found({app::msg::web_not_installed}));
  }
  std::string_view target = request.target();
  target = target.substr(0, target.find('?'));
  auto decoded = boost::urls::make_pct_string_view(target);
  std::string path = decoded ? decoded->decode() : std::string(target);
  if (path.find('\0') != std::string::npos || path.find("..") != std::string::npos) {
    return problem_response(request, app::Problem::not_found({app::msg::no_file, {{"path", std::string("/")}}}));
  }
  std::filesystem::path file = root_ / std::filesystem::path(path).relative_path();
  std::error_code ec;
  bool is_asset = path.starts_with("/assets/");
  if (path == "/" || !std::filesystem::is_regular_file(file, ec)) {
    // History fallback: app routes like /users load the app; a missing asset file is a 404.
    if (is_asset || std::filesystem::path(path).has_extension()) {
      return problem_response(request, app::Problem::not_found({app::msg::no_file, {{"path", path}}}));
    }
    file = root_ / "index.html";
    is_asset = false;
  }
  const auto cached = load(file);
  if (!cached) return problem_response(request, app::Problem::not_found({app::msg::no_file, {{"path", path}}}));

  Response res{beast_http::status::ok, request.version()};
  const std::string mime = mime_type(file);
  res.set(beast_http::field::content_type, mime);
  res.set(beast_http::field::cache_control, is_asset ? "public, max-age=31536000, immutable" : "no-cache");
  const bool gzip_ok = !cached->gzipped.empty() &&
                       request[beast_http::field::accept_encoding].find("gzip") != std::string_view::npos;
  if (!cached->gzipped.empty()) res.set(beast_http::field::vary, "Accept-Encoding");
  if (gzip_ok) res.set(beast_http::field::content_encoding, "gzip");
  const std::string& body = gzip_ok ? cached->gzipped : cached->body;
  const std::string etag = gzip_ok ? cached->etag.substr(0, cached->etag.size() - 1) + "-gz\"" : cached->etag;
  res.set(beast_http::field::etag, etag);
  if (none_match_hits(request[beast_http::field::if_none_match], etag)) {
    res.result(beast_http::status::not_modified);
    res.prepare_payload();
    return res;
  }
  if (request.method() == beast_http::verb::head) {
    // The headers of the GET, the length included; the body is never sent.
    res.content_length(body.size());
    return res;
  }
  res.body() = body;
  res.prepare_payload();
  return res;
}

}  // namespace kc::http
