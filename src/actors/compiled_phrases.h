// The actor dictionary's phrases, analysed once by the build and mapped at start-up.
//
// ActorDictionary::Load() splits every phrase of every actor file (and every ISO 3166-1 name)
// into tokens with the text stage, so that entries and text are folded identically. Running the
// whole text analyzer on ~4,000 phrases was most of dragoman's start-up (doc/performance.md).
// What a phrase contributes to the trie is only its tokens' `norm` and their capitalisation
// flags, and that is a function of the phrase and of the text stage alone. So the build runs the
// real analysis once (the tool `dragoman_actorc`, src/actors/actorc_main.cc) and writes a table
// phrase -> tokens (sentencepiece's habit: compile a lexicon offline into a compact blob, map
// it at run time). The loader asks the table first and analyses only the phrases it lacks.
//
// Why this can never serve a stale answer: entries are keyed by the phrase text itself, and the
// table is only used when its analyzer fingerprint matches the data directory's: a hash of the
// text stage's data files (text/abbreviations.txt, furniture.txt, lemmas.txt: the tokenizer
// reads the first) and of ICU's version. A phrase added to or changed in an actor file is simply
// not found and is analysed at load; a change to the text stage's files makes the whole table be
// passed over. Changes to the text stage's code rebuild the table (the build step depends on the
// tool, which links the text stage). The table also records a checksum of each source file it was
// compiled from, so `Stale()` can say which actor files changed since (check-data reports it).
//
// File format (version 1; integers little-endian; offsets from the start of the file):
//   header   48 bytes: "DRGACTPH", u32 version, u32 phrase count, u64 analyzer fingerprint,
//            u32 slot count (a power of two), u32 source count, u32 pool offset, u32 pool size,
//            u64 checksum (FNV-1a-64 of every byte after the header)
//   sources  per source file, 24 bytes: u32 name offset, u32 name length (into the pool; the
//            name relative to the data directory, or an absolute path for files outside it),
//            u64 size in bytes, u64 FNV-1a-64 of its content
//   slots    slot count x 16 bytes: u32 phrase offset, u32 phrase length, u32 tokens offset,
//            u32 tokens length (into the pool); phrase length 0: empty slot. Open addressing
//            with linear probing on FNV-1a-64 of the phrase; load factor <= 2/3.
//   pool     the phrases, source names and token lists, unterminated. A token list is, per
//            token: u8 flags (Token::kCapitalized | Token::kAllCaps), u16 norm length, the norm.
// Open() checks the magic, version, checksum, fingerprint and that every section lies inside the
// file; lookups bounds-check what they follow, so even a file damaged after Open() can yield a
// wrong answer at worst, never a bad read.
//
// Thread-safety: a CompiledPhrases is immutable after Open() and may be read by any number of
// threads. A PhraseAnalyser is for one loader on one thread.
#ifndef DRAGOMAN_ACTORS_COMPILED_PHRASES_H_
#define DRAGOMAN_ACTORS_COMPILED_PHRASES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actors/actor.h"
#include "base/mapped_file.h"
#include "base/status.h"
#include "text/analysis.h"

namespace dragoman {

// One token of an analysed phrase. `norm` points into the table, or into the analyser that
// returned it (valid until its next call).
struct PhraseToken {
  std::string_view norm;
  uint8_t flags = 0;  // Token::kCapitalized and Token::kAllCaps only
};

class CompiledPhrases {
 public:
  // The fingerprint of the text stage that analyses phrases for `data_dir`: a hash of ICU's
  // version, this format's version and the bytes of data_dir/text/{abbreviations,furniture,
  // lemmas}.txt. NotFound/BadData when one cannot be read.
  static Result<uint64_t> AnalyzerFingerprint(const std::string& data_dir);

  // One source file as recorded in the table.
  struct Source {
    std::string name;  // relative to the data directory, or an absolute path
    uint64_t size = 0;
    uint64_t hash = 0;  // FNV-1a-64 of the content
  };
  // `path` read and hashed under `name`. NotFound/Io when it cannot be read.
  static Result<Source> HashSource(const std::string& name, const std::string& path);

  // The blob for `phrases` (each phrase once; later duplicates are ignored) analysed under
  // `fingerprint`, recording `sources`. BadData when a phrase or norm is too long to store
  // (64 KiB) or the table would exceed 4 GiB.
  static Result<std::string> Compile(
      uint64_t fingerprint, const std::vector<Source>& sources,
      const std::vector<std::pair<std::string, std::vector<std::pair<std::string, uint8_t>>>>&
          phrases);

