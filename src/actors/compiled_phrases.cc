// CompiledPhrases: writing, checking and reading the table (format in compiled_phrases.h), and
// the PhraseAnalyser that puts it in front of the text analyzer.
#include "actors/compiled_phrases.h"

#include <unicode/uvernum.h>

#include <cstring>
#include <unordered_set>

#include "actors/actor.h"
#include "base/file.h"

namespace dragoman {
namespace {

constexpr char kMagic[8] = {'D', 'R', 'G', 'A', 'C', 'T', 'P', 'H'};
constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderBytes = 48;
constexpr size_t kSourceBytes = 24;
constexpr size_t kSlotBytes = 16;
constexpr uint8_t kCaseFlags = Token::kCapitalized | Token::kAllCaps;

uint64_t Fnv1a(std::string_view s, uint64_t h = 0xcbf29ce484222325ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

void Put16(std::string& out, uint16_t v) {
  out.push_back(static_cast<char>(v & 0xff));
  out.push_back(static_cast<char>(v >> 8));
}
void Put32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void Put64(std::string& out, uint64_t v) {
  Put32(out, static_cast<uint32_t>(v));
  Put32(out, static_cast<uint32_t>(v >> 32));
}
void Set32(std::string& out, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) out[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}
void Set64(std::string& out, size_t at, uint64_t v) {
  Set32(out, at, static_cast<uint32_t>(v));
  Set32(out, at + 4, static_cast<uint32_t>(v >> 32));
}
uint16_t Get16(const unsigned char* p) { return static_cast<uint16_t>(p[0] | p[1] << 8); }
uint32_t Get32(const unsigned char* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
         static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}
uint64_t Get64(const unsigned char* p) {
  return static_cast<uint64_t>(Get32(p)) | static_cast<uint64_t>(Get32(p + 4)) << 32;
}

// Whether [off, off + len) lies inside a region of `size` bytes.
bool Inside(uint64_t off, uint64_t len, uint64_t size) { return off <= size && len <= size - off; }

}  // namespace

Result<uint64_t> CompiledPhrases::AnalyzerFingerprint(const std::string& data_dir) {
  uint64_t h = Fnv1a("dragoman actor phrases v1 icu " U_ICU_VERSION);
  for (const char* name : {"text/abbreviations.txt", "text/furniture.txt", "text/lemmas.txt"}) {
    DRAGOMAN_ASSIGN_OR_RETURN(std::string bytes, ReadFile(data_dir + "/" + name));
    h = Fnv1a(name, h);
    h = Fnv1a(std::to_string(bytes.size()), h);
    h = Fnv1a(bytes, h);
  }
  return h;
}

Result<CompiledPhrases::Source> CompiledPhrases::HashSource(const std::string& name,
                                                            const std::string& path) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  return Source{name, bytes.size(), Fnv1a(bytes)};
}

Result<std::string> CompiledPhrases::Compile(
    uint64_t fingerprint, const std::vector<Source>& sources,
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string, uint8_t>>>>&
        phrases) {
  // Each phrase once (the first analysis; a phrase's analysis does not depend on where it is).
  std::vector<const std::pair<std::string, std::vector<std::pair<std::string, uint8_t>>>*> unique;
  std::unordered_set<std::string_view> seen;
  for (const auto& p : phrases) {
    if (p.first.empty()) continue;
    if (p.first.size() > 0xffff) return Status::BadData("phrase longer than 64 KiB");
    if (seen.insert(p.first).second) unique.push_back(&p);
  }
  uint32_t slots = 8;
  while (slots < unique.size() + unique.size() / 2) slots *= 2;

  std::string pool;
  std::vector<std::pair<uint32_t, uint32_t>> names;  // per source: pool offset, length
  for (const Source& s : sources) {
    names.emplace_back(static_cast<uint32_t>(pool.size()), static_cast<uint32_t>(s.name.size()));
    pool += s.name;
  }
  std::vector<uint32_t> slot_words(static_cast<size_t>(slots) * 4, 0);
  for (const auto* p : unique) {
    uint32_t i = static_cast<uint32_t>(Fnv1a(p->first)) & (slots - 1);
    while (slot_words[static_cast<size_t>(i) * 4 + 1] != 0) i = (i + 1) & (slots - 1);
    uint32_t* slot = &slot_words[static_cast<size_t>(i) * 4];
    slot[0] = static_cast<uint32_t>(pool.size());
    slot[1] = static_cast<uint32_t>(p->first.size());
    pool += p->first;
    slot[2] = static_cast<uint32_t>(pool.size());
    for (const auto& [norm, flags] : p->second) {
      if (norm.size() > 0xffff) return Status::BadData("token longer than 64 KiB in a phrase");
      pool.push_back(static_cast<char>(flags & kCaseFlags));
      Put16(pool, static_cast<uint16_t>(norm.size()));
      pool += norm;
    }
    slot[3] = static_cast<uint32_t>(pool.size()) - slot[2];
    if (pool.size() > 0xffffffffull / 2) return Status::BadData("phrase table larger than 2 GiB");
  }

  std::string blob(kMagic, sizeof kMagic);
  Put32(blob, kVersion);
  Put32(blob, static_cast<uint32_t>(unique.size()));
  Put64(blob, fingerprint);
  Put32(blob, slots);
  Put32(blob, static_cast<uint32_t>(sources.size()));
  const size_t pool_offset =
      kHeaderBytes + sources.size() * kSourceBytes + static_cast<size_t>(slots) * kSlotBytes;
  Put32(blob, static_cast<uint32_t>(pool_offset));
  Put32(blob, static_cast<uint32_t>(pool.size()));
  Put64(blob, 0);  // checksum, set below
  for (size_t k = 0; k < sources.size(); ++k) {
    Put32(blob, names[k].first);
    Put32(blob, names[k].second);
    Put64(blob, sources[k].size);
    Put64(blob, sources[k].hash);
  }
  for (uint32_t w : slot_words) Put32(blob, w);
  blob += pool;
  Set64(blob, 40, Fnv1a(std::string_view(blob).substr(kHeaderBytes)));
  return blob;
}

Status CompiledPhrases::Attach(std::string_view blob, uint64_t fingerprint) {
  const auto* b = reinterpret_cast<const unsigned char*>(blob.data());
  if (blob.size() < kHeaderBytes || std::memcmp(b, kMagic, sizeof kMagic) != 0) {
    return Status::BadData("not an actor phrase table");
  }
  if (Get32(b + 8) != kVersion) {
    return Status::BadData("format version " + std::to_string(Get32(b + 8)) + ", not " +
                           std::to_string(kVersion));
  }
  if (Get64(b + 40) != Fnv1a(blob.substr(kHeaderBytes))) return Status::BadData("damaged (checksum)");
  if (Get64(b + 16) != fingerprint) {
    return Status::BadData("made by another text stage (its text/*.txt or ICU differ)");
  }
  const uint32_t phrases = Get32(b + 12), slots = Get32(b + 24), sources = Get32(b + 28);
  const uint32_t pool_offset = Get32(b + 32), pool_size = Get32(b + 36);
  if (slots == 0 || (slots & (slots - 1)) != 0 || phrases >= slots) {
    return Status::BadData("bad slot count");
  }
  const uint64_t tables =
      kHeaderBytes + uint64_t{sources} * kSourceBytes + uint64_t{slots} * kSlotBytes;
  if (tables != pool_offset || !Inside(pool_offset, pool_size, blob.size())) {
    return Status::BadData("truncated");
  }
  pool_ = blob.substr(pool_offset, pool_size);
  slots_ = b + kHeaderBytes + size_t{sources} * kSourceBytes;
  mask_ = slots - 1;
  phrases_ = phrases;
  sources_.clear();
  for (uint32_t k = 0; k < sources; ++k) {
    const unsigned char* s = b + kHeaderBytes + size_t{k} * kSourceBytes;
    if (!Inside(Get32(s), Get32(s + 4), pool_.size())) return Status::BadData("truncated");
    sources_.push_back(
        {std::string(pool_.substr(Get32(s), Get32(s + 4))), Get64(s + 8), Get64(s + 16)});
  }
  return Status::Ok();
}

Result<std::unique_ptr<CompiledPhrases>> CompiledPhrases::Open(const std::string& path,
                                                               uint64_t fingerprint) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<MappedFile> file, MappedFile::Open(path));
  std::unique_ptr<CompiledPhrases> t(new CompiledPhrases());
  t->file_ = std::move(file);
  Status st = t->Attach(t->file_->data(), fingerprint);
  if (!st.ok()) return Status::BadData(path + ": " + st.message());
  return t;
}

