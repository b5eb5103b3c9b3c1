// parallel_for: run fn(i) for i in [0, n) on `threads` threads (0 = all cores). Work is handed out
// one index at a time, so the caller must write results by index for them to be order-independent.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace kc::index {

template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn&& fn) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  if (threads > n) threads = static_cast<unsigned>(std::max<std::size_t>(n, 1));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace kc::index
