// The coder runs the stages over one document in order. Per-document state (the actor resolver's
// memory of who is who, the event stage's context) lives on the stack of Code(), so a Coder can
// serve many threads.
//
// After the event stage, one discourse rule is applied here because it needs the whole paragraph:
// an event whose sentence states no date takes the date stated elsewhere in its paragraph when
// that paragraph states exactly one (news paragraphs narrate one occasion: "During a meeting in
// X, A stressed ... He added ..., the agency reported on 3 February."). Otherwise it keeps the
// document date. Event nouns (Event::nominal: "the attack on the embassy") never inherit: they
// are usually background to the occasion the paragraph narrates.
//
// A second, document-wide rule: a news report is about one occasion, dated in its lead ("X met Y
// in Z on March 5", published March 8). An event with neither a date of its own nor a paragraph
// date takes that occasion's date instead of the publication date (OccasionDate() below;
// date_source "occasion"). Event nouns do not take it either.
#include "coder/coder.h"

#include <limits>
#include <map>
#include <set>

#include "actors/resolver.h"
#include "classify/classifier.h"
#include "events/extractor.h"
#include "lexicon/lexicon.h"
#include "place/gazetteer.h"
#include "quantity/quantity.h"
#include "text/analysis.h"
#include "time/dates.h"

namespace dragoman {

struct Coder::Impl {
  std::unique_ptr<TextAnalyzer> text;
  // Loaded once for every stage: the finders point into it, the events stage shares it.
  std::shared_ptr<const Lexicon> lexicon;
  std::optional<DateFinder> dates;
  std::optional<QuantityFinder> quantities;
  std::shared_ptr<const ActorDictionary> actors;
  std::shared_ptr<const Gazetteer> places;
  std::unique_ptr<EventExtractor> events;
  std::unique_ptr<const TypeClassifier> classifier;  // null: rules alone
  decltype(CoderConfig::observe) observe;
};

Coder::Coder() : impl_(std::make_unique<Impl>()) {}
Coder::~Coder() = default;

Result<std::unique_ptr<Coder>> Coder::Create(const CoderConfig& config) {
  std::unique_ptr<Coder> coder(new Coder());
  Impl& im = *coder->impl_;
  TextConfig tc;
  tc.data_dir = config.data_dir;
  DRAGOMAN_ASSIGN_OR_RETURN(im.text, TextAnalyzer::Create(tc));
  DRAGOMAN_ASSIGN_OR_RETURN(Lexicon lexicon, Lexicon::Load(config.data_dir + "/lexicon"));
  im.lexicon = std::make_shared<const Lexicon>(std::move(lexicon));
  DRAGOMAN_ASSIGN_OR_RETURN(im.dates, DateFinder::Create(*im.lexicon));
  DRAGOMAN_ASSIGN_OR_RETURN(im.quantities, QuantityFinder::Create(*im.lexicon));
  ActorConfig ac;
  ac.data_dir = config.data_dir;
  ac.lexicon = im.lexicon;  // read once, shared with the dates, places and events stages
  DRAGOMAN_ASSIGN_OR_RETURN(im.actors, ActorDictionaryHandle::Load(ac, *im.text));
  DRAGOMAN_ASSIGN_OR_RETURN(im.places, Gazetteer::Load(config.data_dir, *im.text, *im.lexicon));
  EventConfig ec;
  ec.data_dir = config.data_dir;
  DRAGOMAN_ASSIGN_OR_RETURN(im.events, EventExtractor::Create(ec, im.lexicon));
  if (config.classify) {
    DRAGOMAN_ASSIGN_OR_RETURN(im.classifier, TypeClassifier::Load(config.data_dir, &im.events->codes()));
  }
  im.observe = config.observe;
  return coder;
}

namespace {

// The single date a paragraph states, if it states exactly one (ignoring dates after the
// document date, which are plans rather than reports).
std::map<int, PartialDate> ParagraphDates(const std::vector<Sentence>& sentences,
                                          const std::vector<std::vector<DateMention>>& dates,
                                          std::optional<PartialDate> doc_date) {
  std::map<int, std::set<PartialDate>> seen;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (sentences[i].furniture || sentences[i].heading) continue;
    for (const DateMention& d : dates[i]) {
      if (doc_date && d.date.DaysFromEpoch() > doc_date->DaysFromEpoch()) continue;
      if (d.date.precision() == DatePrecision::kYear) continue;
      seen[sentences[i].paragraph].insert(d.date);
    }
  }
  std::map<int, PartialDate> out;
  for (const auto& [para, set] : seen) {
    if (set.size() == 1) out[para] = *set.begin();
  }
  return out;
}

// How many body paragraphs the occasion date is looked for in, and how far before the document
// date the occasion may lie (news reports what happened in the last days).
constexpr int kOccasionParagraphs = 2;
constexpr int kOccasionMaxDays = 7;

// The largest piece of a document analysed at once (Coder::Code).
constexpr size_t kChunkBytes = 1u << 20;

// The occasion a news report is about: "X met Y in Z on March 5" in the lead, then paragraphs
// that narrate it without repeating the date. It is the day-precise date stated in the first
// body paragraph that states one (of the first kOccasionParagraphs body paragraphs, headings and
// furniture skipped), when that paragraph states exactly one such date and it lies on the
// document date or at most kOccasionMaxDays before it. None without a document date.
std::optional<PartialDate> OccasionDate(const std::vector<Sentence>& sentences,
                                        const std::vector<std::vector<DateMention>>& dates,
                                        std::optional<PartialDate> doc_date) {
  if (!doc_date || doc_date->precision() != DatePrecision::kDay) return std::nullopt;
  const long doc_day = doc_date->DaysFromEpoch();
  int paragraphs_seen = 0;
  int current = -1;
  std::set<PartialDate> found;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    if (s.furniture || s.heading) continue;
    if (s.paragraph != current) {
      if (!found.empty()) break;  // the previous paragraph stated the occasion
      if (++paragraphs_seen > kOccasionParagraphs) break;
      current = s.paragraph;
    }
    for (const DateMention& d : dates[i]) {
      if (d.date.precision() != DatePrecision::kDay) continue;
      long day = d.date.DaysFromEpoch();
      if (day > doc_day || doc_day - day > kOccasionMaxDays) continue;
      found.insert(d.date);
    }
  }
  // An occasion on the document date changes nothing: the events keep the document's date.
  if (found.size() != 1 || found.begin()->DaysFromEpoch() == doc_day) return std::nullopt;
  return *found.begin();
}

