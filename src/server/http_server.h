// HttpServer: the API (server/api.h) and the dashboard (server/assets.h) over HTTP/1.1, with
// cpp-httplib (Debian's libcpp-httplib) underneath.
//
// Serving like a real service:
// - binds 127.0.0.1 unless told otherwise; TCP_NODELAY on every connection (without it, small
//   answers wait for the peer's delayed ACK: ~40 requests/s instead of thousands);
// - limits: request body (413 beyond), request line and each header line (8 KiB, fixed in
//   cpp-httplib; 400/414 beyond), total header bytes (16 KiB; 431 beyond), connections (`threads`
//   served at once plus a queue; beyond `max_connections` a connection gets 503 with Retry-After
//   and is closed without its request being read), time to read a request and to write an answer
//   (`request_timeout_seconds`), idle keep-alive time and requests per connection;
// - static files only from the asset set, never outside its root; a strict
//   Content-Security-Policy (everything from this origin only, no inline script or style, no
//   frames) and nosniff/no-referrer headers on every answer; no CORS headers unless
//   `cors_origin` is set;
// - JSON errors `{"error": "..."}` for every failure, including those cpp-httplib detects;
// - one access-log line per request (and per refused connection) on `access_log`;
// - Stop() from any thread (e.g. a signal-waiting thread) ends Serve(): the listening socket is
//   closed, requests in flight finish, worker threads are joined.
//
// Thread-safety: Bind() and Serve() from one thread; Stop() from any thread, any time.
#ifndef DRAGOMAN_SERVER_HTTP_SERVER_H_
#define DRAGOMAN_SERVER_HTTP_SERVER_H_

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

#include "base/status.h"
#include "server/api.h"
#include "server/assets.h"

namespace dragoman::server {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;                  // 0: any free port (see port() after Bind())
  int threads = 64;                 // connections served at once (one thread each)
  int max_connections = 512;        // served + waiting; beyond: 503
  size_t max_body_bytes = 8u << 20;
  size_t max_header_bytes = 16u << 10;
  int request_timeout_seconds = 10;  // reading a request, writing an answer
  int keep_alive_seconds = 5;        // idle time before a kept-alive connection is closed
  int keep_alive_requests = 10000;   // requests per connection
  std::string cors_origin;           // "" : no CORS headers at all
  std::ostream* access_log = nullptr;  // nullptr: no access log
};

class HttpServer {
 public:
  // `api` and `assets` must outlive the server.
  HttpServer(ServerConfig config, Api& api, const AssetSet& assets);
  ~HttpServer();

  // Binds the listening socket. Io error naming the address when that fails (in use, bad host).
  Status Bind();
  // The bound port. REQUIRES: Bind() succeeded.
  int port() const;
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  Status Serve();
  // Ends Serve(). Safe from any thread, before or during Serve().
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// "HOST:PORT" -> host and port; "PORT" alone means 127.0.0.1:PORT; "[::1]:PORT" for IPv6.
// InvalidArgument for anything else (port 0-65535).
Status ParseListen(const std::string& spec, std::string* host, int* port);

}  // namespace dragoman::server

#endif  // DRAGOMAN_SERVER_HTTP_SERVER_H_
