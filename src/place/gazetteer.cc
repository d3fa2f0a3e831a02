// Gazetteer: loading data/places/*.tsv and matching place names in sentences.
//
// Approach. Every name and alias is split with TextAnalyzer::TokenizePhrase() so that entries
// are folded exactly like the text, then inserted into a token trie (one edge per Token::norm).
// Find() walks the trie from each capitalised token and keeps the longest match ending on a
// capitalised token, then skips past it: matches are non-overlapping and in token order.
//
// Conflicts. When two entries share a name (a city named like a country, two cities of the same
// name), the entry of the higher-ranked kind wins (country > capital > city > region > other),
// then the one loaded first (files in name order, lines in order). So "Georgia" is the country.
//
// Ambiguous names (flag "locative": names that are also common words or person names, e.g.
// "Male", "Nice", "Victoria") match only when a locative preposition introduces them or a
// ", Country" of the same country follows.
#include "place/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <unordered_map>

#include "base/data_file.h"
#include "base/file.h"
#include "base/strings.h"

namespace dragoman {

namespace {

int KindRank(std::string_view kind) {
  if (kind == "country") return 0;
  if (kind == "capital") return 1;
  if (kind == "city") return 2;
  if (kind == "region") return 3;
  return 4;
}

bool ValidKind(std::string_view kind) {
  static constexpr std::string_view kKinds[] = {"country", "capital", "city", "town",
                                                "region",  "site",    "water"};
  return std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds);
}

bool ParseCoord(std::string_view s, double lo, double hi, double* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && *out >= lo && *out <= hi;
}

// An alias written without lower-case letters and with at least two letters ("UAE", "US"):
// matched only against an all-caps token, so that "us" or "Us" never becomes the United States.
bool IsAcronym(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// "Lachin corridor", "Pankisi gorge": the last word of the name is written in lower case.
bool EndsInLowerCaseWord(std::string_view s) {
  size_t p = s.find_last_of(" -");
  std::string_view last = p == std::string_view::npos ? s : s.substr(p + 1);
  return !last.empty() && last[0] >= 'a' && last[0] <= 'z';
}

bool IsCap(const Token& t) { return t.has(Token::kCapitalized) || t.has(Token::kAllCaps); }

}  // namespace

struct Gazetteer::Impl {
  struct Entry {
    Place place;
    bool needs_locative = false;
    int order = 0;  // load order, for conflicts
  };
  struct Node {
    // Edges by token, sorted; empty at the root, whose edges are in `root` (every capitalised
    // token of every sentence is looked up there). A hash table per node cost an allocation
    // and a hash of every name's every token at load (~2 M instructions of start-up).
    std::vector<std::pair<std::string, int>> next;
    int entry = -1;        // index into entries, or -1
    bool acronym = false;  // the name that ends here must match an all-caps token
    // The name as written ends in a lower-case word ("Lachin corridor"), so the text's last
    // token need not be capitalised.
    bool lower_tail = false;
  };
  std::vector<Entry> entries;
  std::vector<Node> nodes{Node{}};
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, KeyHash, std::equal_to<>> root;

  // The child of node `n` along `key`, or -1.
  int Child(int n, std::string_view key) const {
    if (n == 0) {
      auto it = root.find(key);
      return it == root.end() ? -1 : it->second;
    }
    const auto& next = nodes[n].next;
    auto it = std::lower_bound(next.begin(), next.end(), key,
                               [](const auto& e, std::string_view k) { return e.first < k; });
    return it == next.end() || it->first != key ? -1 : it->second;
  }
  // The words around place names (data/lexicon/places.txt, doc/lexicon.md).
  Lexicon words;
  ClassId place_type, place_type_apart, settlement, place_preposition, place_filler, place_area,
      surface_preposition, travel, visit, preposition_of, to, possessive_clitic;

