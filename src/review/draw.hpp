// The reviewer draw (review-draw spec §3): panels of eligible experts, drawn at random from the
// seed, within loads and the affiliation cap, as full as any assignment can make them; then the
// ordered reserves.
//
// Order of random draws (the reproducibility contract, §3.6): one DrawRng from the seed;
//  1. the applications, sorted by id, are shuffled: the order their panels are drawn in;
//  2. for each application in that order, seat by seat: a uniformly random expert among the
//     application's eligible experts not yet tried for it (kept sorted by id); it takes the seat
//     when a maximum assignment still allows it, otherwise it is dropped for this application
//     and the next is drawn; with none left the application stays short;
//  3. for each application in the order of step 1, its reserves by a partial shuffle of the
//     candidates (eligible, off its panel, with room for one more review), sorted by id.
// Sorting by id before drawing makes the result independent of the input's order.
#pragma once

#include "review/model.hpp"

namespace kc::review {

// The input must be valid (parse_draw_input checks it).
DrawOutput draw(const DrawInput& in);

}  // namespace kc::review
