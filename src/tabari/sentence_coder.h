// SentenceCoder: codes documents with a TABARI project's dictionaries and the TABARI coder
// (tabari/coder.h), but through dragoman's own reader and text stages, into dragoman Events (the
// output contract of doc/output.md). This is what `dragoman code|ingest --dictionaries
// tabari:PATH.project` runs (doc/tabari.md, "--dictionaries for code and ingest"), and, with
// PETRARCH-1 dictionaries loaded by tabari/petrarch.h, `--dictionaries petrarch:SPEC`.
//
// The approach:
//   1. The document is split by dragoman's TextAnalyzer (sentences, paragraphs, furniture and
//      heading flags: the same splitting as the default coder). Furniture and headings are not
//      coded, as in the default coder.
//   2. Each remaining sentence is one TABARI record: TabariCoder::Code() on the sentence text,
//      dated with the document date (the latest date when there is none, so open-ended roles
//      apply), continuing the document's story so that a pronoun refers back to the previous
//      sentence's actor. Discarded (###) and complex (+++) sentences yield no events.
//   3. Every coded event becomes an Event: the sentence and its byte span (TABARI does not
//      report token positions, so the event's span and its actors' spans are the sentence's and
//      the actors' `text` is empty); source and target codes split into country + sector when the
//      code starts with an ISO 3166-1 alpha-3 country code (`AZEGOV` -> AZE, GOV), kept whole
//      otherwise (`IGOUNO`, the Demo dictionaries' `ARN`); the code as the `cameo` field; the
//      document date (or the date the coder shifted it to); and as `rule` the dictionary line that
//      produced it, "FILE:LINE TEXT" (a pattern line, or the verb's root line for its default
//      code).
//   4. PLOVER type, Goldstein weight and quad class come from dragoman's CAMEO table
//      (data/events/cameo.tsv, cameo_plover.tsv) when the dictionaries are CAMEO: every code the
//      verbs files use is in that table. Otherwise (the TABARI Demo dictionaries are WEIS-like)
//      codes pass through as they are, with no PLOVER type, Goldstein 0 and no quad class.
//
// Ownership and thread-safety: Create() loads everything once; the SentenceCoder is then
// immutable except for a mutex-guarded pool of TabariCoders (one is taken per Code() call), so
// Code() may be called from any number of threads at once.
//
// Bad data: Create() fails with BadData "file:line: reason" for a malformed dictionary file, and
// BadData naming the file for a missing project, dictionary, data or iso-codes file.
#ifndef DRAGOMAN_TABARI_SENTENCE_CODER_H_
#define DRAGOMAN_TABARI_SENTENCE_CODER_H_

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "actors/actor.h"
#include "base/status.h"
#include "coder/document_coder.h"
#include "events/codes.h"
#include "input/document.h"
#include "tabari/coder.h"
#include "tabari/dictionary.h"
#include "text/analysis.h"

namespace dragoman::tabari {

struct SentenceCoderConfig {
  std::string project;  // the TABARI .project file (its <textfile> is not read)
  // Instead of `project`: a PETRARCH-1 dictionary set, the part after "petrarch:" of a
  // --dictionaries spec (ResolvePetrarchSpec in tabari/petrarch.h). Its files are loaded with
  // PETRARCH's options (PetrarchOptions()), malformed entries skipped and counted in
  // load_warnings(), WordNet's adjectives as the adjective list; sentences are coded as the
  // PETRARCH unit suite codes a record (CodePetrarchText()).
  std::string petrarch;
  std::string data_dir;  // dragoman's data directory: text/ for sentences, events/ for CAMEO
  std::string wordnet_dir = "/usr/share/wordnet";
  std::string iso_codes_json = "/usr/share/iso-codes/json/iso_3166-1.json";
};

// Splits a TABARI actor code into an ActorRef's code, country and sector: the country is the
// first three letters when `is_country` accepts them, the sector the next three letters when
// there are at least three more (`USAGOVPRS` -> USA, GOV); `code` always keeps the whole code.
// The mention fields (text, span) are left empty.
ActorRef SplitActorCode(std::string_view code,
                        const std::function<bool(std::string_view)>& is_country);

class SentenceCoder final : public DocumentCoder {
 public:
  static Result<std::unique_ptr<SentenceCoder>> Create(const SentenceCoderConfig& config);
  ~SentenceCoder() override;

  // Codes one document (see the approach above). Never fails: text it cannot code yields no
  // events. Thread-safe.
  CodedDocument Code(const Document& doc) const override;
  // "tabari:PROJECT" or "petrarch:SPEC", as the configuration named it.
  std::string Name() const override { return name_; }
  // The non-CAMEO note (when !cameo()) and the count of skipped malformed entries, if any.
  std::vector<std::string> Notes() const override;

  // Whether every code of the verbs dictionaries is a CAMEO code (events then carry PLOVER
  // types and Goldstein weights).
  bool cameo() const { return non_cameo_.empty(); }
  // Whether PETRARCH-1 dictionaries are loaded: they are CAMEO dictionaries, so each event whose
  // code is in the CAMEO table is typed even when !cameo().
  bool petrarch() const { return petrarch_; }
  // When !cameo(): the first code that is not CAMEO, as "FILE:LINE: code X", for a note.
  const std::string& non_cameo() const { return non_cameo_; }
  const Dictionaries& dictionaries() const { return dict_; }
  // The malformed entries skipped while loading PETRARCH-1 files ("FILE:LINE: reason"); empty
  // for a TABARI project, whose loader fails on the first one instead.
  const std::vector<std::string>& load_warnings() const { return warnings_; }

 private:
  SentenceCoder() = default;
  // The event for one coded TABARI event of sentence `s`.
  Event MakeEvent(const Document& doc, const CodedSentence& s, const CodedEvent& ce,
                  int32_t date) const;

  Dictionaries dict_;
  std::unique_ptr<TextAnalyzer> text_;
  CodeTable codes_;
  std::string non_cameo_;
  bool petrarch_ = false;
  std::string name_;
  std::vector<std::string> warnings_;
  std::unordered_set<std::string> countries_;  // ISO 3166-1 alpha-3
  // "FILE:LINE TEXT" of the line that defines each pattern's or verb group's code.
  std::unordered_map<const VerbCode*, std::string> rules_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<TabariCoder>> idle_;  // guarded by mu_
};

}  // namespace dragoman::tabari

#endif  // DRAGOMAN_TABARI_SENTENCE_CODER_H_