  Status SetWords(const Lexicon& lexicon) {
    words = lexicon;
    const std::pair<ClassId*, const char*> wanted[] = {
        DRAGOMAN_WORD_CLASS(place_type),
        DRAGOMAN_WORD_CLASS(place_type_apart),
        DRAGOMAN_WORD_CLASS(settlement),
        DRAGOMAN_WORD_CLASS(place_preposition),
        DRAGOMAN_WORD_CLASS(place_filler),
        DRAGOMAN_WORD_CLASS(place_area),
        DRAGOMAN_WORD_CLASS(surface_preposition),
        DRAGOMAN_WORD_CLASS(travel),
        DRAGOMAN_WORD_CLASS(visit),
        DRAGOMAN_WORD_CLASS(preposition_of),
        DRAGOMAN_WORD_CLASS(to),
        DRAGOMAN_WORD_CLASS(possessive_clitic),
    };
    return words.Resolve(wanted);
  }
  bool Is(ClassId c, std::string_view w) const { return words.Has(c, w); }

  // Inserts `tokens` for entry `e`, applying the conflict rule.
  void Insert(const std::vector<std::string>& tokens, int e, bool acronym, bool lower_tail) {
    if (tokens.empty()) return;
    int n = 0;
    for (const std::string& t : tokens) {
      if (const int child = Child(n, t); child >= 0) {
        n = child;
        continue;
      }
      const int id = static_cast<int>(nodes.size());
      nodes.push_back(Node{});
      if (n == 0) {
        root.emplace(t, id);
      } else {
        auto& next = nodes[n].next;
        auto it = std::lower_bound(next.begin(), next.end(), std::string_view(t),
                                   [](const auto& e, std::string_view k) { return e.first < k; });
        next.emplace(it, t, id);
      }
      n = id;
    }
    Node& node = nodes[n];
    if (node.entry >= 0) {
      const Entry& old = entries[node.entry];
      const Entry& neu = entries[e];
      if (KindRank(old.place.kind) <= KindRank(neu.place.kind)) return;
    }
    node.entry = e;
    node.acronym = acronym;
    node.lower_tail = lower_tail;
  }

  // One file's entries; `sink` as in base/data_file.h.
  Status ParseFile(std::string_view name, std::string_view content, const TextAnalyzer& text,
                   DataProblems* sink) {
    if (size_t bad = FindInvalidUtf8(content); bad != std::string_view::npos) {
      return Report(sink, Status::BadData(Where(name, content, bad) + ": invalid UTF-8"));
    }
    return ForEachContentLine(content, sink, [&](int line_no, std::string_view line) {
      return ParseLine(name, line_no, line, text);
    });
  }

