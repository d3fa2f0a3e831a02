// Test support for the event stage: sentences written in a small markup, so that extractor tests
// do not depend on the other stages. "[text|CODE]" is an actor mention (CODE "AZE+IRN" gives a
// plural mention with members; "[text|ISO:place]" a country named as a place, ":capital" a
// capital, ":pronoun" a resolved pronoun), "{text|ISO}" a place (locative when preceded by in/at/near),
// "<text|YYYY-MM-DD>" a date and "#N unit#" a quantity placed before the counted words. Tokens,
// norms and lemmas come from a deliberately simple tokenizer with a small lemma table (below).
// For test binaries only.
#ifndef DRAGOMAN_EVENTS_MARKUP_TEST_UTIL_H_
#define DRAGOMAN_EVENTS_MARKUP_TEST_UTIL_H_

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/extractor.h"

namespace dragoman::test_support {

inline const std::map<std::string, std::string>& Lemmas() {
  static const auto* m = new std::map<std::string, std::string>{
      {"met", "meet"},
      {"restored", "restore"},
      {"severed", "sever"},
      {"meets", "meet"},
      {"meeting", "meet"},
      {"held", "hold"},
      {"talks", "talk"},
      {"discussed", "discuss"},
      {"pardoned", "pardon"},
      {"arrested", "arrest"},
      {"rejected", "reject"}, {"banned", "ban"},
      {"dismissed", "dismiss"},
      {"claims", "claim"},
      {"allegations", "allegation"},
      {"accused", "accuse"},
      {"convicted", "convict"},
      {"condemned", "condemn"},
      {"visited", "visit"},
      {"agreed", "agree"},
      {"said", "say"},
      {"noted", "note"},
      {"stressed", "stress"},
      {"were", "be"},
      {"was", "be"},
      {"is", "be"},
      {"are", "be"},
      {"has", "have"},
      {"countries", "country"},
      {"attacked", "attack"},
      {"released", "release"},
      {"plans", "plan"},
      {"complained", "complain"},
      {"threatened", "threaten"},
      {"urged", "urge"},
      {"praised", "praise"},
      {"reiterated", "reiterate"},
      {"thanked", "thank"},
      {"signed", "sign"},
      {"killed", "kill"},
      {"nationals", "national"},
      {"soldiers", "soldier"},
      {"protesters", "protester"},
      {"denied", "deny"},
      {"told", "tell"},
      {"imposed", "impose"},
      {"sanctions", "sanction"},
      {"expelled", "expel"},
      {"diplomats", "diplomat"},
      {"detained", "detain"},
      {"emphasized", "emphasize"},
      {"hopes", "hope"},
      {"deployed", "deploy"},
      {"troops", "troop"},
      {"shelled", "shell"},
      {"villages", "village"},
      {"demanded", "demand"},
      {"investigated", "investigate"},
      {"did", "do"},
      {"does", "do"},
      {"demonstrated", "demonstrate"},
      {"staged", "stage"},
      {"criticized", "criticize"},
      {"received", "receive"},
      {"emphasized", "emphasize"},
      {"imprisoned", "imprison"},
      {"ignored", "ignore"},
      {"spoke", "speak"},
      {"attacks", "attack"},
      {"halt", "halt"},
      {"disagrees", "disagree"},
      {"accepted", "accept"},
      {"allow", "allow"},
      {"opened", "open"},
      {"investigations", "investigation"},
      {"boycott", "boycott"},
      {"confirmed", "confirm"},
      {"tighten", "tighten"},
      {"warned", "warn"},
      {"cancelled", "cancel"},
      {"promised", "promise"},
      {"supports", "support"},
      {"halted", "halt"},
      {"extradited", "extradite"},
      {"detainees", "detainee"},
      {"blocked", "block"},
      {"roads", "road"},
      {"heard", "hear"},
      {"pressured", "pressure"},
      {"trained", "train"},
      {"hackers", "hacker"},
      {"sentenced", "sentence"},
      {"persons", "person"},
      {"battles", "battle"},
      {"fighting", "fight"},
      {"declared", "declare"},
      {"stated", "state"},
      {"carried", "carry"},
      {"strikes", "strike"},
      {"lifted", "lift"},
      {"welcomed", "welcome"},
      {"provided", "provide"},
      {"launched", "launch"},
      {"drills", "drill"},
      {"exercises", "exercise"},
      {"began", "begin"},
      {"paid", "pay"},
      {"parties", "party"},
      {"sides", "side"},
      {"refused", "refuse"},
      {"expressed", "express"},
      // tests/events/acts.txt
      {"announced", "announce"},
      {"ordered", "order"},
      {"filed", "file"},
      {"called", "call"},
      {"asked", "ask"},
      {"ended", "end"},
      {"blamed", "blame"},
      {"labelled", "label"},
      {"jailed", "jail"},
      {"freed", "free"},
      {"returned", "return"},
      {"gave", "give"},
      {"sending", "send"},
      {"broke", "break"},
      {"stepped", "step"},
      {"closed", "close"},
      // tests/events/news.txt
      {"pledged", "pledge"},
      {"pledging", "pledge"},
      {"drew", "draw"},
      {"continued", "continue"},
      {"agreements", "agreement"},
      {"attended", "attend"},
      // tests/events/reported_speech.txt
      {"joined", "join"},
      {"followed", "follow"},
      {"boycotting", "boycott"},
      {"continues", "continue"},
      {"concluded", "conclude"},
      {"stopped", "stop"},
      {"boycotted", "boycott"},
      // tests/events/plural.txt
      {"took", "take"},
      {"had", "have"},
      {"scheduled", "schedule"},
      {"decided", "decide"},
      {"hosted", "host"},
      // tests/events/verbs.txt
      {"obtained", "obtain"},
      {"weapons", "weapon"},
      {"beefed", "beef"},
      {"struck", "strike"},
      {"stormed", "storm"},
      {"commenced", "commence"},
      {"assaults", "assault"},
      {"tortured", "torture"},
      {"seized", "seize"},
      {"fields", "field"},
      {"suspended", "suspend"},
      {"forced", "force"},
      {"trains", "train"},
      {"sought", "seek"},
      {"dispatched", "dispatch"},
      {"teamed", "team"},
      {"deported", "deport"},
      {"defied", "defy"},
      {"paintings", "painting"},
      {"owners", "owner"},
      {"escalated", "escalate"},
      {"froze", "freeze"},
      {"ruled", "rule"},
      {"efforts", "effort"},
      {"shot", "shoot"},
      {"delegations", "delegation"},
      {"spoke", "speak"},
      // tests/events/wire_triggers.txt
      {"enforcing", "enforce"},
      {"issued", "issue"},
      {"quashed", "quash"},
      {"orders", "order"},
      {"arrived", "arrive"},
      {"resigned", "resign"},
      {"died", "die"},
      {"demands", "demand"},
      {"protests", "protest"},
  };
  return *m;
}

struct Built {
  Document doc;
  Sentence sentence;
  SentenceFacts facts;
};

inline bool IsPunctChar(char c) {
  return std::string_view(".,;:?!()\"").find(c) != std::string_view::npos;
}

// Parses the markup into a document text, one sentence and its facts.
inline std::unique_ptr<Built> Build(std::string_view markup, std::string doc_date = "2025-01-01") {
  auto b = std::make_unique<Built>();
  struct Pending {
    char kind;
    int token_begin;
    std::string payload;
  };
  std::vector<Pending> open;
  std::string& text = b->doc.text;
  std::vector<Token>& toks = b->sentence.tokens;
  std::optional<QuantityMention> pending_q;
  auto add_token = [&](size_t begin, size_t end) {
    Token t;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    std::string w = text.substr(begin, end - begin);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    t.norm = w;
    auto it = Lemmas().find(w);
    t.lemma = it != Lemmas().end() ? it->second : w;
    if (it != Lemmas().end()) t.flags |= Token::kVerbForm;
    // Words WordNet knows as adjectives only (text/analysis.h), for the cases that need them.
    for (std::string_view a : {"deadly", "brutal", "fratricidal", "unprovoked"}) {
      if (w == a) t.flags |= Token::kAdjectiveOnly;
    }
    if (std::isupper(static_cast<unsigned char>(text[begin]))) t.flags |= Token::kCapitalized;
    if (end - begin == 1 && IsPunctChar(text[begin])) t.flags |= Token::kPunct;
    if (std::isdigit(static_cast<unsigned char>(text[begin]))) t.flags |= Token::kNumber;
    toks.push_back(t);
  };
  size_t i = 0;
  while (i < markup.size()) {
    char c = markup[i];
    if (c == '[' || c == '{' || c == '<') {
      open.push_back({c, static_cast<int>(toks.size()), ""});
      ++i;
      continue;
    }
    if (c == '#') {
      size_t e = markup.find('#', i + 1);
      std::string q(markup.substr(i + 1, e - i - 1));
      size_t sp = q.find(' ');
      QuantityMention qm;
      qm.value = std::stod(q.substr(0, sp));
      qm.unit = q.substr(sp + 1);
      qm.token_begin = static_cast<int>(toks.size());
      pending_q = qm;
      i = e + 1;
      continue;
    }
    if (c == '|') {
      size_t e = markup.find_first_of("]}>", i);
      std::string payload(markup.substr(i + 1, e - i - 1));
      Pending p = open.back();
      open.pop_back();
      int tb = p.token_begin, te = static_cast<int>(toks.size());
      if (p.kind == '[') {
        ActorMention m;
        m.token_begin = tb;
        m.token_end = te;
        m.head = te - 1;
        auto ref = [&](const std::string& code) {
          ActorRef r;
          r.code = code;
          r.country = code.size() >= 3 && code.substr(0, 3) != "IGO" ? code.substr(0, 3) : "";
          r.sector = code.size() > 3 ? code.substr(3) : "";
          r.text = text.substr(toks[tb].begin, toks[te - 1].end - toks[tb].begin);
          r.begin = toks[tb].begin;
          r.end = toks[te - 1].end;
          return r;
        };
        // "[Yemen|YEM:place]": a country named as a place ("in Yemen"), as the actor stage marks
        // one after a locative preposition; "[Kabul|AFG:capital]" a capital so named.
        // "[his|KENGOV:pronoun]": a pronoun the actor stage resolved.
        for (const std::string kind : {":place", ":capital", ":pronoun"}) {
          if (payload.size() > kind.size() &&
              payload.compare(payload.size() - kind.size(), kind.size(), kind) == 0) {
            payload.resize(payload.size() - kind.size());
            m.place = kind != ":pronoun";
            m.kind = kind == ":place"     ? ActorMention::Kind::kCountry
                     : kind == ":capital" ? ActorMention::Kind::kCapital
                                          : ActorMention::Kind::kPronoun;
          }
        }
        size_t plus = payload.find('+');
        if (plus != std::string::npos) {
          m.members = {ref(payload.substr(0, plus)), ref(payload.substr(plus + 1))};
          m.actor = m.members[0];
        } else {
          m.actor = ref(payload);
        }
        b->facts.actors.push_back(m);
        if (pending_q && pending_q->token_begin >= tb) {
          pending_q->token_end = te;
          pending_q->noun = te - 1;
          b->facts.quantities.push_back(*pending_q);
          pending_q.reset();
        }
      } else if (p.kind == '{') {
        PlaceMention pm;
        pm.token_begin = tb;
        pm.token_end = te;
        pm.place.name = toks[tb].norm;
        pm.place.country = payload;
        pm.locative = tb > 0 && (toks[tb - 1].norm == "in" || toks[tb - 1].norm == "at" ||
                                 toks[tb - 1].norm == "near");
        b->facts.places.push_back(pm);
      } else {
        DateMention dm;
        dm.token_begin = tb;
        dm.token_end = te;
        dm.date = *PartialDate::Parse(payload);
        b->facts.dates.push_back(dm);
      }
      i = e + 1;
      continue;
    }
    if (c == ' ') {
      text += ' ';
      ++i;
      continue;
    }
    // A word or a punctuation mark.
    size_t start = text.size();
    if (IsPunctChar(c)) {
      text += c;
      ++i;
    } else if (c == '\'' && i + 1 < markup.size() && markup[i + 1] == 's') {
      text += "'s";
      i += 2;
    } else if (c == '-') {
      // A hyphen is a token of its own, as the tokenizer makes it: written inside a word
      // ("cease-fire") it touches its neighbours, written with spaces ("X - Y") it is a dash.
      text += c;
      ++i;
    } else {
      while (i < markup.size() && !IsPunctChar(markup[i]) && markup[i] != ' ' && markup[i] != '-' &&
             std::string_view("[]{}<>|#").find(markup[i]) == std::string_view::npos &&
             !(markup[i] == '\'' && i + 1 < markup.size() && markup[i + 1] == 's')) {
        text += markup[i++];
      }
    }
    add_token(start, text.size());
  }
  b->sentence.begin = 0;
  b->sentence.end = static_cast<uint32_t>(text.size());
  b->doc.id = "test";
  b->doc.date = PartialDate::Parse(doc_date);
  b->facts.doc = &b->doc;
  b->facts.sentence = &b->sentence;
  return b;
}

// Build(markup), with the words in `nouns` marked as nouns: the markup's tokenizer knows no parts
// of speech, so a test says which words WordNet would know as nouns.
inline std::unique_ptr<Built> WithNouns(std::string_view markup,
                                        std::initializer_list<std::string_view> nouns) {
  auto b = Build(markup);
  for (Token& t : b->sentence.tokens) {
    for (std::string_view n : nouns) {
      if (t.norm == n) t.flags |= Token::kNounForm;
    }
  }
  return b;
}

// One line per event: "SOURCE>TARGET:CAMEO(mood) rule", or "(none)".
inline std::string Describe(const std::vector<Event>& events) {
  std::string s;
  for (const Event& e : events) {
    s += (e.source ? e.source->code : "-") + ">" + (e.target ? e.target->code : "-") + ":" +
         e.cameo + (e.negated ? "!neg" : "") + "(" + std::string(MoodName(e.mood)) + ") " + e.rule +
         "\n";
  }
  return s.empty() ? "(none)" : s;
}

// The extractor over the shipped data (DRAGOMAN_SOURCE_DATA_DIR, set for test binaries), made
// once per test binary and kept to its end. Data that does not load ends the binary with the
// loader's message: no test of the event stage means anything without it.
inline const EventExtractor& ShippedExtractor() {
  static const EventExtractor* ex = [] {
    EventConfig config;
    config.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    auto r = EventExtractor::Create(config);
    if (!r.ok()) {
      std::cerr << r.status().message() << "\n";
      std::abort();
    }
    return std::move(r).value().release();
  }();
  return *ex;
}

}  // namespace dragoman::test_support

#endif  // DRAGOMAN_EVENTS_MARKUP_TEST_UTIL_H_