Result<std::unique_ptr<CompiledPhrases>> CompiledPhrases::FromBlob(std::string blob,
                                                                   uint64_t fingerprint) {
  std::unique_ptr<CompiledPhrases> t(new CompiledPhrases());
  t->owned_ = std::move(blob);
  DRAGOMAN_RETURN_IF_ERROR(t->Attach(t->owned_, fingerprint));
  return t;
}

bool CompiledPhrases::Find(std::string_view phrase, std::vector<PhraseToken>* out) const {
  if (phrase.empty() || phrase.size() > 0xffff) return false;
  uint32_t i = static_cast<uint32_t>(Fnv1a(phrase)) & mask_;
  for (uint64_t probes = 0; probes <= mask_; ++probes, i = (i + 1) & mask_) {
    const unsigned char* s = slots_ + static_cast<size_t>(i) * kSlotBytes;
    const uint32_t key_len = Get32(s + 4);
    if (key_len == 0) return false;
    if (key_len != phrase.size()) continue;
    const uint32_t key_off = Get32(s);
    if (!Inside(key_off, key_len, pool_.size())) return false;
    if (std::memcmp(pool_.data() + key_off, phrase.data(), key_len) != 0) continue;
    const uint32_t off = Get32(s + 8), len = Get32(s + 12);
    if (!Inside(off, len, pool_.size())) return false;
    std::string_view toks = pool_.substr(off, len);
    const size_t first = out->size();
    for (size_t p = 0; p < toks.size();) {
      if (toks.size() - p < 3) {
        out->resize(first);
        return false;
      }
      const auto* t = reinterpret_cast<const unsigned char*>(toks.data() + p);
      const uint16_t n = Get16(t + 1);
      if (n > toks.size() - p - 3) {
        out->resize(first);
        return false;
      }
      out->push_back({toks.substr(p + 3, n), static_cast<uint8_t>(t[0] & kCaseFlags)});
      p += 3 + size_t{n};
    }
    return true;
  }
  return false;
}

