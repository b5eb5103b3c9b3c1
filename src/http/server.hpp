// The HTTP server: Beast over Asio with C++20 coroutines on I/O threads, request handling on a
// worker pool (database and engines block), limits on sizes, time and connections, a JSON access
// log, and graceful shutdown on SIGINT/SIGTERM (requests in flight finish first).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "http/metrics.hpp"
#include "http/types.hpp"

namespace kc::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t io_threads = 1;
  std::size_t workers = 4;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 16 * 1024 * 1024;
  std::chrono::seconds request_timeout{30};   // reading one request, writing one response
  std::chrono::seconds keep_alive_timeout{60};
  std::chrono::seconds shutdown_grace{15};
  std::size_t max_connections = 1024;
  bool trust_proxy = false;  // honour X-Forwarded-For / X-Forwarded-Proto
};

using Handler = std::function<Reply(const Request&, const Peer&)>;

class Server {
 public:
  Server(ServerOptions options, Handler handler, Metrics& metrics);
  ~Server();
  // Binds, calls `on_listening` with the bound port, serves until a signal or stop(), then
  // drains in-flight requests and returns.
  void run(const std::function<void(unsigned short)>& on_listening);
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kc::http
