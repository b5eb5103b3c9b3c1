// `kechuang review draw --input FILE.json [--output FILE.json]`: the reviewer draw over a
// review-draw spec §1 input (spec §5). Exit status 1 for malformed input (the message names the
// field; nothing is written), 2 when a file cannot be read or written. An infeasible draw is not
// an error: it exits 0 and lists the short applications. Standard output, without --output,
// carries the same bytes the file would.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "review/draw.hpp"
#include "review/draw_json.hpp"

namespace kc::cli {
namespace {

struct DrawOptions {
  std::string input;
  std::string output;
};

void run_draw(const DrawOptions& o) {
  std::string text, error;
  if (!read_all(o.input, text, error)) {
    std::cerr << "kechuang review draw: " << error << "\n";
    throw CLI::RuntimeError(2);
  }
  const auto in = review::parse_draw_input(text);
  if (!in) {
    std::cerr << "kechuang review draw: " << o.input << ": " << in.error().message << "\n";
    throw CLI::RuntimeError(1);
  }
  const std::string result = review::draw_output_json(in.value(), review::draw(in.value())) + "\n";
  if (o.output.empty()) {
    std::cout << result;
    return;
  }
  if (!write_atomically(o.output, result, error)) {
    std::cerr << "kechuang review draw: " << error << "\n";
    throw CLI::RuntimeError(2);
  }
}

}  // namespace

void add_review_command(CLI::App& app) {
  auto* review = app.add_subcommand("review", "Expert review: reviewer draw with conflict-of-interest avoidance");
  review->require_subcommand(1);
  auto opts = std::make_shared<DrawOptions>();
  auto* draw = review->add_subcommand(
      "draw", "Draw review panels and reserves (JSON, docs/review-draw.md) reproducibly from a seed");
  draw->add_option("--input", opts->input, "input JSON file")->required();
  draw->add_option("--output", opts->output, "output JSON file (default: standard output)");
  draw->callback([opts] { run_draw(*opts); });
}

}  // namespace kc::cli
