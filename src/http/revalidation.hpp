// HEAD answered with the headers (the Content-Length included) of the GET, without a body.
#pragma once

#include "http/types.hpp"

namespace kc::http {

// For a HEAD: keeps the Content-Length of the body the GET would carry and drops the body, so
// the connection stays in step (a HEAD response never has a body).
void answer_head(Response& response);

}  // namespace kc::http
