#include "store/sqlite.h"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace dragoman::sql {

namespace {
constexpr int kBusyTimeoutMs = 30000;
}  // namespace

namespace {

// `path` as an SQLite URI naming the same file, with `query` ("immutable=1").
std::string FileUri(const std::string& path, const std::string& query) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      uri += buf;
    } else {
      uri += c;
    }
  }
  return uri + "?" + query;
}

// Opens one connection; the error message for a failure.
int OpenRaw(const std::string& name, int flags, sqlite3** raw, std::string* msg) {
  *raw = nullptr;
  int rc = sqlite3_open_v2(name.c_str(), raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    *msg = *raw ? sqlite3_errmsg(*raw) : sqlite3_errstr(rc);
    sqlite3_close(*raw);
    *raw = nullptr;
  }
  return rc;
}

// Reads the schema, which is where a WAL database needs its -shm file.
int Probe(sqlite3* raw) {
  return sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
}

}  // namespace

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, Mode mode) {
  int flags = SQLITE_OPEN_NOMUTEX;
  flags |= mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (mode == Mode::kReadWriteCreate) flags |= SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  std::string msg;
  int rc = OpenRaw(path, flags, &raw, &msg);
  bool immutable = false;
  if (rc == SQLITE_OK && mode == Mode::kReadOnly) {
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    int probe = Probe(raw);
    if ((probe & 0xff) == SQLITE_CANTOPEN || (probe & 0xff) == SQLITE_READONLY) {
      // The -shm file cannot be created here: read-only media.
      sqlite3_close(raw);
      rc = OpenRaw(FileUri(path, "immutable=1"), flags | SQLITE_OPEN_URI, &raw, &msg);
      immutable = rc == SQLITE_OK;
    }
  }
  if (rc != SQLITE_OK) {
    if (mode != Mode::kReadWriteCreate && (rc & 0xff) == SQLITE_CANTOPEN &&
        ::access(path.c_str(), F_OK) != 0) {
      return Status::Store(path + ": no such database (run 'dragoman ingest' first)");
    }
    return Status::Store(path + ": cannot open database: " + msg);
  }
  std::unique_ptr<Db> db(new Db(raw, path));
  db->immutable_ = immutable;
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  sqlite3_extended_result_codes(raw, 1);
  // Pages are read through a memory map rather than one pread each.
  DRAGOMAN_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON; PRAGMA mmap_size = 268435456"));
  // A reading connection refuses every write, even one SQLite would allow on a read-only file
  // (a temporary table): a bug in a query path cannot change anything.
  if (mode == Mode::kReadOnly) DRAGOMAN_RETURN_IF_ERROR(db->Exec("PRAGMA query_only = 1"));
  return db;
}

namespace {

// The connections that have a deadline (Db::SetDeadline) and where to record that it passed. The
// progress handler looks at the clock every 256 virtual machine steps of one statement's run, so
// a query made of many short statements (ForEachEvent reads its rows in chunks) could outlive
// its bound without the handler ever running: Stmt::Step() therefore also looks before the first
// step of each statement's run, on a connection that has a deadline.
struct Bound {
  std::chrono::steady_clock::time_point deadline;
  bool* passed;
};
std::mutex bounds_mu;
std::unordered_map<sqlite3*, Bound> bounds;
std::atomic<int> bounded{0};  // bounds.size(), read without the lock

void Unbind(sqlite3* db) {
  std::lock_guard<std::mutex> lock(bounds_mu);
  bounds.erase(db);
  bounded.store(static_cast<int>(bounds.size()), std::memory_order_relaxed);
}

// True (and the connection's deadline marked passed) when `db` has a deadline that has passed.
bool PastDeadline(sqlite3* db) {
  if (bounded.load(std::memory_order_relaxed) == 0) return false;
  std::lock_guard<std::mutex> lock(bounds_mu);
  auto it = bounds.find(db);
  if (it == bounds.end() || std::chrono::steady_clock::now() < it->second.deadline) return false;
  *it->second.passed = true;
  return true;
}

}  // namespace

Db::~Db() {
  Unbind(db_);
  sqlite3_close_v2(db_);
}

