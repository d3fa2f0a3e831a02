// LemmaTable: WordNet's lemma lists and exception lists compiled into one flat, read-only blob
// that is memory-mapped at start-up instead of parsed (sentencepiece's habit).
//
// Six lists come from Debian's wordnet-base: the lemma sets of index.verb, index.noun and
// index.adj (the first word of each entry line) and the maps of verb.exc, noun.exc and adj.exc
// (inflected form -> its first base form). The build compiles them once (the tool
// `dragoman_lemmac`, run by CMake, writes `wordnet-lemmas.bin` into the build tree; `cmake
// --install` copies it to share/dragoman). At run time Open() maps that file when its stamp
// matches the WordNet files installed now (names, sizes and modification times), so an upgraded
// wordnet-base never meets a stale table; otherwise, or when no compiled file exists, it
// compiles the same blob in memory, which gives identical answers, only more slowly (tens of
// milliseconds).
//
// Blob format (version 1; integers little-endian; offsets from the start of the blob):
//   header   "DRGLEMMA", u32 version, u32 list count (6), u64 source stamp,
//            per list: u32 slots offset, u32 slot count (a power of two), u32 entry count,
//            u32 string pool offset, u32 string pool size
//   slots    per list, slot_count slots of {u32 key offset, u16 key length, u16 value length,
//            u32 value offset} (offsets into the string pool; key length 0: empty slot),
//            open addressing with linear probing on FNV-1a-64 of the key, load factor <= 2/3
//   strings  the keys and values, unterminated
// Open() checks the header and that every list lies inside the blob; a lookup checks the string
// offsets it follows, so a damaged file yields wrong answers at worst, never a bad read.
//
// Thread-safety: immutable after Open(); any number of threads may look up at once.
#ifndef DRAGOMAN_TEXT_LEMMA_TABLE_H_
#define DRAGOMAN_TEXT_LEMMA_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/mapped_file.h"
#include "base/status.h"

namespace dragoman {

class LemmaTable {
 public:
  enum List { kVerbs, kNouns, kAdjectives, kVerbExceptions, kNounExceptions, kAdjExceptions };
  static constexpr int kListCount = 6;

  // The stamp of the WordNet files in `wordnet_dir` (their names, sizes and modification times).
  // NotFound when one of the six files is missing.
  static Result<uint64_t> SourceStamp(const std::string& wordnet_dir);

  // Compiles the six files of `wordnet_dir` into a blob. NotFound / Io when a file cannot be
  // read; BadData when an index file holds no lemma.
  static Result<std::string> Compile(const std::string& wordnet_dir);

  // The table of `wordnet_dir`: the compiled file `compiled_path` mapped when it exists, is well
  // formed and carries the stamp of the installed files; else compiled in memory. An empty
  // `compiled_path` means the default locations: the build tree's file, then the installed one.
  static Result<std::unique_ptr<LemmaTable>> Open(const std::string& wordnet_dir,
                                                  const std::string& compiled_path = "");

  // A table over an already compiled blob (tests). BadData when `blob` is not well formed.
  static Result<std::unique_ptr<LemmaTable>> FromBlob(std::string blob);

  bool Contains(List list, std::string_view key) const { return Find(list, key).has_value(); }
  // The value stored for `key` (an exception list's base form; "" in the lemma sets).
  std::optional<std::string_view> Find(List list, std::string_view key) const;
  size_t size(List list) const { return lists_[list].entries; }
  // Whether the table is a mapped compiled file (false: compiled in memory at Open()).
  bool mapped() const { return file_ != nullptr; }

 private:
  struct ListView {
    const unsigned char* slots = nullptr;
    uint32_t mask = 0;
    uint32_t entries = 0;
  };
  LemmaTable() = default;
  Status Attach(std::string_view blob, std::optional<uint64_t> expected_stamp);

  std::unique_ptr<MappedFile> file_;  // when mapped
  std::string owned_;                 // when compiled in memory
  std::string_view pool_;
  ListView lists_[kListCount];
};

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_LEMMA_TABLE_H_
