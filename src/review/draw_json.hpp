// The draw's JSON contract (review-draw spec §1, §4, §5): strict reading of the input, every key
// required and none unknown, and the output written the same way byte for byte every time.
#pragma once

#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "review/model.hpp"

namespace kc::review {

// Error code "review.input"; the message starts with the field's path ("experts[2].prior_load").
domain::Result<DrawInput> parse_draw_input(std::string_view text);

// §4's document, compact, keys in the spec's order.
std::string draw_output_json(const DrawInput& in, const DrawOutput& out);

}  // namespace kc::review