int Db::OnProgress(void* self) {
  Db* db = static_cast<Db*>(self);
  if (std::chrono::steady_clock::now() < db->deadline_) return 0;
  db->deadline_passed_ = true;
  return 1;  // SQLite stops the statement with SQLITE_INTERRUPT
}

void Db::SetDeadline(std::chrono::steady_clock::time_point deadline) {
  deadline_ = deadline;
  deadline_passed_ = false;
  {
    std::lock_guard<std::mutex> lock(bounds_mu);
    bounds[db_] = Bound{deadline, &deadline_passed_};
    bounded.store(static_cast<int>(bounds.size()), std::memory_order_relaxed);
  }
  // Every 256 virtual machine steps: a clock read costs ~20 ns, a step a few, so the check costs
  // well under 1% and a statement overruns its bound by microseconds at most.
  sqlite3_progress_handler(db_, 256, &Db::OnProgress, this);
}

void Db::ClearDeadline() {
  Unbind(db_);
  sqlite3_progress_handler(db_, 0, nullptr, nullptr);
}

Status Db::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Status::Store(path_ + ": " + msg);
  }
  return Status::Ok();
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return Status::Store(path_ + ": " + sqlite3_errmsg(db_) + " in: " + std::string(sql));
  }
  return Stmt(stmt, db_);
}

int64_t Db::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
int Db::Changes() const { return sqlite3_changes(db_); }

Stmt::Stmt(Stmt&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      db_(other.db_),
      bind_error_(other.bind_error_),
      bound_views_(other.bound_views_) {}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
    bind_error_ = other.bind_error_;
    bound_views_ = other.bound_views_;
  }
  return *this;
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::Bind(int i, int64_t v) {
  int rc = sqlite3_bind_int64(stmt_, i, v);
  if (rc != SQLITE_OK && !bind_error_) bind_error_ = rc;
  return *this;
}

Stmt& Stmt::Bind(int i, double v) {
  int rc = sqlite3_bind_double(stmt_, i, v);
  if (rc != SQLITE_OK && !bind_error_) bind_error_ = rc;
  return *this;
}

Stmt& Stmt::Bind(int i, std::string_view v) {
  int rc = sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && !bind_error_) bind_error_ = rc;
  return *this;
}

Stmt& Stmt::BindView(int i, std::string_view v) {
  int rc = sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
  if (rc != SQLITE_OK && !bind_error_) bind_error_ = rc;
  bound_views_ = true;
  return *this;
}

Stmt& Stmt::BindNull(int i) {
  int rc = sqlite3_bind_null(stmt_, i);
  if (rc != SQLITE_OK && !bind_error_) bind_error_ = rc;
  return *this;
}

Status Stmt::Error(int rc) const {
  std::string where = sqlite3_db_filename(db_, "main") ? sqlite3_db_filename(db_, "main") : "";
  const char* sql = sqlite3_sql(stmt_);
  std::string msg = rc == sqlite3_errcode(db_) ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  return Status::Store(where + ": " + msg + (sql ? std::string(" in: ") + sql : ""));
}

Result<bool> Stmt::Step() {
  if (bind_error_) {
    int rc = bind_error_;
    bind_error_ = 0;
    return Error(rc);
  }
  if (!sqlite3_stmt_busy(stmt_) && PastDeadline(db_)) return Error(SQLITE_INTERRUPT);
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status s = Error(rc);
  sqlite3_reset(stmt_);
  return s;
}

Status Stmt::Run() {
  auto r = Step();
  Reset();
  if (!r.ok()) return r.status();
  return Status::Ok();
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  if (bound_views_) {
    sqlite3_clear_bindings(stmt_);
    bound_views_ = false;
  }
}

bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::Double(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return "";
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string_view Stmt::View(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return {reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}

std::optional<int64_t> Stmt::OptInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

std::optional<double> Stmt::OptDouble(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Double(col);
}

Result<std::unique_ptr<Transaction>> Transaction::Begin(Db& db) {
  DRAGOMAN_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  return std::unique_ptr<Transaction>(new Transaction(db));
}

Transaction::~Transaction() {
  if (!done_) (void)db_.Exec("ROLLBACK");
}

Status Transaction::Commit() {
  DRAGOMAN_RETURN_IF_ERROR(db_.Exec("COMMIT"));
  done_ = true;
  return Status::Ok();
}

}  // namespace dragoman::sql
