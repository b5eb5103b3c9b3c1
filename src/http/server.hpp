// The HTTP server: Beast over Asio with C++20 coroutines on I/O threads, request handling on two
// worker pools (a normal one and one for heavy, long-running requests, so sign-in and health never
// wait behind an analysis), limits on sizes, time, connections and buffered bytes, a JSON access
// log, and graceful shutdown on SIGINT/SIGTERM (requests in flight finish first).
//
// A request is read in two steps: the header first (under a short header timeout), then, once the
// application has said what the route allows (its body limit, its lane, whether the caller must be
// signed in before a large body is accepted), the body.
#pragma once

#include <boost/asio/ip/address.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/metrics.hpp"
#include "http/types.hpp"

namespace kc::http {

// An address range ("10.0.0.0/8", "::1", "192.168.1.7").
class Cidr {
 public:
  // Throws std::invalid_argument for text that is not an address or range.
  static Cidr parse(std::string_view text);
  bool contains(const boost::asio::ip::address& address) const;
  std::string to_string() const;

 private:
  boost::asio::ip::address network_;
  unsigned prefix_ = 0;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t io_threads = 1;
  std::size_t workers = 4;        // the normal lane
  std::size_t heavy_workers = 2;  // the heavy lane (index analyses, imports, exports)
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 16 * 1024 * 1024;  // upload routes, for a signed-in caller
  std::size_t small_body_bytes = 64 * 1024;       // every other route
  std::chrono::seconds header_timeout{5};     // from a connection (or the next request's first byte) to its header
  std::chrono::seconds request_timeout{30};   // reading one body, writing one response
  std::chrono::seconds keep_alive_timeout{60};
  std::chrono::seconds shutdown_grace{15};
  std::size_t max_connections = 1024;
  std::size_t max_connections_per_ip = 64;
  std::size_t max_in_flight_bytes = 256 * 1024 * 1024;        // bodies buffered, not yet answered
  std::size_t max_in_flight_bytes_per_ip = 64 * 1024 * 1024;
  std::size_t max_heavy_per_user = 2;  // concurrent heavy requests of one user (or address)
  bool trust_proxy = false;  // honour X-Forwarded-For / X-Forwarded-Proto from trusted_proxies
  std::vector<Cidr> trusted_proxies;  // empty with trust_proxy: loopback only
};

using RequestHeader = beast_http::request_header<>;
using Handler = std::function<Reply(const Request&, const Peer&)>;

// What the application says about a request once its header is read (on the I/O thread: cheap).
struct RequestPlan {
  bool upload = false;       // may carry a body up to max_body_bytes (else small_body_bytes)
  bool heavy = false;        // runs on the heavy lane, counted against max_heavy_per_user
  bool admit_first = false;  // call `admit` before reading the body
};

// The answer of `admit`: a refusal (sent without reading the body), or the caller's key for the
// per-user heavy limit ("user:42", or "ip:…" when not signed in).
struct Admission {
  std::optional<Reply> refusal;
  std::string key;
};

struct Application {
  std::function<RequestPlan(const RequestHeader&)> plan;
  std::function<Admission(const RequestHeader&, const Peer&)> admit;  // on a worker: may use the database
  Handler handle;
};

// The client as the server sees it. Forwarding headers are honoured only when `trust_proxy` is on
// and the socket peer is a trusted proxy: then X-Forwarded-For is walked from the right, skipping
// trusted proxies, and the first untrusted hop is the client ("unknown" if that hop is not an
// address); X-Forwarded-Proto (its last value) says whether the client used HTTPS.
Peer resolve_peer(const boost::asio::ip::address& socket_peer, const RequestHeader& header,
                  bool trust_proxy, const std::vector<Cidr>& trusted);
bool is_trusted_proxy(const boost::asio::ip::address& address, const std::vector<Cidr>& trusted);

// True when the request target, percent-decoded, is valid UTF-8 without NUL bytes.
bool valid_target(std::string_view target);
// Text safe to put in a log line: invalid UTF-8 bytes and control characters become %XX.
std::string loggable(std::string_view text);

class Server {
 public:
  Server(ServerOptions options, Application app, Metrics& metrics);
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
