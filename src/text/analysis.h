// Text analysis: normalisation, sentence splitting, tokens and lemmas.
//
// Input is a document's UTF-8 text; output is a list of sentences, each a list of tokens. Every
// offset is a BYTE offset into the original (un-normalised) text, so that any span the later
// stages report can be cut out of the document exactly.
//
// Matching keys. Each token carries:
//   norm  - NFKC-normalised, case-folded, with letters outside ASCII folded for matching
//           ("Ə"/"ə" -> "e", "ı" -> "i", curly quotes -> ', dashes -> -). Dictionaries are
//           written in this form.
//   lemma - WordNet 3.0 base form of `norm` ("pardoned" -> "pardon", "met" -> "meet",
//           "ministries" -> "ministry"); verbs take precedence over nouns; equals `norm` when
//           WordNet does not know the word.
//
// Sentences never cross a blank line; a line is its own block unless it is hard-wrapped prose
// (see doc/text.md for the exact rules, the tokenisation rules and the data file formats).
// The lemmatizer is declared in text/lemmatizer.h.
//
// Thread-safety: a TextAnalyzer is immutable after Create() and may be shared by threads.
#ifndef DRAGOMAN_TEXT_ANALYSIS_H_
#define DRAGOMAN_TEXT_ANALYSIS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/data_file.h"
#include "base/status.h"

namespace dragoman {

struct Token {
  enum Flag : uint8_t {
    kCapitalized = 1 << 0,  // first letter is upper case ("Baku", "Iran's")
    kAllCaps = 1 << 1,      // two or more letters, all upper case ("OIC", "UN")
    kNumber = 1 << 2,       // digits, possibly with , . ("37", "1,000", "2.5")
    kPunct = 1 << 3,        // punctuation only
    kVerbForm = 1 << 4,     // WordNet knows the word as a verb form
    kNounForm = 1 << 5,     // WordNet knows the word as a noun form
    kAdjectiveOnly = 1 << 6,  // WordNet knows it as an adjective form, not a noun or verb one
  };
  uint32_t begin = 0;  // byte offset into the document text
  uint32_t end = 0;    // one past the last byte
  std::string norm;
  std::string lemma;
  uint8_t flags = 0;

  bool has(Flag f) const { return flags & f; }
};

struct Sentence {
  int index = 0;       // 0-based position in the document
  int paragraph = 0;   // 0-based paragraph (block of text between blank lines / line breaks)
  uint32_t begin = 0;  // byte span of the sentence in the document text (trimmed)
  uint32_t end = 0;
  std::vector<Token> tokens;
  // True for lines that look like headings rather than prose (doc/text.md): few words and no final
  // stop, all-caps banners, a page top's headlines, bullet summaries. No events come from them.
  bool heading = false;
  // True for page furniture: banners, logos, "Share this page", "Last update: ...", photo
  // captions ending in a site name ("... / president.ir"). No actors or events come from them.
  bool furniture = false;
};

struct TextConfig {
  // Holds text/abbreviations.txt, text/furniture.txt and text/lemmas.txt (formats: doc/text.md).
  std::string data_dir;
  // WordNet dictionary directory (index.* and *.exc files from Debian's wordnet-base).
  std::string wordnet_dir = "/usr/share/wordnet";
  // Its lists compiled by the build (text/lemma_table.h); "" for the default locations. A table
  // that does not match `wordnet_dir`'s files is ignored and the lists are parsed instead.
  std::string lemma_table;
  // Where problems in the data files go (base/data_file.h); null: the first one fails Create().
  DataProblems* problems = nullptr;
};

class Lemmatizer;

class TextAnalyzer {
 public:
  // Loads the abbreviation list and WordNet. BadData names the file and line at fault.
  static Result<std::unique_ptr<TextAnalyzer>> Create(const TextConfig& config);
  ~TextAnalyzer();

  // Splits `text` (valid UTF-8) into sentences and tokens. Never fails; empty text gives none.
  std::vector<Sentence> Analyze(std::string_view text) const;

  // The matching key of an arbitrary string, as Token::norm would be for it (used by
  // dictionary loaders so that entries and text are folded the same way).
  std::string Normalize(std::string_view s) const;
  // Splits a dictionary phrase into normalised token strings the same way Analyze() would.
  std::vector<std::string> TokenizePhrase(std::string_view phrase) const;

  const Lemmatizer& lemmatizer() const { return *lemmatizer_; }

 private:
  TextAnalyzer() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_ANALYSIS_H_
