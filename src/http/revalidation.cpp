#include "http/revalidation.hpp"

namespace kc::http {

void answer_head(Response& response) {
  if (response.body().empty()) return;  // already a HEAD answer (static files), or no body at all
  response.content_length(response.body().size());
  response.body().clear();
}

}  // namespace kc::http
