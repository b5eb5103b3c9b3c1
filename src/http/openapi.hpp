// The OpenAPI 3 document, generated from the route table so it cannot drift from the code.
#pragma once

#include <boost/json.hpp>

#include "http/router.hpp"

namespace kc::http {

boost::json::value openapi_document(const Router& router);

}  // namespace kc::http
