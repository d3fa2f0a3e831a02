// Status and Result<T>: how every stage reports failure to its caller.
//
// Library code never prints or exits; it returns a Status naming what failed and where
// ("data/events/verbs.txt:41: unknown CAMEO code '999'"). The CLI maps Status::code() to an exit
// code in one place (src/cli/exit_codes.h) and prints message() as one line on stderr.
//
// Thread-safety: value types; safe to copy between threads.
#ifndef DRAGOMAN_BASE_STATUS_H_
#define DRAGOMAN_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace dragoman {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // a bad flag or option value (user error on the command line)
    kNotFound,         // a named file or record does not exist
    kBadInput,         // an input document is unreadable: binary, invalid UTF-8, too large...
    kBadData,          // a dictionary / data file is malformed
    kStore,            // the database failed or is incompatible
    kIo,               // reading or writing failed at the OS level
    kInternal,         // a bug
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return {Code::kInvalidArgument, std::move(msg)};
  }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status BadInput(std::string msg) { return {Code::kBadInput, std::move(msg)}; }
  static Status BadData(std::string msg) { return {Code::kBadData, std::move(msg)}; }
  static Status Store(std::string msg) { return {Code::kStore, std::move(msg)}; }
  static Status Io(std::string msg) { return {Code::kIo, std::move(msg)}; }
  static Status Internal(std::string msg) { return {Code::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const { return ok() ? "OK" : message_; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none.
// REQUIRES: a Result constructed from a Status holds a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace dragoman

// Propagates a non-OK Status from an expression returning Status.
#define DRAGOMAN_RETURN_IF_ERROR(expr) \
  do {                                 \
    ::dragoman::Status _st = (expr);   \
    if (!_st.ok()) return _st;         \
  } while (0)

#define DRAGOMAN_CONCAT_INNER(a, b) a##b
#define DRAGOMAN_CONCAT(a, b) DRAGOMAN_CONCAT_INNER(a, b)
// Assigns the value of a Result<T> expression to `lhs`, or returns its Status.
#define DRAGOMAN_ASSIGN_OR_RETURN(lhs, expr)                                                    \
  auto DRAGOMAN_CONCAT(_res_, __LINE__) = (expr);                                               \
  if (!DRAGOMAN_CONCAT(_res_, __LINE__).ok()) return DRAGOMAN_CONCAT(_res_, __LINE__).status(); \
  lhs = std::move(DRAGOMAN_CONCAT(_res_, __LINE__)).value()

#endif  // DRAGOMAN_BASE_STATUS_H_
