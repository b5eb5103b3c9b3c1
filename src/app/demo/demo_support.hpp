// Building blocks of the demo district generator: a portable deterministic random source, exact
// splits of a total into parts, record writers by field name, and the word lists names are made of.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/registry_kind.hpp"
#include "store/database.hpp"
#include "store/record_store.hpp"

namespace kc::app::demo {

// std::mt19937_64's output is fixed by the standard; the distributions are not, so the generator
// draws through these helpers only and produces the same district with every standard library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t next() { return engine_(); }
  // Uniform integer in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
  // Log-uniform in [lo, hi]: many small values, a few large ones (firm sizes).
  double log_uniform(double lo, double hi);
  bool chance(double p) { return unit() < p; }
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(items.size()) - 1))];
  }
  template <class T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1],
                items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(i) - 1))]);
    }
  }
  // A day of `year`, optionally limited to [from_day, to_day] (1-based day of year).
  domain::Date day_in(int year, int from_day = 1, int to_day = 365);

 private:
  std::mt19937_64 engine_;
};

// A seed for an independent stream (one per enterprise), mixed so neighbouring ids differ widely.
std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t stream);

// Splits `total` into `parts` positive amounts that add up to it exactly, in multiples of
// `quantum`, with sizes varying by up to a factor of (1 + spread). total % quantum must be 0.
std::vector<std::int64_t> split_exact(Random& random, std::int64_t total, int parts, double spread,
                                      std::int64_t quantum = 1);

domain::Date ymd(int year, int month, int day);
inline domain::Cell cell(std::int64_t v) { return domain::Cell{v}; }
inline domain::Cell cell(std::string v) { return domain::Cell{std::move(v)}; }
inline domain::Cell cell(const char* v) { return domain::Cell{std::string(v)}; }
inline domain::Cell cell(domain::Date d) { return domain::Cell{d.to_string()}; }
inline domain::Cell cell_bool(bool v) { return domain::Cell{std::int64_t{v ? 1 : 0}}; }

// Inserts records of one kind; fields are set by name (columns looked up once per name).
class Writer {
 public:
  Writer(store::Connection& conn, std::string_view kind);
  std::size_t column(std::string_view field) const;
  store::Record blank() const;
  std::int64_t insert(const store::Record& record);
  std::int64_t written() const { return written_; }
  const domain::KindDef& kind() const { return kind_; }
  // The district records of a kind with a district field of its own are placed in, when the
  // generator does not set the field (the seed district unless changed).
  void set_district(std::string code) { district_ = std::move(code); }

  // A record being filled: w.row().set("name", cell("…")).set(…).insert().
  class Row {
   public:
    explicit Row(Writer& w) : w_(w), record_(w.blank()) {}
    Row& set(std::string_view field, domain::Cell value) {
      record_.cells[w_.column(field)] = std::move(value);
      return *this;
    }
    std::int64_t insert() { return w_.insert(record_); }

   private:
    Writer& w_;
    store::Record record_;
  };
  Row row() { return Row(*this); }

 private:
  const domain::KindDef& kind_;
  store::RecordStore store_;
  std::int64_t written_ = 0;
  std::optional<std::size_t> district_column_;
  std::string district_;
};

// Word lists for names (enterprise names, people, titles); plain data, see demo_support.cpp.
struct Words {
  static std::span<const std::string_view> firm_prefixes();
  static std::span<const std::string_view> surnames();
  static std::span<const std::string_view> given_names();
  static std::span<const std::string_view> towns();
  static std::span<const std::string_view> roads();
  static std::span<const std::string_view> inventions();  // "一种…" patent title endings
  static std::span<const std::string_view> universities();
  static std::span<const std::string_view> banks();
};

// A person's name: surname and one or two given characters.
std::string person_name(Random& random);

}  // namespace kc::app::demo
