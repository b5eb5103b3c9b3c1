#include "app/audit/audit_anchor_timer.hpp"

#include <charconv>

namespace kc::app {

std::optional<std::chrono::seconds> parse_interval(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::int64_t unit = 1;
  switch (text.back()) {
    case 's': unit = 1; text.remove_suffix(1); break;
    case 'm': unit = 60; text.remove_suffix(1); break;
    case 'h': unit = 3600; text.remove_suffix(1); break;
    default: break;
  }
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || n < 0 || n > 366 * 24 * 3600 / unit) {
    return std::nullopt;
  }
  return std::chrono::seconds(n * unit);
}

AuditAnchorTimer::AuditAnchorTimer(std::chrono::seconds interval, std::function<void()> task)
    : interval_(interval), task_(std::move(task)), thread_([this] { loop(); }) {}

AuditAnchorTimer::~AuditAnchorTimer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void AuditAnchorTimer::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      task_();
    } catch (...) {
      // The task reports its own failures; an escaped one must not end the server.
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace kc::app
