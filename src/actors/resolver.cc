// ActorResolver: actor mentions of one sentence, resolved against the document so far.
//
// The approach, in three passes over a sentence:
//  1. Items. At each token the dictionary trie gives the longest phrase (country, demonym,
//     capital, role, institution, organisation, person, pronoun); names learned earlier in the
//     document ("Baghaei" after "Ismail Baghaei, Iran's Foreign Ministry spokesman") are tried
//     too, and the longer match wins.
//  2. Phrases. Items are combined into noun phrases, left to right, never overlapping:
//       [COUNTRY-mod ('s)]* [ROLE]* [(of|to|for) [the] COMPLEMENT]* [NAME]  [, [the] ROLE-CHAIN]
//     where COUNTRY-mod is a country name, demonym, capital or organisation (coordinated
//     demonyms "Hungarian and Romanian officials" give one mention each). A NAME is a known
//     person, a learned name, or a run of capitalised words that are not dictionary phrases;
//     an unknown name is only accepted next to a role, so bare capitalised words are never
//     actors. A NAME followed by ", [the] ROLE-CHAIN" takes the chain's country and role.
//  3. References. Pronouns and plural nouns are resolved last, once the sentence's own
//     mentions (e.g. the speaker after a closing quote) are known.
// Invariants: mentions are returned in token order and never overlap; every mention has a
// non-empty code; furniture sentences give nothing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/resolver_impl.h"

namespace dragoman {

using namespace resolver_internal;  // NOLINT(build/namespaces)

ActorResolver::ActorResolver(std::shared_ptr<const ActorDictionary> dict,
                             std::optional<PartialDate> doc_date)
    : impl_(std::make_unique<Impl>()) {
  impl_->dict = std::move(dict);
  impl_->date = doc_date;
  impl_->w = &impl_->dict->words();
}

ActorResolver::~ActorResolver() = default;

std::vector<ActorMention> ActorResolver::Resolve(const Sentence& sentence,
                                                 std::string_view doc_text) {
  Impl& s = *impl_;
  std::vector<ActorMention> out;
  if (sentence.paragraph != s.paragraph) {
    s.paragraph = sentence.paragraph;
    s.in_quote = false;
    s.quote_speaker.reset();
  }
  if (sentence.furniture || sentence.tokens.empty()) return out;
  s.toks = std::span<const Token>(sentence.tokens);
  s.heading = sentence.heading;
  s.doc = doc_text;
  const int n = static_cast<int>(s.toks.size());
  // Quotation state per token.
  s.quoted.assign(n, 0);
  for (int i = 0; i < n; ++i) {
    int q = QuoteKind(s.toks[i], doc_text);
    if (q == 1 || (q == 3 && !s.in_quote)) {
      s.in_quote = true;
    } else if (q == 2 || q == 3) {
      s.in_quote = false;
    }
    s.quoted[i] = s.in_quote || q != 0;
  }
  s.classes = s.dict->lexicon().Classify(s.toks);
  s.FindItems();
  s.dateline_end = s.DatelineEnd();
  const size_t countried_before = s.countried.size();
  s.countried_sentence_start = countried_before;

  for (int i = 0; i < n;) {
    if (s.item_at[i] >= 0 && s.items[s.item_at[i]].kind == EntryKind::kReference) {
      i = s.ParseReference(i, &out);
      continue;
    }
    int end = s.ParsePhrase(i, &out);
    if (end > i) {
      if (!out.empty() && out.back().token_begin >= i) {
        const ActorMention& m = out.back();
        if (!m.actor.country.empty() && m.kind != Kind::kPronoun && m.members.empty()) {
          s.countried.push_back(m.actor);
        }
      }
      i = end;
      continue;
    }
    // A bare item: country, capital, organisation, people noun, person.
    if (s.item_at[i] >= 0) {
      i = s.ParseBareItem(i, &out);
      continue;
    }
    ++i;
  }
  s.JoinNationalOrganisations(&out);
  s.Honorifics(&out);
  s.ResolveReferences(&out);
  s.EthnicGroups(&out);
  s.GenericCountries(&out, countried_before);
  s.NoteInstitutions(out);
  // Document-level memory.
  std::optional<ActorRef> subject;
  std::optional<ActorRef> body;  // see prev_body
  bool body_decided = false;
  for (const ActorMention& m : out) {
    if (!body_decided && m.token_begin <= 3 && !s.quoted[m.token_begin] && !m.place &&
        !m.actor.code.empty()) {
      body_decided = true;  // the first mention decides: a person subject is no "it"
      if (m.members.empty() &&
          (m.kind == Kind::kCountry || m.kind == Kind::kInstitution || m.kind == Kind::kIgo ||
           m.kind == Kind::kGeneric || (m.kind == Kind::kPronoun && m.rule == "ref:thing"))) {
        body = m.actor;
      }
    }
    if (!s.issuer && !s.quoted[m.token_begin] && m.actor.sector == "GOV" &&
        !m.actor.country.empty() &&
        (m.kind == Kind::kPerson || m.kind == Kind::kRole || m.kind == Kind::kInstitution)) {
      s.issuer = m.actor;
    }
    if (!subject &&
        (m.kind == Kind::kPerson || (m.kind == Kind::kPronoun && m.rule == "ref:person"))) {
      subject = m.actor;
    }
    if (m.kind == Kind::kPronoun && m.rule == "ref:person" && !m.actor.name.empty()) {
      // Keep "the most recent person" current.
      s.persons.push_back(Impl::Seen{m.actor, "", s.sentence_no});
    }
  }
  if (subject) s.prev_subject = subject;
  s.prev_body = body;
  s.NoteParties(countried_before, sentence.heading);
  ++s.sentence_no;
  return out;
}

}  // namespace dragoman
