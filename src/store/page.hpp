// Which page of a list to read: the LIMIT and OFFSET of every paged query.
#pragma once

namespace kc::store {

struct Page {
  int page = 1;
  int page_size = 20;
  int offset() const { return (page - 1) * page_size; }
};

}  // namespace kc::store
