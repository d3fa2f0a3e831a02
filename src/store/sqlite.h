// A thin RAII layer over the SQLite C API: a connection (Db) and a prepared statement (Stmt).
//
// Every value reaches SQL through Bind() (bound parameters), never through string formatting, so
// that no user input is ever parsed as SQL. Errors are Status::Store values carrying SQLite's
// message and the statement at fault.
//
// Thread-safety: a Db and its Stmts are used by one thread at a time (SQLite is built
// thread-safe, but a connection's statements share its state and error message).
// Lifetime: a Stmt must not outlive the Db that prepared it.
#ifndef DRAGOMAN_STORE_SQLITE_H_
#define DRAGOMAN_STORE_SQLITE_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace dragoman::sql {

class Stmt;

class Db {
 public:
  enum class Mode {
    kReadWriteCreate,  // create the file when missing
    kReadWrite,        // NotFound-like Store error when the file is missing
    // Reading only: nothing is ever written to the file, its WAL or its -shm (no checkpoint on
    // close either). When the database cannot be read that way because its -shm file cannot be
    // created (a WAL database on read-only media, or in a folder this user may not write), it
    // is opened `immutable`: SQLite then takes no locks and ignores any WAL, which is right for
    // media nobody can write to (and shows the last checkpointed state of a file someone else
    // is still writing).
    kReadOnly,
  };
  // Opens `path` with a busy timeout (so that a second process waits for a writer instead of
  // failing at once), foreign keys on, and reads through a memory map.
  static Result<std::unique_ptr<Db>> Open(const std::string& path, Mode mode);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements that take no parameters (schema, pragmas, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql);

  int64_t LastInsertRowid() const;
  int Changes() const;
  const std::string& path() const { return path_; }
  // Whether the file was opened `immutable` (kReadOnly on read-only media).
  bool immutable() const { return immutable_; }
  sqlite3* raw() { return db_; }

  // A time bound for what this connection runs from now on: a statement still running at
  // `deadline` is interrupted (SQLite's progress handler, looked at every few hundred virtual
  // machine steps) and its Step() fails with a Store error ("interrupted"); deadline_passed()
  // then tells that the bound, not the database, ended it. ClearDeadline() removes the bound.
  // The server bounds each request this way (doc/server.md, --query-timeout-ms).
  void SetDeadline(std::chrono::steady_clock::time_point deadline);
  void ClearDeadline();
  // True when a statement was interrupted by the deadline set last (reset by SetDeadline()).
  bool deadline_passed() const { return deadline_passed_; }

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  static int OnProgress(void* self);
  sqlite3* db_;
  std::string path_;
  bool immutable_ = false;
  std::chrono::steady_clock::time_point deadline_{};
  bool deadline_passed_ = false;
};

// A prepared statement. Bind parameters by 1-based index, then Step() through the rows.
class Stmt {
 public:
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  ~Stmt();

  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::string_view v);  // copied by SQLite (SQLITE_TRANSIENT)
  // Binds `v` without a copy (SQLITE_STATIC): its characters must stay valid and unchanged until
  // the statement is next reset (Run() resets it). A reset clears every binding of a statement
  // bound this way, so a later run can never read the freed text. The write path binds each
  // event's and document's strings this way: copying them cost ~10% of the store's work.
  Stmt& BindView(int i, std::string_view v);
  Stmt& BindViewOrNull(int i, std::string_view v) {
    return v.empty() ? BindNull(i) : BindView(i, v);
  }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& BindNull(int i);
  // Binds NULL for an empty string (optional text columns).
  Stmt& BindOrNull(int i, std::string_view v) { return v.empty() ? BindNull(i) : Bind(i, v); }
  template <typename T>
  Stmt& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // true: a row is available; false: done. Errors (including a bind error recorded earlier) are
  // returned as Store statuses naming the statement.
  Result<bool> Step();
  // Steps a statement that returns no rows (INSERT/UPDATE/DELETE), then resets it.
  Status Run();
  // Makes the statement ready to run again; bindings are kept until rebound, except after a
  // BindView(), when they are all cleared (NULL).
  void Reset();

  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;  // "" for NULL
  // The same without a copy: valid until the next Step(), Reset() or column call on `col`.
  std::string_view View(int col) const;
  std::optional<int64_t> OptInt(int col) const;
  std::optional<double> OptDouble(int col) const;

 private:
  friend class Db;
  Stmt(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  Status Error(int rc) const;
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  int bind_error_ = 0;
  bool bound_views_ = false;  // BindView() since the last reset
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit() succeeded. IMMEDIATE
// takes the write lock at once, so two writers queue on the busy timeout instead of deadlocking.
class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Begin(Db& db);
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Db& db) : db_(db) {}
  Db& db_;
  bool done_ = false;
};

}  // namespace dragoman::sql

#endif  // DRAGOMAN_STORE_SQLITE_H_
