// A use case's write transaction whose expected failures are values: the work returns an Outcome,
// committed when it holds a value and rolled back when it holds a problem (or throws), so a check
// that fails halfway never leaves the half before it written.
#pragma once

#include "app/outcome.hpp"
#include "store/database.hpp"

namespace kc::app {

template <class F>
auto in_transaction_unless_problem(store::Connection& conn, F&& work) -> decltype(work()) {
  conn.begin();
  try {
    auto result = work();
    if (result) conn.commit();
    else conn.rollback();
    return result;
  } catch (...) {
    conn.rollback();
    throw;
  }
}

}  // namespace kc::app
