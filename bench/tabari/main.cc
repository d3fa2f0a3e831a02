// bench_tabari [BENCH.text [PROJECT]]: speed of the TABARI-semantics coder.
//
// Defaults: ../shared/peers/tabari/bench50k.text coded with Validate.project's dictionaries and
// options. Prints, as "name: value" lines:
//   records, dictionary load time, read+parse time,
//   records/s on one thread and on N threads (median of 5 runs each, coding only and
//   end to end including reading and parsing the file),
//   records per CPU-second of the coding thread (robust when the machine is shared),
//   whether the N-thread output is identical to the one-thread output,
//   peak resident memory (getrusage ru_maxrss) of this process, which holds every record and
//   both outputs in memory, and of a child process that streams the file record by record
//   (read, parse, code, count) the way a production run would, with its records/s.
// Build it in Release (-O2) for figures worth comparing.
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "base/file.h"
#include "tabari/coder.h"
#include "tabari/dictionary.h"
#include "tabari/suite.h"

namespace {

using Clock = std::chrono::steady_clock;
using dragoman::tabari::CodeResult;
using dragoman::tabari::Dictionaries;
using dragoman::tabari::SuiteRecord;
using dragoman::tabari::TabariCoder;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// One line per record: its events, or the special outcome; used to compare runs.
std::string Render(const CodeResult& r) {
  std::string s;
  switch (r.outcome) {
    case CodeResult::Outcome::kDiscard:
      return "###";
    case CodeResult::Outcome::kComplex:
      return "+++";
    default:
      break;
  }
  for (const auto& e : r.events) {
    s += e.source;
    s += '/';
    s += e.target;
    s += '/';
    s += e.code;
    s += ' ';
  }
  return s;
}

// Codes records [begin, end) into out[begin, end) with its own coder.
void CodeRange(const Dictionaries& d, const std::vector<SuiteRecord>& recs, size_t begin,
               size_t end, std::vector<std::string>* out) {
  TabariCoder coder(d);
  CodeResult r;
  dragoman::tabari::Options opt = d.options;
  for (size_t i = begin; i < end; ++i) {
    coder.Code(recs[i].text, recs[i].date, opt, &r);
    (*out)[i] = Render(r);
  }
}

void CodeAll(const Dictionaries& d, const std::vector<SuiteRecord>& recs, unsigned threads,
             std::vector<std::string>* out) {
  out->assign(recs.size(), std::string());
  if (threads <= 1) {
    CodeRange(d, recs, 0, recs.size(), out);
    return;
  }
  std::vector<std::thread> pool;
  size_t chunk = (recs.size() + threads - 1) / threads;
  for (unsigned t = 0; t < threads; ++t) {
    size_t b = std::min(recs.size(), t * chunk), e = std::min(recs.size(), b + chunk);
    pool.emplace_back(CodeRange, std::cref(d), std::cref(recs), b, e, out);
  }
  for (auto& th : pool) th.join();
}

// Streams `bench` through a TabariTextReader and one coder in a child process; returns
// "records events seconds peak_kb" from the child, or "" on failure.
std::string StreamInChild(const Dictionaries& d, const std::string& bench) {
  int fds[2];
  if (pipe(fds) != 0) return "";
  pid_t pid = fork();
  if (pid < 0) return "";
  if (pid == 0) {
    close(fds[0]);
    auto a = Clock::now();
    std::ifstream in(bench);
    dragoman::tabari::TabariTextReader reader(in, bench);
    TabariCoder coder(d);
    CodeResult r;
    SuiteRecord rec;
    dragoman::tabari::Options opt = d.options;
    size_t n = 0, events = 0;
    while (true) {
      auto more = reader.Next(&rec);
      if (!more.ok() || !*more) break;
      for (const auto& c : rec.option_commands) (void)opt.Apply(c);
      coder.Code(rec.text, rec.date, opt, &r);
      ++n;
      events += r.events.size();
    }
    double secs = Seconds(a, Clock::now());
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    char buf[128];
    int len = std::snprintf(buf, sizeof buf, "%zu %zu %.6f %ld", n, events, secs, ru.ru_maxrss);
    ssize_t w = write(fds[1], buf, static_cast<size_t>(len));
    _exit(w == len ? 0 : 1);
  }
  close(fds[1]);
  std::string out;
  char buf[128];
  ssize_t k;
  while ((k = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(k));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = std::string(DRAGOMAN_SHARED_DIR) + "/peers/tabari";
  std::string bench = argc > 1 ? argv[1] : dir + "/bench50k.text";
  std::string project_path = argc > 2 ? argv[2] : dir + "/Validate.project";
  if (!std::filesystem::exists(bench) || !std::filesystem::exists(project_path)) {
    std::fprintf(stderr, "bench_tabari: %s or %s not found (../shared/peers missing?)\n",
                 bench.c_str(), project_path.c_str());
    return 2;
  }
  auto t0 = Clock::now();
  auto ptext = dragoman::ReadFile(project_path);
  if (!ptext.ok()) return std::fprintf(stderr, "%s\n", ptext.status().message().c_str()), 4;
  auto project = dragoman::tabari::ParseProject(*ptext, project_path);
  if (!project.ok()) return std::fprintf(stderr, "%s\n", project.status().message().c_str()), 4;
  auto dict = dragoman::tabari::LoadProjectDictionaries(*project);
  if (!dict.ok()) return std::fprintf(stderr, "%s\n", dict.status().message().c_str()), 4;
  auto t1 = Clock::now();

  // Streaming runs first, in children forked while this process is still small (a child
  // shares, and counts, the parent's resident pages). Median of 5.
  std::vector<double> stream_s;
  long stream_kb = 0;
  size_t stream_n = 0;
  for (int run = 0; run < 5; ++run) {
    std::string res = StreamInChild(*dict, bench);
    size_t sn = 0, se = 0;
    double ss = 0;
    long kb = 0;
    if (std::sscanf(res.c_str(), "%zu %zu %lf %ld", &sn, &se, &ss, &kb) != 4) break;
    stream_s.push_back(ss);
    stream_kb = std::max(stream_kb, kb);
    stream_n = sn;
  }

  std::vector<double> parse_s;
  std::vector<SuiteRecord> recs;
  for (int run = 0; run < 5; ++run) {
    auto a = Clock::now();
    auto text = dragoman::ReadFile(bench);
    if (!text.ok()) return std::fprintf(stderr, "%s\n", text.status().message().c_str()), 3;
    auto parsed = dragoman::tabari::ParseTabariText(*text, bench);
    if (!parsed.ok()) return std::fprintf(stderr, "%s\n", parsed.status().message().c_str()), 3;
    recs = std::move(*parsed);
    parse_s.push_back(Seconds(a, Clock::now()));
  }

  unsigned threads = std::max(2u, std::thread::hardware_concurrency());
  std::vector<std::string> one, many;
  std::vector<double> one_s, many_s;
  bool identical = true;
  std::vector<double> cpu_s;
  for (int run = 0; run < 5; ++run) {
    timespec ca{}, cb{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ca);
    auto a = Clock::now();
    CodeAll(*dict, recs, 1, &one);
    auto b = Clock::now();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cb);
    cpu_s.push_back(static_cast<double>(cb.tv_sec - ca.tv_sec) +
                    static_cast<double>(cb.tv_nsec - ca.tv_nsec) * 1e-9);
    CodeAll(*dict, recs, threads, &many);
    auto c = Clock::now();
    one_s.push_back(Seconds(a, b));
    many_s.push_back(Seconds(b, c));
    identical = identical && one == many;
  }
  size_t with_events = 0;
  for (const auto& s : one) with_events += !s.empty() && s != "###" && s != "+++";

  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  double n = static_cast<double>(recs.size());
  double parse = Median(parse_s), t1s = Median(one_s), tns = Median(many_s);
  std::printf("file: %s\n", bench.c_str());
  std::printf("records: %zu (%zu with events)\n", recs.size(), with_events);
  std::printf("dictionaries_load_s: %.4f\n", Seconds(t0, t1));
  std::printf("read_parse_s: %.4f\n", parse);
  std::printf("code_1_thread_s: %.4f\n", t1s);
  std::printf("records_per_s_1_thread: %.0f\n", n / t1s);
  std::printf("records_per_s_1_thread_end_to_end: %.0f\n", n / (t1s + parse));
  // CPU time of the coding thread: the figure to trust on a machine shared with other work.
  std::printf("records_per_cpu_s_1_thread: %.0f\n", n / Median(cpu_s));
  std::printf("code_%u_threads_s: %.4f\n", threads, tns);
  std::printf("records_per_s_%u_threads: %.0f\n", threads, n / tns);
  std::printf("identical_output: %s\n", identical ? "yes" : "NO");
  std::printf("peak_rss_mb_all_in_memory: %.1f\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
  if (!stream_s.empty()) {
    double ss = Median(stream_s);
    std::printf("streaming_records: %zu\n", stream_n);
    std::printf("streaming_records_per_s_1_thread_end_to_end: %.0f\n",
                static_cast<double>(stream_n) / ss);
    std::printf("streaming_peak_rss_mb: %.1f\n", static_cast<double>(stream_kb) / 1024.0);
  }
  return identical ? 0 : 1;
}
