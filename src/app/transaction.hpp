// A use case's write transaction. `Transaction` is the scope: it commits when told and rolls back
// when the scope ends without a commit (a returned problem, a thrown exception), so a check that
// fails halfway never leaves the half before it written. `in_transaction_unless_problem` is the
// common case on top of it: the work returns an Outcome, committed when it holds a value.
#pragma once

#include "app/outcome.hpp"
#include "store/bulk_write.hpp"
#include "store/database.hpp"

namespace kc::app {

class Transaction {
 public:
  // `read`: a transaction that only reads (one consistent view for many lookups, e.g. a dry run).
  enum class Kind { write, read };
  explicit Transaction(store::Connection& conn, Kind kind = Kind::write) : conn_(conn) {
    if (kind == Kind::write) conn_.begin();
    else store::begin_read(conn_);
  }
  ~Transaction() {
    if (!open_) return;
    try {
      conn_.rollback();
    } catch (...) {
      // Never from a destructor; a connection left broken is dropped by the pool on return.
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // A COMMIT that fails (busy, full disk) may leave the transaction open: it is rolled back then.
  void commit() {
    conn_.commit();
    open_ = false;
  }
  void rollback() {
    open_ = false;
    conn_.rollback();
  }

 private:
  store::Connection& conn_;
  bool open_ = true;
};

template <class F>
auto in_transaction_unless_problem(store::Connection& conn, F&& work) -> decltype(work()) {
  Transaction transaction(conn);
  auto result = work();
  if (result) transaction.commit();
  else transaction.rollback();
  return result;
}

}  // namespace kc::app
