#include "app/audit/audit_secret_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "crypto/crypto.hpp"

namespace kc::app {
namespace {

std::string os_error(int err) { return std::strerror(err); }

std::string mode_text(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

// Writes `contents` to a new 0600 file beside `path` and flushes it to disk; returns its name.
Outcome<std::string> write_temporary(const std::string& path, std::string_view contents, std::string_view what) {
  const std::string tmp = path + ".tmp-" + crypto::random_token(9);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return audit_key_problem("audit_key_unwritable",
                             "Cannot create the " + std::string(what) + " " + tmp + ": " + os_error(errno) + ".");
  }
  std::size_t written = 0;
  int err = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  ::close(fd);
  if (err != 0) {
    ::unlink(tmp.c_str());
    return audit_key_problem("audit_key_unwritable",
                             "Cannot write the " + std::string(what) + " " + tmp + ": " + os_error(err) + ".");
  }
  return tmp;
}

}  // namespace

Problem audit_key_problem(std::string code, std::string detail) {
  return {500, std::move(code), "Audit key", std::move(detail), {}};
}

Outcome<std::string> read_secret_file(const std::string& path, std::string_view what) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return audit_key_problem("audit_key_unreadable",
                             "Cannot read the " + std::string(what) + " " + path + ": " + os_error(errno) + ".");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return audit_key_problem("audit_key_unreadable", "The " + std::string(what) + " " + path + " is not a regular file.");
  }
  // A key others can read is no longer a secret; one others can write could be swapped.
  if ((st.st_mode & 077) != 0) {
    ::close(fd);
    return audit_key_problem("audit_key_permissions",
                             "The " + std::string(what) + " " + path + " has mode " + mode_text(st.st_mode) +
                                 ": group or others may read or write it. Run `chmod 600 " + path +
                                 "` (and consider the key disclosed: rotate it).");
  }
  std::string contents;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return audit_key_problem("audit_key_unreadable",
                               "Cannot read the " + std::string(what) + " " + path + ": " + os_error(err) + ".");
    }
    if (n == 0) break;
    contents.append(buf, static_cast<std::size_t>(n));
    if (contents.size() > 1024 * 1024) {
      ::close(fd);
      return audit_key_problem("audit_key_invalid", "The " + std::string(what) + " " + path + " is larger than 1 MiB.");
    }
  }
  ::close(fd);
  return contents;
}

Outcome<bool> create_secret_file(const std::string& path, std::string_view contents, std::string_view what) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return false;
  auto tmp = write_temporary(path, contents, what);
  if (!tmp) return tmp.problem();
  // link() fails if the name exists, so a racing creator's file is never replaced.
  const int rc = ::link(tmp.value().c_str(), path.c_str());
  const int err = errno;
  ::unlink(tmp.value().c_str());
  if (rc == 0) return true;
  if (err == EEXIST) return false;
  return audit_key_problem("audit_key_unwritable",
                           "Cannot create the " + std::string(what) + " " + path + ": " + os_error(err) + ".");
}

Status replace_secret_file(const std::string& path, std::string_view contents, std::string_view what) {
  auto tmp = write_temporary(path, contents, what);
  if (!tmp) return tmp.problem();
  if (::rename(tmp.value().c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.value().c_str());
    return audit_key_problem("audit_key_unwritable",
                             "Cannot replace the " + std::string(what) + " " + path + ": " + os_error(err) + ".");
  }
  return done();
}

std::optional<FileStamp> file_stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileStamp{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
                   static_cast<std::uint64_t>(st.st_size),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

}  // namespace kc::app
