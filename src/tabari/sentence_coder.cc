#include "tabari/sentence_coder.h"

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "base/data_file.h"
#include "base/file.h"
#include "base/strings.h"
#include "tabari/petrarch.h"

namespace dragoman::tabari {
namespace {

std::string BaseName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// Line `line` (1-based) of `lines` as written, without its ';' comment and outer blanks.
std::string LineText(const std::vector<std::string_view>& lines, int line) {
  if (line < 1 || static_cast<size_t>(line) > lines.size()) return "";
  std::string_view l = lines[static_cast<size_t>(line - 1)];
  return std::string(Trim(l.substr(0, l.find(';'))));
}

// YYYYMMDD for the coder; missing month/day count as the first. No date: the latest date, so
// that open-ended roles ("[X >YYMMDD]") hold and ended ones do not.
int32_t CoderDate(const std::optional<PartialDate>& d) {
  if (!d || !d->valid()) return 99991231;
  return d->year * 10000 + (d->month ? d->month : 1) * 100 + (d->day ? d->day : 1);
}

bool IsUpperAlpha(std::string_view s) {
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return !s.empty();
}

}  // namespace

ActorRef SplitActorCode(std::string_view code,
                        const std::function<bool(std::string_view)>& is_country) {
  ActorRef a;
  a.code = std::string(code);
  if (code.size() < 3 || !IsUpperAlpha(code.substr(0, 3)) || !is_country(code.substr(0, 3)))
    return a;
  a.country = std::string(code.substr(0, 3));
  if (code.size() >= 6 && IsUpperAlpha(code.substr(3, 3)))
    a.sector = std::string(code.substr(3, 3));
  return a;
}

SentenceCoder::~SentenceCoder() = default;

Result<std::unique_ptr<SentenceCoder>> SentenceCoder::Create(const SentenceCoderConfig& config) {
  std::unique_ptr<SentenceCoder> sc(new SentenceCoder());
  if (!config.petrarch.empty()) {
    auto files = ResolvePetrarchSpec(config.petrarch);
    if (!files.ok()) return Status::BadData(files.status().message());
    PetrarchLoadOptions opt;
    opt.on_bad_entry = BadEntryPolicy::kSkip;
    const std::string adjectives = config.wordnet_dir + "/index.adj";
    std::error_code ec;
    if (std::filesystem::exists(adjectives, ec)) opt.adjectives_file = adjectives;
    DRAGOMAN_ASSIGN_OR_RETURN(sc->dict_, LoadPetrarchDictionaries(*files, opt, &sc->warnings_));
    sc->petrarch_ = true;
    sc->name_ = "petrarch:" + config.petrarch;
  } else {
    sc->name_ = "tabari:" + config.project;
    DRAGOMAN_ASSIGN_OR_RETURN(std::string ptext, ReadDataFile(config.project));
    DRAGOMAN_ASSIGN_OR_RETURN(Project project, ParseProject(ptext, config.project));
    DRAGOMAN_ASSIGN_OR_RETURN(sc->dict_, LoadProjectDictionaries(project));
  }

  // Provenance: the line behind every code the coder can report.
  std::vector<std::string> verbs_text;
  std::vector<std::vector<std::string_view>> verbs_lines;
  verbs_text.reserve(sc->dict_.verbs_files.size());
  for (const std::string& f : sc->dict_.verbs_files) {
    DRAGOMAN_ASSIGN_OR_RETURN(std::string t, ReadDataFile(f));
    verbs_text.push_back(std::move(t));
    verbs_lines.push_back(SplitLines(verbs_text.back()));
  }
  auto rule = [&](int file, int line) {
    const std::string& f = sc->dict_.verbs_files[static_cast<size_t>(file)];
    return FileLine(BaseName(f), line) + " " +
           LineText(verbs_lines[static_cast<size_t>(file)], line);
  };

  TextConfig tc;
  tc.data_dir = config.data_dir;
  tc.wordnet_dir = config.wordnet_dir;
  DRAGOMAN_ASSIGN_OR_RETURN(sc->text_, TextAnalyzer::Create(tc));
  DRAGOMAN_ASSIGN_OR_RETURN(sc->codes_, CodeTable::Load(config.data_dir + "/events"));

  // CAMEO or not: every event code of the verbs files must be in the CAMEO table.
  auto check = [&](const VerbCode& c, int file, int line) {
    if (!sc->non_cameo_.empty() || c.null() || c.discard() || c.complex()) return;
    for (const std::string* code : {&c.code, &c.paired}) {
      if (code->empty() || sc->codes_.Find(*code)) continue;
      sc->non_cameo_ = FileLine(BaseName(sc->dict_.verbs_files[static_cast<size_t>(file)]), line) +
                       ": code " + *code;
      return;
    }
  };
  for (const VerbGroup& g : sc->dict_.verb_groups) {
    sc->rules_[&g.code] = rule(g.file, g.line);
    check(g.code, g.file, g.line);
    for (const Pattern& p : g.patterns) {
      sc->rules_[&p.code] = rule(g.file, p.line);
      check(p.code, g.file, p.line);
    }
  }

  DRAGOMAN_ASSIGN_OR_RETURN(std::string iso, ReadDataFile(config.iso_codes_json));
  nlohmann::json j = nlohmann::json::parse(iso, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("3166-1") || !j["3166-1"].is_array())
    return Status::BadData(config.iso_codes_json + ": not an iso-codes 3166-1 JSON file");
  for (const auto& c : j["3166-1"]) {
    if (c.is_object() && c.contains("alpha_3") && c["alpha_3"].is_string())
      sc->countries_.insert(c["alpha_3"].get<std::string>());
  }
  return sc;
}

std::vector<std::string> SentenceCoder::Notes() const {
  std::vector<std::string> notes;
  if (!cameo() && !petrarch()) {
    notes.push_back(non_cameo_ +
                    " is not a CAMEO code: the event codes pass through without PLOVER type or "
                    "Goldstein weight");
  }
  if (!warnings_.empty()) {
    notes.push_back("skipped " + std::to_string(warnings_.size()) +
                    " malformed dictionary entries, the first: " + warnings_.front());
  }
  return notes;
}

Event SentenceCoder::MakeEvent(const Document& doc, const CodedSentence& s, const CodedEvent& ce,
                               int32_t date) const {
  Event e;
  e.doc = doc.id;
  e.doc_date = doc.date ? doc.date->ToString() : "";
  e.doc_date_source = std::string(DateSourceName(doc.date_source));
  e.sentence = s.index;
  e.text = doc.text.substr(s.begin, s.end - s.begin);
  e.span_begin = s.begin;
  e.span_end = s.end;
  auto is_country = [this](std::string_view c) { return countries_.count(std::string(c)) > 0; };
  auto actor = [&](const std::string& code) {
    ActorRef a = SplitActorCode(code, is_country);
    a.begin = s.begin;
    a.end = s.end;
    return a;
  };
  e.source = actor(ce.source);
  e.target = actor(ce.target);
  e.cameo = ce.code;
  // PETRARCH-1's dictionaries are CAMEO dictionaries that also use a few codes of their own
  // (e.g. 0110): those pass through untyped, the others are typed.
  if (cameo() || petrarch_) {
    if (const CodeInfo* info = codes_.Find(ce.code)) {
      e.plover = info->plover;
      e.goldstein = info->goldstein;
      e.quad = info->quad;
    }
  }
  if (ce.date != date && ce.date > 0 && doc.date && doc.date->precision() == DatePrecision::kDay) {
    // The coder shifted the date (a TABARI <TIME> phrase in the sentence).
    auto shifted = PartialDate::Parse(std::to_string(ce.date));
    if (shifted) {
      e.date = shifted->ToString();
      e.date_source = "text";
    }
  }
  if (e.date.empty() && doc.date) {
    e.date = e.doc_date;
    e.date_source = "document";
  }
  auto r = ce.via ? rules_.find(ce.via) : rules_.end();
  e.rule = r != rules_.end() ? r->second : "tabari";
  return e;
}

CodedDocument SentenceCoder::Code(const Document& doc) const {
  CodedDocument out;
  std::vector<Sentence> sentences = text_->Analyze(doc.text);
  out.sentences.reserve(sentences.size());
  for (const Sentence& s : sentences)
    out.sentences.push_back({s.index, s.begin, s.end, s.paragraph, s.heading, s.furniture});

  std::unique_ptr<TabariCoder> coder;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      coder = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!coder) coder = std::make_unique<TabariCoder>(dict_);

  const int32_t date = CoderDate(doc.date);
  CodeResult result;
  bool first = true;
  for (const CodedSentence& s : out.sentences) {
    if (s.furniture || s.heading) continue;
    std::string_view text = std::string_view(doc.text).substr(s.begin, s.end - s.begin);
    if (petrarch_) {
      CodePetrarchText(*coder, text, date, dict_.options, &result);
    } else {
      coder->Code(text, date, dict_.options, &result, /*continue_story=*/!first);
    }
    first = false;
    if (result.outcome != CodeResult::Outcome::kEvents) continue;
    for (const CodedEvent& ce : result.events) out.events.push_back(MakeEvent(doc, s, ce, date));
  }

  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(coder));
  return out;
}

}  // namespace dragoman::tabari
