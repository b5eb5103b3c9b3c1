// Building responses: JSON bodies, RFC 9457 problem details, downloads, and security headers.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "app/outcome.hpp"
#include "http/types.hpp"

namespace kc::http {

Response json_response(const Request& req, beast_http::status status, const boost::json::value& body);
// A 200 whose body is a JSON document written elsewhere (an engine's output), sent as it is.
Response json_text_response(const Request& req, std::string body);
Response problem_response(const Request& req, const app::Problem& problem);
// A message's parameters as a JSON object ({"max": 200, "char": "I"}).
boost::json::object params_json(const app::MessageParams& params);
// What an error about one value carries besides where it is: its English `message` and, when it
// has one, its `code` and `params` for the web to translate (into `out`, beside `field` or `row`).
void put_refusal(boost::json::object& out, const std::string& message, const std::string& code,
                 const app::MessageParams& params);
Response no_content(const Request& req);
Response download(const Request& req, std::string body, const std::string& content_type,
                  const std::string& filename);
// Headers every response carries (CSP, frame denial, no sniffing, referrer policy), and HSTS when
// the client reached us over HTTPS (`tls`: a trusted proxy said X-Forwarded-Proto: https).
void add_security_headers(Response& res, bool tls = false);

}  // namespace kc::http
