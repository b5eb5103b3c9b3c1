// `kechuang rules evaluate --policy hte|sme --input FILE.json [--output FILE.json]`: the policy
// rules engine over a §6.2 input document (policy-rules spec §6). Exit status 1 for bad input or
// an unknown policy, 2 when a file cannot be read or written; nothing is half-written.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "io/rules_json.hpp"

namespace kc::cli {
namespace {

struct EvaluateOptions {
  std::string policy;
  std::string input;
  std::string output;
};

void run_evaluate(const EvaluateOptions& o) {
  std::string text, error;
  if (!read_all(o.input, text, error)) {
    std::cerr << "kechuang rules evaluate: " << error << "\n";
    throw CLI::RuntimeError(2);
  }
  const io::RulesEvaluation ev = io::evaluate_rules_document(o.policy, text);
  if (!ev.ok) {
    std::cerr << "kechuang rules evaluate: " << o.input << ": " << ev.error << "\n";
    throw CLI::RuntimeError(1);
  }
  if (o.output.empty()) {
    std::cout << ev.output << "\n";
    return;
  }
  if (!write_atomically(o.output, ev.output + "\n", error)) {
    std::cerr << "kechuang rules evaluate: " << error << "\n";
    throw CLI::RuntimeError(2);
  }
}

}  // namespace

void add_rules_command(CLI::App& app) {
  auto* rules = app.add_subcommand("rules", "Official policy rules: HTE recognition, S&T SME evaluation");
  rules->require_subcommand(1);
  auto opts = std::make_shared<EvaluateOptions>();
  auto* eval = rules->add_subcommand(
      "evaluate", "Evaluate enterprises (JSON, policy-rules spec §6.2) against a policy version");
  eval->add_option("--policy", opts->policy,
                   "hte, sme (the version in force at as_of) or a version id such as hte-2016")
      ->required();
  eval->add_option("--input", opts->input, "input JSON file")->required();
  eval->add_option("--output", opts->output, "output JSON file (default: standard output)");
  eval->callback([opts] { run_evaluate(*opts); });
}

}  // namespace kc::cli