std::vector<std::string> CompiledPhrases::Stale(const std::string& data_dir) const {
  std::vector<std::string> out;
  for (const Source& s : sources_) {
    const std::string path = !s.name.empty() && s.name[0] == '/' ? s.name : data_dir + "/" + s.name;
    auto now = HashSource(s.name, path);
    if (!now.ok() || now->size != s.size || now->hash != s.hash) out.push_back(s.name);
  }
  return out;
}

const std::vector<PhraseToken>& PhraseAnalyser::Tokens(std::string_view phrase) {
  tokens_.clear();
  if (table_ != nullptr && table_->Find(phrase, &tokens_)) {
    ++found_;
    return tokens_;
  }
  ++analysed_;
  scratch_ = text_.Analyze(phrase);
  for (const Sentence& s : scratch_) {
    for (const Token& t : s.tokens) {
      tokens_.push_back({t.norm, static_cast<uint8_t>(t.flags & kCaseFlags)});
    }
  }
  if (record_) {
    auto& r = recorded_.emplace_back(std::string(phrase),
                                     std::vector<std::pair<std::string, uint8_t>>());
    for (const PhraseToken& t : tokens_) r.second.emplace_back(std::string(t.norm), t.flags);
  }
  return tokens_;
}

ChosenPhrases ChooseCompiledPhrases(const ActorConfig& config) {
  ChosenPhrases out;
  if (config.compiled_phrases == "none") return out;
  auto fingerprint = CompiledPhrases::AnalyzerFingerprint(config.data_dir);
  if (!fingerprint.ok()) return out;  // the text stage's loader reports its own files
  std::vector<std::string> candidates = config.compiled_phrases.empty()
                                            ? DefaultCompiledPhrasePaths(config.data_dir)
                                            : std::vector<std::string>{config.compiled_phrases};
  for (const std::string& path : candidates) {
    auto t = CompiledPhrases::Open(path, *fingerprint);
    if (t.ok()) {
      out.table = std::move(t).value();
      out.path = path;
      return out;
    }
    if (t.status().code() == Status::Code::kNotFound) continue;
    if (!out.passed_over.empty()) out.passed_over += "; ";
    out.passed_over += t.status().message();
  }
  return out;
}

std::string DescribeCompiledPhrases(const ActorConfig& config) {
  ChosenPhrases chosen = ChooseCompiledPhrases(config);
  if (chosen.table == nullptr) {
    std::string why = config.compiled_phrases == "none" ? "disabled"
                      : chosen.passed_over.empty()      ? "none found"
                                                        : chosen.passed_over;
    return "actor phrases: no compiled table (" + why +
           "): every phrase is analysed at start-up (dragoman_actorc DIR DIR/actor-phrases.bin "
           "makes one)";
  }
  std::string out = "actor phrases: compiled table " + chosen.path + " (" +
                    std::to_string(chosen.table->size()) + " phrases)";
  std::vector<std::string> stale = chosen.table->Stale(config.data_dir);
  if (!stale.empty()) {
    out += "; stale for ";
    for (size_t i = 0; i < stale.size(); ++i) out += (i ? ", " : "") + stale[i];
    out += ": their new phrases are analysed at start-up";
  }
  return out;
}

std::vector<std::string> DefaultCompiledPhrasePaths(const std::string& data_dir) {
  // DRAGOMAN_ACTOR_PHRASES is defined by src/actors/CMakeLists.txt.
  return {data_dir + "/actor-phrases.bin", DRAGOMAN_ACTOR_PHRASES};
}

}  // namespace dragoman
