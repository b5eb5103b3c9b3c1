// Runs a task at once and then every interval on its own thread, until destroyed: `serve`'s
// periodic audit anchors (--audit-anchor-interval).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

namespace kc::app {

// "90", "90s", "10m", "2h" (whole numbers; a bare number is seconds); nullopt if not such a text.
std::optional<std::chrono::seconds> parse_interval(std::string_view text);

class AuditAnchorTimer {
 public:
  AuditAnchorTimer(std::chrono::seconds interval, std::function<void()> task);
  ~AuditAnchorTimer();  // stops: waits for a run in progress, starts no other
  AuditAnchorTimer(const AuditAnchorTimer&) = delete;
  AuditAnchorTimer& operator=(const AuditAnchorTimer&) = delete;

 private:
  void loop();

  std::chrono::seconds interval_;
  std::function<void()> task_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kc::app
