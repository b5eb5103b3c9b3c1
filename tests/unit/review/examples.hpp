// The public worked examples of tests/reference/review/ (README there): each input with the
// eligibility worked out by hand. The tests never hold expected values of their own.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "review/draw_json.hpp"
#include "review/model.hpp"

namespace kc::review::test {

inline std::filesystem::path reference_dir() { return std::filesystem::path(KC_REFERENCE_DIR) / "review"; }

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "p1-conflict-codes", … sorted; every input that has an expected-eligibility file beside it.
inline std::vector<std::string> example_names() {
  std::vector<std::string> out;
  const std::string suffix = ".expected-eligibility.json";
  for (const auto& entry : std::filesystem::directory_iterator(reference_dir())) {
    const std::string f = entry.path().filename().string();
    if (f.ends_with(suffix)) out.push_back(f.substr(0, f.size() - suffix.size()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Example {
  std::string name;
  std::string text;        // the input as written
  DrawInput input;
  boost::json::object expected;
};

inline Example load_example(const std::string& name) {
  Example ex;
  ex.name = name;
  ex.text = read_text(reference_dir() / (name + ".json"));
  auto parsed = parse_draw_input(ex.text);
  if (!parsed) ADD_FAILURE() << name << ": " << parsed.error().message;
  else ex.input = parsed.value();
  ex.expected = boost::json::parse(read_text(reference_dir() / (name + ".expected-eligibility.json"))).as_object();
  return ex;
}

inline std::vector<std::string> strings_of(const boost::json::value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.as_array()) out.emplace_back(s.as_string());
  return out;
}

inline std::vector<std::string> ids(const DrawInput& in, const std::vector<std::size_t>& experts) {
  std::vector<std::string> out;
  for (std::size_t e : experts) out.push_back(in.experts[e].id);
  return out;
}

}  // namespace kc::review::test
