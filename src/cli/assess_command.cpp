// `kechuang assess --input FILE.json [--output FILE.json]`: the assessment engine over an INPUT
// document (spec/assessment.md §8). Exit status 1 for a refused scheme or malformed input (the
// message names the node, unit or field; nothing is written to --output), 2 when a file cannot be
// read or written.
#include <iostream>
#include <memory>
#include <string>

#include "assess/assess.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"

namespace kc::cli {
namespace {

struct AssessOptions {
  std::string input;
  std::string output;
};

void run_assess(const AssessOptions& o) {
  std::string text, error;
  if (!read_all(o.input, text, error)) {
    std::cerr << "kechuang assess: " << error << "\n";
    throw CLI::RuntimeError(2);
  }
  const auto result = assess::assess_document(text);
  if (!result) {
    std::cerr << "kechuang assess: " << o.input << ": " << result.error().message << "\n";
    throw CLI::RuntimeError(1);
  }
  if (o.output.empty()) {
    std::cout << result.value() << "\n";
    return;
  }
  if (!write_atomically(o.output, result.value() + "\n", error)) {
    std::cerr << "kechuang assess: " << error << "\n";
    throw CLI::RuntimeError(2);
  }
}

}  // namespace

void add_assess_command(CLI::App& app) {
  auto opts = std::make_shared<AssessOptions>();
  auto* cmd = app.add_subcommand(
      "assess", "Score, rank and grade units by an assessment scheme (JSON, spec/assessment.md)");
  cmd->add_option("--input", opts->input, "input JSON file (a scheme and its units)")->required();
  cmd->add_option("--output", opts->output, "output JSON file (default: standard output)");
  cmd->callback([opts] { run_assess(*opts); });
}

}  // namespace kc::cli