  // Maps `path` and checks it (see the format above). NotFound when it does not exist; BadData
  // "PATH: why" when it is not a table of this version, is damaged, or was analysed under
  // another fingerprint than `fingerprint` ("PATH: made by another text stage").
  static Result<std::unique_ptr<CompiledPhrases>> Open(const std::string& path,
                                                       uint64_t fingerprint);
  // A table over a blob in memory (tests). Same checks as Open().
  static Result<std::unique_ptr<CompiledPhrases>> FromBlob(std::string blob, uint64_t fingerprint);

  // The tokens of `phrase`, appended to *out; false (and *out untouched) when it is not in the
  // table. The views point into the table and live as long as it.
  bool Find(std::string_view phrase, std::vector<PhraseToken>* out) const;

  size_t size() const { return phrases_; }
  const std::vector<Source>& sources() const { return sources_; }
  // The recorded sources whose file under `data_dir` (or absolute path) now has another size or
  // content, or is missing: the files edited since the table was compiled.
  std::vector<std::string> Stale(const std::string& data_dir) const;

 private:
  CompiledPhrases() = default;
  Status Attach(std::string_view blob, uint64_t fingerprint);

  std::unique_ptr<MappedFile> file_;  // when mapped
  std::string owned_;                 // when made from a blob in memory
  std::string_view pool_;
  const unsigned char* slots_ = nullptr;
  uint32_t mask_ = 0;
  uint32_t phrases_ = 0;
  std::vector<Source> sources_;
};

// What ActorDictionary::Load() asks for each phrase: its tokens, from the compiled table when it
// holds the phrase, else from the text analyzer (TextAnalyzer::Analyze on the phrase alone, the
// tokens of all its sentences in order). Optionally records every analysis it makes, which is how
// the compiler collects the phrases of a data directory.
//
// Lifetime: `text` and `table` (may be null) must outlive the analyser.
class PhraseAnalyser {
 public:
  PhraseAnalyser(const TextAnalyzer& text, const CompiledPhrases* table, bool record = false)
      : text_(text), table_(table), record_(record) {}

  // The tokens of `phrase`; valid until the next call.
  const std::vector<PhraseToken>& Tokens(std::string_view phrase);

  int found() const { return found_; }        // phrases answered by the table
  int analysed() const { return analysed_; }  // phrases the text analyzer had to split
  // With `record`: every phrase analysed, with its tokens (norm, flags), in call order.
  const std::vector<std::pair<std::string, std::vector<std::pair<std::string, uint8_t>>>>&
  recorded() const {
    return recorded_;
  }

 private:
  const TextAnalyzer& text_;
  const CompiledPhrases* table_;
  bool record_;
  int found_ = 0;
  int analysed_ = 0;
  std::vector<PhraseToken> tokens_;
  std::vector<Sentence> scratch_;  // owns the norms of an analysed phrase
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, uint8_t>>>> recorded_;
};

// Where ActorDictionary::Load() looks for a table, in order: DATA_DIR/actor-phrases.bin (where
// `cmake --install` puts the one compiled from the shipped data, and where `dragoman_actorc`
// can put one for a data directory of one's own), then the build tree's (the shipped data/).
// The first that exists and passes Open() is used.
std::vector<std::string> DefaultCompiledPhrasePaths(const std::string& data_dir);

// The table ActorDictionary::Load() uses for `config` (ActorConfig::compiled_phrases): the first
// candidate that opens and passes the checks, or none. Never fails: a table is only a speed-up.
struct ChosenPhrases {
  std::unique_ptr<CompiledPhrases> table;  // null: every phrase is analysed
  std::string path;                        // of `table`
  std::string passed_over;                 // why candidates that exist were not used, "; "-joined
};
ChosenPhrases ChooseCompiledPhrases(const ActorConfig& config);

// One line for `dragoman check-data` saying which table `config` gets and whether it is
// complete: "actor phrases: compiled table PATH (N phrases)", plus "; stale for FILE, ...: their
// new phrases are analysed at start-up" when source files changed since it was made, or "no
// compiled table (...): every phrase is analysed at start-up" with the reasons tables were
// passed over.
std::string DescribeCompiledPhrases(const ActorConfig& config);

}  // namespace dragoman

#endif  // DRAGOMAN_ACTORS_COMPILED_PHRASES_H_
