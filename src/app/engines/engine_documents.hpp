// The engines whose machine contract is one JSON document in, one out — the assessment engine
// (spec/assessment.md) and the reviewer draw (spec/review-draw.md) — for the web and the batch
// paths: who may run them, and the audit record a draw leaves. The CLI runs the same engines over
// files (`kechuang assess`, `kechuang review draw`), so the three paths give the same bytes.
#pragma once

#include <string>
#include <string_view>

#include "app/actor.hpp"
#include "app/outcome.hpp"
#include "store/database.hpp"

namespace kc::app {

// For bureau users (not enterprise accounts); 422 naming the node or field for a refused input.
Outcome<std::string> assess_document(const Actor& actor, std::string_view input);

// For administrators and staff. Every draw is audited (`review.draw`): its seed and the SHA-256 of
// its input and output, so a panel can be shown to come from the stated input and seed (and a
// redraw with another seed cannot pass unseen).
Outcome<std::string> draw_reviewers(store::Database& db, const Actor& actor, std::string_view input);

}  // namespace kc::app
