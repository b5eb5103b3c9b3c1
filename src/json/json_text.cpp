#include "json/json_text.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace kc::json {
namespace {

void write(const boost::json::value& v, std::string& out) {
  switch (v.kind()) {
    case boost::json::kind::double_: {
      const double d = v.get_double();
      if (!std::isfinite(d)) {  // JSON has no infinities; the engine never makes one
        out += "null";
        return;
      }
      char buf[32];
      const auto r = std::to_chars(buf, buf + sizeof buf, d);
      const std::string_view text(buf, static_cast<std::size_t>(r.ptr - buf));
      out += text;
      // "100.0", not "100": a score stays a number with a fraction for readers that type by it.
      if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
      return;
    }
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& [k, x] : v.get_object()) {
        if (!first) out += ',';
        first = false;
        out += boost::json::serialize(boost::json::string(k));
        out += ':';
        write(x, out);
      }
      out += '}';
      return;
    }
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& x : v.get_array()) {
        if (!first) out += ',';
        first = false;
        write(x, out);
      }
      out += ']';
      return;
    }
    default: out += boost::json::serialize(v);  // strings, integers, booleans, null
  }
}

}  // namespace

std::string to_text(const boost::json::value& v) {
  std::string out;
  write(v, out);
  return out;
}

}  // namespace kc::json
