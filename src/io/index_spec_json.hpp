// The JSON forms of an index build (spec.json: the steps in order) and of an uncertainty analysis
// (vary.json: the choices to vary), as the CLI contract in spec/composite-index.md defines them.
// Unknown keys are refused so that a typo does not silently fall back to a default.
#pragma once

#include <string_view>

#include "domain/result.hpp"
#include "index/spec.hpp"
#include "index/uncertainty.hpp"

namespace kc::io {

domain::Result<index::PipelineSpec> parse_pipeline_spec(std::string_view json);
domain::Result<index::VarySpec> parse_vary_spec(std::string_view json);

}  // namespace kc::io
