#include "eval/wordnet_relations.h"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "base/file.h"
#include "base/lines.h"

namespace dragoman::eval {

namespace {

void AddOnce(std::vector<std::string>& v, std::string w) {
  if (std::find(v.begin(), v.end(), w) == v.end()) v.push_back(std::move(w));
}

}  // namespace

Result<WordNetRelations> WordNetRelations::Load(const std::string& wordnet_dir) {
  WordNetRelations out;
  DRAGOMAN_ASSIGN_OR_RETURN(std::string index, ReadFile(wordnet_dir + "/index.verb"));
  DRAGOMAN_ASSIGN_OR_RETURN(out.verb_data_, ReadFile(wordnet_dir + "/data.verb"));
  DRAGOMAN_ASSIGN_OR_RETURN(out.noun_data_, ReadFile(wordnet_dir + "/data.noun"));
  // index line: lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offset...
  DRAGOMAN_RETURN_IF_ERROR(ForEachLine(index, [&](int, std::string_view line) -> Status {
    if (line.empty() || line[0] == ' ') return Status::Ok();  // the licence header
    std::istringstream in{std::string(line)};
    std::string lemma, pos;
    int synsets = 0, pointers = 0;
    if (!(in >> lemma >> pos >> synsets >> pointers)) return Status::Ok();
    std::string skip;
    for (int i = 0; i < pointers + 2; ++i) in >> skip;  // symbols, sense_cnt, tagsense_cnt
    std::vector<size_t>& offsets = out.verb_index_[lemma];
    for (int i = 0; i < synsets; ++i) {
      size_t off = 0;
      if (in >> off) offsets.push_back(off);
    }
    return Status::Ok();
  }));
  return out;
}

bool WordNetRelations::ParseSynset(std::string_view data, size_t offset, Synset& out) {
  if (offset >= data.size()) return false;
  size_t end = data.find('\n', offset);
  std::istringstream in{std::string(data.substr(offset, end - offset))};
  // offset lex_filenum ss_type w_cnt(hex) [word lex_id(hex)]... p_cnt [sym offset pos st]...
  std::string off, lex, type, wcnt;
  if (!(in >> off >> lex >> type >> wcnt)) return false;
  int words = static_cast<int>(std::strtol(wcnt.c_str(), nullptr, 16));
  for (int i = 0; i < words; ++i) {
    std::string w, id;
    if (!(in >> w >> id)) return false;
    // Adjective markers such as "(a)" do not occur in verb or noun files, but strip any.
    size_t paren = w.find('(');
    if (paren != std::string::npos) w.resize(paren);
    std::transform(w.begin(), w.end(), w.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.words.push_back(w);
  }
  int pointers = 0;
  if (!(in >> pointers)) return false;
  for (int i = 0; i < pointers; ++i) {
    std::string sym, poff, pos, st;
    if (!(in >> sym >> poff >> pos >> st) || st.size() != 4) return false;
    Synset::Pointer p;
    p.symbol = sym[0] == '+' && sym.size() == 1 ? '+' : (sym.size() == 1 ? sym[0] : 0);
    p.offset = std::strtoul(poff.c_str(), nullptr, 10);
    p.pos = pos[0];
    p.source = static_cast<int>(std::strtol(st.substr(0, 2).c_str(), nullptr, 16));
    p.target = static_cast<int>(std::strtol(st.substr(2, 2).c_str(), nullptr, 16));
    out.pointers.push_back(p);
  }
  return true;
}

std::vector<size_t> WordNetRelations::VerbOffsets(std::string_view verb, int senses) const {
  auto it = verb_index_.find(std::string(verb));
  if (it == verb_index_.end()) return {};
  std::vector<size_t> out = it->second;
  if (static_cast<int>(out.size()) > senses) out.resize(senses);
  return out;
}

std::vector<std::string> WordNetRelations::VerbSynonyms(std::string_view verb, int senses) const {
  std::vector<std::string> out;
  for (size_t off : VerbOffsets(verb, senses)) {
    Synset s;
    if (!ParseSynset(verb_data_, off, s)) continue;
    for (const std::string& w : s.words) {
      if (w != verb) AddOnce(out, w);
    }
  }
  return out;
}

std::vector<std::string> WordNetRelations::DerivedNouns(std::string_view verb, int senses) const {
  std::vector<std::string> out;
  for (size_t off : VerbOffsets(verb, senses)) {
    Synset s;
    if (!ParseSynset(verb_data_, off, s)) continue;
    int self = 0;
    for (size_t i = 0; i < s.words.size(); ++i) {
      if (s.words[i] == verb) self = static_cast<int>(i) + 1;
    }
    for (const Synset::Pointer& p : s.pointers) {
      if (p.symbol != '+' || p.pos != 'n' || (p.source != 0 && p.source != self)) continue;
      Synset n;
      if (!ParseSynset(noun_data_, p.offset, n)) continue;
      if (p.target == 0) {
        for (const std::string& w : n.words) AddOnce(out, w);
      } else if (p.target <= static_cast<int>(n.words.size())) {
        AddOnce(out, n.words[p.target - 1]);
      }
    }
  }
  return out;
}

}  // namespace dragoman::eval
