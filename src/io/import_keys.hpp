// Natural-key bookkeeping for large imports without a string map per row: a key is encoded to a
// few bytes and a 64-bit hash; FileKeys finds keys repeated within a file (exactly), and
// StoredKeyFilter says which keys are certainly not in the table yet, so those rows need no query.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/registry_kind.hpp"

namespace kc::io {

// Appends the cells at `key_fields` to `out`, each tagged (NULL, integer, text) and text
// length-prefixed, so two different keys never encode alike.
void encode_key(std::string& out, const std::vector<domain::Cell>& cells,
                const std::vector<std::size_t>& key_fields);
std::uint64_t hash_key(std::string_view encoded);

// Where KeyTable keeps its keys: each as a 4-byte length and its bytes, in blocks of 1 MiB that
// never move (a growing std::string would copy every key, twice the memory while it does).
class KeyArena {
 public:
  static constexpr std::size_t kBlock = 1u << 20;
  std::uint32_t append(std::string_view key);  // the key's offset; below 4 GiB in all
  std::string_view at(std::uint32_t offset) const;

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = kBlock;  // bytes used in the last block
};

// A map from encoded keys to non-zero values: open addressing over small slots (hash, value, the
// key's offset in one arena), so a million keys cost a few tens of MB and a lookup one or two
// cache misses, where a std::unordered_map<std::string, …> costs a node and a string each.
template <class V>
class KeyTable {
 public:
  // The value stored for `key`, or nullptr.
  const V* find(std::string_view key, std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask; slots_[i].value != 0; i = (i + 1) & mask) {
      if (slots_[i].hash == hash && key_at(slots_[i].offset) == key) return &slots_[i].value;
    }
    return nullptr;
  }
  // Starts loading the slot a lookup of `hash` begins at, to overlap the cache miss with other
  // work. Always inlined: GCC takes a function that only prefetches for a pure one and drops the
  // calls.
  [[gnu::always_inline]] void prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)], 1);  // 1: to write
  }
  // Stores key → value (value ≠ 0) unless the key is there; returns the value already stored, or
  // nullptr when it was inserted.
  const V* insert(std::string_view key, std::uint64_t hash, V value) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow();  // load factor ≤ 3/4
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    for (; slots_[i].value != 0; i = (i + 1) & mask) {
      if (slots_[i].hash == hash && key_at(slots_[i].offset) == key) return &slots_[i].value;
    }
    slots_[i] = Slot{hash, value, append(key)};
    ++size_;
    return nullptr;
  }
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    V value = 0;  // 0: an empty slot
    std::uint32_t offset = 0;
  };
  std::string_view key_at(std::uint32_t offset) const { return arena_.at(offset); }
  std::uint32_t append(std::string_view key) { return arena_.append(key); }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const auto& s : old) {
      if (s.value == 0) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].value != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  KeyArena arena_;
  std::size_t size_ = 0;
};

// The keys of one file with the row that had each first (rows start at 2, after the header).
class FileKeys {
 public:
  // 0 when `key` is new (it is remembered with `row`), otherwise the row that had it first.
  std::size_t insert(std::string_view key, std::uint64_t hash, std::size_t row);
  [[gnu::always_inline]] void prefetch(std::uint64_t hash) const { table_.prefetch(hash); }
  std::size_t size() const { return table_.size(); }

 private:
  KeyTable<std::uint32_t> table_;
};

// Hashes of the keys stored in a table. may_contain() is false only for keys certainly not
// stored; true means "ask the database" (a stored key, or rarely another key with the same hash).
class StoredKeyFilter {
 public:
  void add(std::uint64_t hash);
  bool may_contain(std::uint64_t hash) const;
  [[gnu::always_inline]] void prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[(hash == 0 ? 1 : hash) & (slots_.size() - 1)]);
  }
  std::size_t size() const { return size_; }

 private:
  void grow();
  std::vector<std::uint64_t> slots_;  // 0: empty; a hash of 0 is stored as 1
  std::size_t size_ = 0;
};

}  // namespace kc::io
