// `kechuang rules evaluate --policy hte|sme --input FILE.json [--output FILE.json]`: the policy
// rules engine over a §6.2 input document (policy-rules spec §6). Exit status 1 for bad input or
// an unknown policy, 2 when a file cannot be read or written; nothing is half-written.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "io/rules_json.hpp"

namespace kc::cli {
namespace {

bool read_all(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + path + ": " + std::strerror(errno);
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// Writes to a temporary file beside the target and renames it into place, so readers see either
// the old file or the complete new one.
bool write_atomically(const std::string& path, const std::string& text, std::string& error) {
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    error = "cannot create a temporary file beside " + path + ": " + std::strerror(errno);
    return false;
  }
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = "cannot write " + tmp + ": " + std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    error = "cannot write " + tmp + ": " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = "cannot move the result to " + path + ": " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}

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
