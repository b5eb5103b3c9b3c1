// The readers' size refusals (too many cells, fields, XML elements, too much text) as their own
// problems: 422 with a stable code and the figures as params, so the front end can say which
// limit was passed and by how much rather than showing a generic "invalid file".
#pragma once

#include <optional>
#include <string>

#include "app/outcome.hpp"
#include "domain/result.hpp"

namespace kc::app {

// The problem for a limit error of io/ (xlsx.too_many_cells, csv.too_many_fields, …), naming
// `field` in its errors; nullopt for any other error.
std::optional<Problem> limit_problem(const domain::Error& error, const std::string& field);

}  // namespace kc::app
