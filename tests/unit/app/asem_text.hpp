// Shared by the app tests of the index service: the text of one ASEM reference file, as the web
// studio would send it (KC_REFERENCE_DIR is set by the unit-test build).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "io/csv.hpp"

namespace kc::app::test {

inline std::string asem(const std::string& file) {
  auto text = io::read_file(std::string(KC_REFERENCE_DIR) + "/asem/" + file);
  EXPECT_TRUE(text.ok()) << file;
  return text.ok() ? text.value() : std::string();
}

}  // namespace kc::app::test
