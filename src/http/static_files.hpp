// Serves the single-page app from a directory: history fallback to index.html, long cache for
// hashed assets, gzip when the client accepts it (compressed once and kept in memory), ETags with
// 304 for If-None-Match, and HEAD with the Content-Length of the GET.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "http/types.hpp"

namespace kc::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  Response serve(const Request& request);
  bool available() const { return !root_.empty(); }

 private:
  struct Cached {
    std::filesystem::file_time_type mtime;
    std::string body;
    std::string gzipped;  // empty when compression does not pay
    std::string etag;     // of `body`; the gzipped bytes carry it with a "-gz" suffix
  };
  // Shared so that a response being built keeps its entry alive while the cache is refilled.
  std::shared_ptr<const Cached> load(const std::filesystem::path& file);

  std::filesystem::path root_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Cached>> cache_;
};

std::string gzip(const std::string& data);

}  // namespace kc::http