// Where the analysis chunk starting at `from` ends: at most kChunkBytes on, after the last blank
// line before that (a paragraph break, which the analysis never reads across), else after the
// last line break, else after the last ". ", else at a character boundary.
size_t ChunkEnd(std::string_view text, size_t from) {
  if (text.size() - from <= kChunkBytes) return text.size();
  const size_t limit = from + kChunkBytes;
  std::string_view window = text.substr(from, kChunkBytes);
  for (std::string_view sep : {"\n\n", "\n\r\n", "\n", ". "}) {
    size_t k = window.rfind(sep);
    if (k != std::string_view::npos && k > kChunkBytes / 2) return from + k + sep.size();
  }
  size_t k = limit;
  while (k > from + 1 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
  return k;
}

}  // namespace

std::string Coder::Name() const { return impl_->classifier ? "classify" : "dragoman"; }

CodedDocument Coder::Code(const Document& doc) const {
  return Code(doc, std::numeric_limits<size_t>::max());
}

CodedDocument Coder::Code(const Document& doc, size_t max_events) const {
  const Impl& im = *impl_;
  CodedDocument out;
  ActorResolver resolver(im.actors, doc.date);
  EventContext event_context;
  // Every sentence stays (ParagraphDates and OccasionDate read their paragraphs and flags), but
  // its tokens are released once it is coded.
  std::vector<Sentence> sentences;
  std::vector<std::vector<DateMention>> dates;
  std::vector<int> event_paragraph;
  const std::string doc_date = doc.date ? doc.date->ToString() : "";
  const std::string doc_date_source(DateSourceName(doc.date_source));
  const std::string_view text = doc.text;

  // A long document is analysed a chunk at a time, so that the tokens of one chunk only are held
  // at once: memory stays proportional to the text, not to its token count (issue 12 row 10: a
  // 50 MB article took 2.2 GB). Documents up to kChunkBytes, nearly all, are one chunk.
  int paragraph_base = 0;
  for (size_t from = 0; from < text.size() && out.events.size() <= max_events;) {
    const size_t to = ChunkEnd(text, from);
    std::vector<Sentence> chunk = im.text->Analyze(text.substr(from, to - from));
    const int first = static_cast<int>(sentences.size());
    int last_paragraph = paragraph_base - 1;
    for (Sentence& s : chunk) {
      s.index += first;
      s.paragraph += paragraph_base;
      last_paragraph = s.paragraph;
      s.begin += static_cast<uint32_t>(from);
      s.end += static_cast<uint32_t>(from);
      for (Token& t : s.tokens) {
        t.begin += static_cast<uint32_t>(from);
        t.end += static_cast<uint32_t>(from);
      }
    }
    paragraph_base = last_paragraph + 1;
    from = to;

    for (Sentence& s : chunk) {
      if (out.events.size() > max_events) break;  // refused whole by the caller
      out.sentences.push_back({s.index, s.begin, s.end, s.paragraph, s.heading, s.furniture});
      SentenceFacts facts;
      facts.doc = &doc;
      facts.sentence = &s;
      // The resolver sees every sentence (even furniture and headings) so that it keeps its
      // document-order memory; it reports no actors from furniture.
      facts.actors = resolver.Resolve(s, doc.text);
      facts.parties = resolver.PrincipalParties();
      dates.push_back(im.dates->Find(s, doc.text, doc.date));
      if (!s.furniture) {
        facts.dates = dates.back();
        facts.places = im.places->Find(s);
        facts.quantities = im.quantities->Find(s, doc.text);
      }
      // Furniture and headings go through too: the extractor codes nothing from them but keeps
      // its per-document context in step.
      std::vector<Event> found = im.events->Extract(facts, &event_context);
      if (!s.furniture) {
        if (im.observe) im.observe(doc, s, facts.actors, found);
        if (im.classifier) im.classifier->Apply(doc, s, facts.actors, facts.dates, &found);
        im.events->CompleteMutual(facts, &found);
      }
      for (Event& e : found) {
        e.doc = doc.id;
        e.doc_date = doc_date;
        e.doc_date_source = doc_date_source;
        out.events.push_back(std::move(e));
        event_paragraph.push_back(s.paragraph);
      }
      s.tokens = std::vector<Token>();
      sentences.push_back(std::move(s));
    }
  }

  std::map<int, PartialDate> para_dates = ParagraphDates(sentences, dates, doc.date);
  std::optional<PartialDate> occasion = OccasionDate(sentences, dates, doc.date);
  for (size_t k = 0; k < out.events.size(); ++k) {
    Event& e = out.events[k];
    if (e.date_source == "text") continue;
    // An event noun mentioned in passing ("strained since the attack on the embassy") is
    // background: the paragraph's date belongs to the occasion its verbs narrate.
    if (e.nominal) continue;
    auto it = para_dates.find(event_paragraph[k]);
    if (it != para_dates.end()) {
      e.date = it->second.ToString();
      e.date_source = "paragraph";
    } else if (occasion && e.date_source == "document") {
      e.date = occasion->ToString();
      e.date_source = "occasion";
    }
  }
  return out;
}

}  // namespace dragoman
