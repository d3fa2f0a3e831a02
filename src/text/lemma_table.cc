#include "text/lemma_table.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/data_file.h"
#include "base/file.h"

namespace dragoman {
namespace {

constexpr char kMagic[8] = {'D', 'R', 'G', 'L', 'E', 'M', 'M', 'A'};
constexpr uint32_t kVersion = 1;
constexpr size_t kListHeaderBytes = 12;
constexpr size_t kHeaderBytes = 24 + LemmaTable::kListCount * kListHeaderBytes + 8;
constexpr size_t kSlotBytes = 12;

// The source file of each list, in List order.
constexpr const char* kFiles[LemmaTable::kListCount] = {"index.verb", "index.noun", "index.adj",
                                                        "verb.exc",   "noun.exc",   "adj.exc"};

uint64_t Fnv1a(std::string_view s, uint64_t h = 0xcbf29ce484222325ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

void Put32(std::string& out, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) out[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}
void Put16(std::string& out, size_t at, uint16_t v) {
  out[at] = static_cast<char>(v & 0xff);
  out[at + 1] = static_cast<char>(v >> 8);
}
uint32_t Get32(const unsigned char* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
         static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}
uint16_t Get16(const unsigned char* p) {
  return static_cast<uint16_t>(p[0] | static_cast<uint16_t>(p[1]) << 8);
}
uint64_t Get64(const unsigned char* p) {
  return static_cast<uint64_t>(Get32(p)) | static_cast<uint64_t>(Get32(p + 4)) << 32;
}

using Entries = std::vector<std::pair<std::string_view, std::string_view>>;

// Appends one list's slots to `blob` (at blob.size()) and its strings to `pool`; returns the
// slot count.
uint32_t AppendList(const Entries& entries, std::string& blob, std::string& pool) {
  uint32_t slots = 8;
  while (slots < entries.size() + entries.size() / 2) slots *= 2;
  size_t base = blob.size();
  blob.append(static_cast<size_t>(slots) * kSlotBytes, '\0');
  for (const auto& [key, value] : entries) {
    uint32_t i = static_cast<uint32_t>(Fnv1a(key)) & (slots - 1);
    while (Get16(reinterpret_cast<const unsigned char*>(blob.data()) + base + i * kSlotBytes + 4))
      i = (i + 1) & (slots - 1);
    size_t at = base + static_cast<size_t>(i) * kSlotBytes;
    Put32(blob, at, static_cast<uint32_t>(pool.size()));
    Put16(blob, at + 4, static_cast<uint16_t>(key.size()));
    pool.append(key);
    Put16(blob, at + 6, static_cast<uint16_t>(value.size()));
    Put32(blob, at + 8, static_cast<uint32_t>(pool.size()));
    pool.append(value);
  }
  return slots;
}

}  // namespace

Result<uint64_t> LemmaTable::SourceStamp(const std::string& wordnet_dir) {
  uint64_t h = Fnv1a("dragoman lemma table v1");
  for (const char* name : kFiles) {
    std::string path = wordnet_dir + "/" + name;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return Status::NotFound(path + ": no such file");
    h = Fnv1a(name, h);
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "/%lld/%lld.%ld", static_cast<long long>(st.st_size),
                          static_cast<long long>(st.st_mtim.tv_sec),
                          static_cast<long>(st.st_mtim.tv_nsec));
    h = Fnv1a(std::string_view(buf, static_cast<size_t>(n)), h);
  }
  return h;
}

Result<std::string> LemmaTable::Compile(const std::string& wordnet_dir) {
  DRAGOMAN_ASSIGN_OR_RETURN(uint64_t stamp, SourceStamp(wordnet_dir));
  std::string texts[kListCount];
  Entries lists[kListCount];
  for (int l = 0; l < kListCount; ++l) {
    std::string path = wordnet_dir + "/" + kFiles[l];
    DRAGOMAN_ASSIGN_OR_RETURN(texts[l], ReadFile(path));
    std::unordered_set<std::string_view> seen;
    seen.reserve(texts[l].size() / 32);
    bool index = l <= kAdjectives;
    (void)ForEachLine(texts[l], [&](int, std::string_view line) {
      std::string_view key, value;
      if (index) {
        // Each entry line starts with the lemma; the licence header lines start with spaces.
        if (line.empty() || line[0] == ' ') return Status::Ok();
        key = line.substr(0, line.find(' '));
      } else {
        std::vector<std::string_view> fields = SplitWords(line);
        if (fields.size() < 2) return Status::Ok();
        key = fields[0];
        value = fields[1];
      }
      // The first entry of a form wins; keys and values longer than 64 KiB cannot be stored.
      if (key.size() > 0xffff || value.size() > 0xffff) return Status::Ok();
      if (seen.insert(key).second) lists[l].emplace_back(key, value);
      return Status::Ok();
    });
    if (index && lists[l].empty()) return Status::BadData(path + ": no lemmas");
  }
  std::string blob(kHeaderBytes, '\0');
  std::memcpy(blob.data(), kMagic, sizeof kMagic);
  Put32(blob, 8, kVersion);
  Put32(blob, 12, kListCount);
  Put32(blob, 16, static_cast<uint32_t>(stamp));
  Put32(blob, 20, static_cast<uint32_t>(stamp >> 32));
  std::string pool;
  for (int l = 0; l < kListCount; ++l) {
    size_t offset = blob.size();
    uint32_t slots = AppendList(lists[l], blob, pool);
    size_t h = 24 + static_cast<size_t>(l) * kListHeaderBytes;
    Put32(blob, h, static_cast<uint32_t>(offset));
    Put32(blob, h + 4, slots);
    Put32(blob, h + 8, static_cast<uint32_t>(lists[l].size()));
  }
  Put32(blob, kHeaderBytes - 8, static_cast<uint32_t>(blob.size()));
  Put32(blob, kHeaderBytes - 4, static_cast<uint32_t>(pool.size()));
  blob += pool;
  return blob;
}

Status LemmaTable::Attach(std::string_view blob, std::optional<uint64_t> expected_stamp) {
  const auto* b = reinterpret_cast<const unsigned char*>(blob.data());
  auto bad = [](const char* why) { return Status::BadData(std::string("lemma table: ") + why); };
  if (blob.size() < kHeaderBytes || std::memcmp(b, kMagic, sizeof kMagic) != 0) {
    return bad("not a lemma table");
  }
  if (Get32(b + 8) != kVersion || Get32(b + 12) != kListCount) return bad("unknown version");
  if (expected_stamp && Get64(b + 16) != *expected_stamp) return bad("stale");
  uint32_t pool_offset = Get32(b + kHeaderBytes - 8);
  uint32_t pool_size = Get32(b + kHeaderBytes - 4);
  if (pool_offset > blob.size() || pool_size > blob.size() - pool_offset) return bad("truncated");
  pool_ = blob.substr(pool_offset, pool_size);
  for (int l = 0; l < kListCount; ++l) {
    const unsigned char* h = b + 24 + static_cast<size_t>(l) * kListHeaderBytes;
    uint32_t offset = Get32(h), slots = Get32(h + 4), entries = Get32(h + 8);
    if (slots == 0 || (slots & (slots - 1)) != 0 || entries >= slots) return bad("bad list");
    if (offset > pool_offset || static_cast<uint64_t>(slots) * kSlotBytes > pool_offset - offset) {
      return bad("truncated");
    }
    lists_[l] = {b + offset, slots - 1, entries};
  }
  return Status::Ok();
}

Result<std::unique_ptr<LemmaTable>> LemmaTable::FromBlob(std::string blob) {
  std::unique_ptr<LemmaTable> t(new LemmaTable());
  t->owned_ = std::move(blob);
  DRAGOMAN_RETURN_IF_ERROR(t->Attach(t->owned_, std::nullopt));
  return t;
}

Result<std::unique_ptr<LemmaTable>> LemmaTable::Open(const std::string& wordnet_dir,
                                                     const std::string& compiled_path) {
  DRAGOMAN_ASSIGN_OR_RETURN(uint64_t stamp, SourceStamp(wordnet_dir));
  std::vector<std::string> candidates;
  if (!compiled_path.empty()) {
    candidates.push_back(compiled_path);
  } else {
    // Both defined by src/text/CMakeLists.txt for every target compiling this file.
    candidates.push_back(DRAGOMAN_LEMMA_TABLE);
    candidates.push_back(std::string(DRAGOMAN_INSTALL_DATA_DIR) + "/wordnet-lemmas.bin");
  }
  for (const std::string& path : candidates) {
    auto file = MappedFile::Open(path);
    if (!file.ok()) continue;
    std::unique_ptr<LemmaTable> t(new LemmaTable());
    t->file_ = std::move(file).value();
    // A table compiled from other WordNet files, or damaged, is passed over.
    if (t->Attach(t->file_->data(), stamp).ok()) return t;
  }
  DRAGOMAN_ASSIGN_OR_RETURN(std::string blob, Compile(wordnet_dir));
  return FromBlob(std::move(blob));
}

std::optional<std::string_view> LemmaTable::Find(List list, std::string_view key) const {
  const ListView& v = lists_[list];
  if (key.empty() || key.size() > 0xffff) return std::nullopt;
  uint32_t i = static_cast<uint32_t>(Fnv1a(key)) & v.mask;
  for (uint64_t probes = 0; probes <= v.mask; ++probes, i = (i + 1) & v.mask) {
    const unsigned char* s = v.slots + static_cast<size_t>(i) * kSlotBytes;
    uint16_t key_len = Get16(s + 4);
    if (key_len == 0) return std::nullopt;
    if (key_len != key.size()) continue;
    uint32_t key_off = Get32(s);
    if (key_off > pool_.size() || key_len > pool_.size() - key_off) return std::nullopt;
    if (std::memcmp(pool_.data() + key_off, key.data(), key_len) != 0) continue;
    uint32_t value_off = Get32(s + 8);
    uint16_t value_len = Get16(s + 6);
    if (value_off > pool_.size() || value_len > pool_.size() - value_off) return std::nullopt;
    return pool_.substr(value_off, value_len);
  }
  return std::nullopt;  // a full table: only a damaged file has no empty slot
}

}  // namespace dragoman
