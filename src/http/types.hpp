// HTTP message types shared by the server, the router and the handlers.
#pragma once

#include <boost/beast/http.hpp>
#include <map>
#include <optional>
#include <string>

#include "app/accounts/auth_service.hpp"
#include "app/actor.hpp"

namespace kc::http {

namespace beast_http = boost::beast::http;
using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;

// Where a request came from, as the server saw it.
struct Peer {
  std::string ip;
  bool tls = false;  // the original client connection was HTTPS (via a trusted proxy)
};

// Everything a handler needs: the request, its parsed path and query, and who is asking.
struct Exchange {
  const Request& request;
  Peer peer;
  std::string path;
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> params;  // from "{name}" segments of the route
  std::optional<app::Authenticated> session;
  app::Actor actor;
  std::string session_token;

  std::string query_value(const std::string& key, const std::string& fallback = "") const {
    auto it = query.find(key);
    return it == query.end() ? fallback : it->second;
  }
};

// What a handler returns, plus the user name for the access log.
struct Reply {
  Response response;
  std::string user;
};

}  // namespace kc::http