  Status ParseLine(std::string_view name, int line_no, std::string_view line,
                   const TextAnalyzer& text) {
    auto fail = [&](const std::string& why) { return DataError(name, line_no, why); };
    std::vector<std::string_view> f = SplitFields(Trim(line), '\t');
    if (f.size() < 5 || f.size() > 7) {
      return fail("expected 5 to 7 tab-separated fields, found " + std::to_string(f.size()));
    }
    Entry e;
    e.place.name = std::string(f[0]);
    if (e.place.name.empty()) return fail("empty name");
    std::string_view country = f[1];
    if (country == "-") {
      country = "";
    } else if (country.size() != 3 || !std::all_of(country.begin(), country.end(),
                                                   [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return fail("country must be an ISO alpha-3 code or '-', got '" + std::string(country) + "'");
    }
    e.place.country = std::string(country);
    e.place.kind = std::string(f[2]);
    if (!ValidKind(e.place.kind)) {
      return fail("unknown kind '" + e.place.kind + "'");
    }
    if (!ParseCoord(f[3], -90, 90, &e.place.lat)) {
      return fail("bad latitude '" + std::string(f[3]) + "'");
    }
    if (!ParseCoord(f[4], -180, 180, &e.place.lon)) {
      return fail("bad longitude '" + std::string(f[4]) + "'");
    }
    std::vector<std::string_view> names{f[0]};
    if (f.size() > 5 && !f[5].empty() && f[5] != "-") {
      for (std::string_view a : SplitFields(f[5], '|')) {
        a = Trim(a);
        if (a.empty()) return fail("empty alias");
        names.push_back(a);
      }
    }
    if (f.size() > 6 && !f[6].empty() && f[6] != "-") {
      for (std::string_view flag : SplitFields(f[6], ',')) {
        flag = Trim(flag);
        if (flag == "locative") {
          e.needs_locative = true;
        } else {
          return fail("unknown flag '" + std::string(flag) + "'");
        }
      }
    }
    e.order = static_cast<int>(entries.size());
    entries.push_back(std::move(e));
    const int idx = static_cast<int>(entries.size()) - 1;
    for (std::string_view n : names) {
      std::vector<std::string> toks = text.TokenizePhrase(n);
      if (toks.empty()) return fail("name '" + std::string(n) + "' has no tokens");
      Insert(toks, idx, IsAcronym(n), EndsInLowerCaseWord(n));
    }
    return Status::Ok();
  }

  // Longest entry starting at token i: sets *end and returns the entry index, or -1.
  int Match(const std::vector<Token>& toks, int i, int* end) const {
    int n = 0, best = -1;
    for (int k = i; k < static_cast<int>(toks.size()); ++k) {
      n = Child(n, toks[k].norm);
      if (n < 0) break;
      const Node& node = nodes[n];
      if (node.entry < 0) continue;
      if (node.acronym && !toks[i].has(Token::kAllCaps)) continue;
      // The last word must be capitalised too: "New York" but not "New York city" as a name.
      if (!IsCap(toks[k]) && !toks[k].has(Token::kPunct) && !node.lower_tail) continue;
      best = node.entry;
      *end = k + 1;
    }
    return best;
  }

  bool LocativeBefore(const std::vector<Token>& toks, int begin) const {
    int k = begin - 1;
    bool type_of = false;
    // "... city of X", "... province of X"
    if (k >= 1 && Is(preposition_of, toks[k].norm) &&
        (Is(place_type, toks[k - 1].norm) || Is(place_area, toks[k - 1].norm))) {
      k -= 2;
      type_of = true;
    }
    for (int steps = 0; k >= 0 && steps < 5; ++steps, --k) {
      std::string_view w = toks[k].norm;
      if (Is(place_preposition, w)) return true;
      if (Is(surface_preposition, w) && type_of) return true;  // "on the outskirts of Kyiv"
      // Destinations of a visit: "visited Baku", "a visit to Tehran", "flew to Astana".
      if (Is(visit, toks[k].lemma)) return true;
      if (Is(to, w) && k >= 1 && Is(travel, toks[k - 1].lemma)) return true;
      if (Is(place_filler, w)) continue;
      // "in Iran's Ardabil Province": a possessive country or region before the name.
      if (Is(possessive_clitic, w) && k >= 1 && IsCap(toks[k - 1])) {
        --k;
        continue;
      }
      // A hyphenated adjective: "in Indian-administered Kashmir", "in war-torn Gaza".
      if (k >= 2 && toks[k - 1].norm == "-" && toks[k - 1].begin == toks[k - 2].end &&
          toks[k].begin == toks[k - 1].end) {
        k -= 2;
        continue;
      }
      // A demonym or country name before "city of": "in the Saudi city of Jeddah".
      if (type_of && IsCap(toks[k]) && !toks[k].has(Token::kPunct)) continue;
      return false;
    }
    return false;
  }
};

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const std::string& data_dir,
                                                         const TextAnalyzer& text,
                                                         DataProblems* problems) {
  DRAGOMAN_ASSIGN_OR_RETURN(Lexicon lexicon, Lexicon::Load(data_dir + "/lexicon"));
  return Load(data_dir, text, lexicon, problems);
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const std::string& data_dir,
                                                         const TextAnalyzer& text,
                                                         const Lexicon& lexicon,
                                                         DataProblems* problems) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(data_dir) / "places";
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".tsv") files.push_back(it->path());
  }
  if (files.empty()) return DataError(dir.string(), "no gazetteer (.tsv) files");
  std::sort(files.begin(), files.end());
  std::shared_ptr<Gazetteer> g(new Gazetteer());
  DRAGOMAN_RETURN_IF_ERROR(g->impl_->SetWords(lexicon));
  for (const fs::path& p : files) {
    auto content = ReadDataFile(p.string());
    if (!content.ok()) {
      DRAGOMAN_RETURN_IF_ERROR(Report(problems, content.status()));
      continue;
    }
    DRAGOMAN_RETURN_IF_ERROR(g->impl_->ParseFile(p.string(), *content, text, problems));
  }
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::FromText(std::string_view name,
                                                             std::string_view content,
                                                             const TextAnalyzer& text,
                                                             const Lexicon& lexicon) {
  std::shared_ptr<Gazetteer> g(new Gazetteer());
  DRAGOMAN_RETURN_IF_ERROR(g->impl_->SetWords(lexicon));
  DRAGOMAN_RETURN_IF_ERROR(g->impl_->ParseFile(name, content, text, nullptr));
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

size_t Gazetteer::size() const { return impl_->entries.size(); }

const Place* Gazetteer::Lookup(const std::vector<std::string>& name_tokens) const {
  int n = 0;
  for (const std::string& t : name_tokens) {
    n = impl_->Child(n, t);
    if (n < 0) return nullptr;
  }
  int e = impl_->nodes[n].entry;
  return e < 0 ? nullptr : &impl_->entries[e].place;
}

std::vector<PlaceMention> Gazetteer::Find(const Sentence& sentence) const {
  const std::vector<Token>& toks = sentence.tokens;
  const int n = static_cast<int>(toks.size());
  std::vector<PlaceMention> out;
  int i = 0;
  while (i < n) {
    if (!IsCap(toks[i]) || toks[i].has(Token::kPunct)) {
      ++i;
      continue;
    }
    int end = 0;
    const int e = impl_->Match(toks, i, &end);
    if (e < 0) {
      ++i;
      continue;
    }
    const Impl::Entry& entry = impl_->entries[e];
    PlaceMention m;
    m.token_begin = i;
    m.token_end = end;
    m.place = entry.place;
    m.locative = impl_->LocativeBefore(toks, i);
    bool confirmed = false;
    // "Khojavend (Martuni)": a parenthesised alias of the same place.
    if (end + 2 < n && toks[end].norm == "(") {
      int alias_end = 0;
      int a = impl_->Match(toks, end + 1, &alias_end);
      if (a >= 0 && alias_end < n && toks[alias_end].norm == ")" &&
          impl_->entries[a].place.name == entry.place.name &&
          impl_->entries[a].place.country == entry.place.country) {
        m.token_end = alias_end + 1;
      }
    }
    // "Khojavend region", "Ardabil Province"; not "the West Bank city of Hebron", where the
    // following name is the place meant.
    if (m.token_end < n && entry.place.kind != "country" &&
        impl_->Is(impl_->place_type, toks[m.token_end].norm) &&
        !impl_->Is(impl_->place_type_apart, toks[m.token_end].norm) &&
        !(m.token_end + 1 < n && impl_->Is(impl_->preposition_of, toks[m.token_end + 1].norm) &&
          impl_->Is(impl_->settlement, toks[m.token_end].norm))) {
      ++m.token_end;
    }
    // "Jeddah, Saudi Arabia": a confirming country.
    if (m.token_end + 1 < n && toks[m.token_end].norm == "," && entry.place.kind != "country" &&
        IsCap(toks[m.token_end + 1])) {
      int c_end = 0;
      int c = impl_->Match(toks, m.token_end + 1, &c_end);
      if (c >= 0 && impl_->entries[c].place.kind == "country" &&
          impl_->entries[c].place.country == entry.place.country) {
        m.token_end = c_end;
        confirmed = true;
      }
    }
    // "the Vienna Convention", "the Minsk Group", "Tehran Times": a city name inside a longer
    // proper name states no location unless a locative preposition introduces it
    // ("at the Munich Security Conference").
    if (!m.locative && !confirmed && entry.place.kind != "country" && m.token_end < n &&
        IsCap(toks[m.token_end]) && !toks[m.token_end].has(Token::kPunct) &&
        !toks[m.token_end].has(Token::kNumber)) {
      int unused = 0;
      if (impl_->Match(toks, m.token_end, &unused) < 0) {
        i = end;
        continue;
      }
    }
    if (entry.needs_locative && !m.locative && !confirmed) {
      i = end;
      continue;
    }
    i = m.token_end;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace dragoman
