#include "io/import_keys.hpp"

#include <cstring>
#include <stdexcept>

namespace kc::io {
namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

void encode_key(std::string& out, const std::vector<domain::Cell>& cells,
                const std::vector<std::size_t>& key_fields) {
  for (auto i : key_fields) {
    const auto& cell = cells[i];
    if (const auto* n = std::get_if<std::int64_t>(&cell)) {
      out += 'i';
      char bytes[8];
      std::memcpy(bytes, n, 8);
      out.append(bytes, 8);
    } else if (const auto* s = std::get_if<std::string>(&cell)) {
      out += 's';
      const auto size = static_cast<std::uint32_t>(s->size());
      char bytes[4];
      std::memcpy(bytes, &size, 4);
      out.append(bytes, 4);
      out += *s;
    } else {
      out += 'n';
    }
  }
}

std::uint64_t hash_key(std::string_view encoded) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ encoded.size();
  std::size_t i = 0;
  for (; i + 8 <= encoded.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, encoded.data() + i, 8);
    h = mix(h ^ w);
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, encoded.data() + i, encoded.size() - i);
  return mix(h ^ tail ^ 0xFF51AFD7ED558CCDull);
}

std::uint32_t KeyArena::append(std::string_view key) {
  const std::size_t need = 4 + key.size();
  if (need > kBlock)
    throw std::length_error("import: a natural key longer than 1 MiB");  // fields are ≤ 1,000 bytes
  if (used_ + need > kBlock) {
    if ((blocks_.size() + 1) * kBlock > UINT32_MAX)
      throw std::length_error("import: more than 4 GiB of keys");
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(kBlock));
    used_ = 0;
  }
  const std::size_t offset = (blocks_.size() - 1) * kBlock + used_;
  char* at = blocks_.back().get() + used_;
  const auto size = static_cast<std::uint32_t>(key.size());
  std::memcpy(at, &size, 4);
  std::memcpy(at + 4, key.data(), key.size());
  used_ += need;
  return static_cast<std::uint32_t>(offset);
}

std::string_view KeyArena::at(std::uint32_t offset) const {
  const char* p = blocks_[offset / kBlock].get() + offset % kBlock;
  std::uint32_t size;
  std::memcpy(&size, p, 4);
  return std::string_view(p + 4, size);
}

std::size_t FileKeys::insert(std::string_view key, std::uint64_t hash, std::size_t row) {
  if (row == 0 || row > UINT32_MAX) throw std::out_of_range("import: row number out of range");
  const auto* first = table_.insert(key, hash, static_cast<std::uint32_t>(row));
  return first ? *first : 0;
}

void StoredKeyFilter::grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (auto h : old) {
    if (h == 0) continue;
    std::size_t i = h & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = h;
  }
}

void StoredKeyFilter::add(std::uint64_t hash) {
  if (hash == 0) hash = 1;
  if ((size_ + 1) * 2 > slots_.size()) grow();  // load factor ≤ 1/2: lookups mostly miss
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  for (; slots_[i] != 0; i = (i + 1) & mask) {
    if (slots_[i] == hash) return;
  }
  slots_[i] = hash;
  ++size_;
}

bool StoredKeyFilter::may_contain(std::uint64_t hash) const {
  if (slots_.empty()) return false;
  if (hash == 0) hash = 1;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask; slots_[i] != 0; i = (i + 1) & mask) {
    if (slots_[i] == hash) return true;
  }
  return false;
}

}  // namespace kc::io
