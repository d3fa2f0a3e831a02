// Loaders of the actor dictionary's files, one per file kind (data/actors/: countries, roles,
// IGOs and groups, people, references, generic sectors; and iso-codes' ISO 3166-1 list). Each
// checks its file line by line and adds its phrases to the trie (dictionary.cc).
#include <algorithm>
#include <cctype>
#include <optional>

#include "actors/dictionary.h"
#include "actors/iso_codes.h"
#include "base/data_file.h"
#include "base/file.h"
#include "base/strings.h"

namespace dragoman {

namespace {

constexpr std::string_view kSectors[] = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "IGO", "MED", "EDU", "BUS",
    "CRM", "CVL", "LAB", "LEG", "AGR", "REF", "HLH", "HRI", "REL", "UAF", "ELI", "ENV",
    "NGO", "INS", "SEP", "MNC", "DEV", "SET", "MOD", "RAD", "NGM", "JRN", "IMG"};

bool IsSector(std::string_view s) {
  return std::find(std::begin(kSectors), std::end(kSectors), s) != std::end(kSectors);
}

// ISO 3166-1 leaves these alpha-3 ranges to its users; any other code must be in the standard.
bool IsUserAssignedAlpha3(std::string_view c) {
  return (c >= "AAA" && c <= "AAZ") || (c >= "QMA" && c <= "QZZ") || (c >= "XAA" && c <= "XZZ") ||
         (c >= "ZZA" && c <= "ZZZ");
}

bool IsUpperCode(std::string_view s, size_t min_len) {
  if (s.size() < min_len) return false;
  for (char c : s) {
    if (!(std::isupper(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c))))
      return false;
  }
  return true;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return path;
  size_t prev = path.rfind('/', slash - 1);
  // Keep one directory for people files ("people/aze.txt") so errors point at the file.
  std::string dir = path.substr(prev == std::string::npos ? 0 : prev + 1,
                                slash - (prev == std::string::npos ? 0 : prev + 1));
  if (dir == "people") return "people/" + path.substr(slash + 1);
  return path.substr(slash + 1);
}

// Notes `key` as first given on `line`; a key given before is "duplicate WHAT 'KEY' (first on
// line N)". Keys are compared as written.
Status FirstTime(std::unordered_map<std::string, int>& seen, std::string_view key,
                 const std::string& path, int line, std::string_view what) {
  auto [it, fresh] = seen.emplace(std::string(key), line);
  if (fresh) return Status::Ok();
  return DataError(path, line,
                   "duplicate " + std::string(what) + " '" + std::string(key) +
                       "' (first on line " + std::to_string(it->second) + ")");
}

std::vector<std::string_view> Alternatives(std::string_view field) {
  std::vector<std::string_view> out;
  for (std::string_view a : SplitFields(field, ';')) {
    if (!a.empty()) out.push_back(a);
  }
  return out;
}

}  // namespace

Status ActorDictionary::LoadIsoCodes(const ActorConfig& config, const TextAnalyzer& text) {
  auto raw = ReadFile(config.iso_codes_json);
  if (!raw.ok()) return raw.status();
  std::optional<std::vector<IsoCountryRecord>> list = ReadIsoCountries(*raw);
  if (!list) {
    return Status::BadData(config.iso_codes_json + ": not an iso-codes 3166-1 JSON file");
  }
  const std::string src = BaseName(config.iso_codes_json);
  for (IsoCountryRecord& c : *list) {
    if (!c.alpha_3) continue;
    const std::string& code = *c.alpha_3;
    std::string display;
    for (const std::optional<std::string>* field : {&c.common_name, &c.name, &c.official_name}) {
      if (!*field) continue;
      const std::string& name = **field;
      if (display.empty()) display = name;
      // "Korea, Republic of" and "Iran, Islamic Republic of" are catalogue forms no text uses.
      if (name.find(',') != std::string::npos || name.find('(') != std::string::npos) continue;
      DictEntry e;
      e.kind = EntryKind::kCountry;
      e.code = code;
      e.country = code;
      e.source = src;
      DRAGOMAN_RETURN_IF_ERROR(AddPhrase(text, name, std::move(e)));
    }
    countries_[code] = std::move(display);
  }
  if (countries_.empty()) {
    return Status::BadData(config.iso_codes_json + ": no countries");
  }
  return Status::Ok();
}

Status ActorDictionary::LoadCountries(const std::string& path, const TextAnalyzer& text) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string data, ReadDataFile(path));
  const std::string src = BaseName(path);
  std::unordered_map<std::string, int> country_lines;  // code -> its first line
  return ForEachDataLine(data, problems_, [&](int line, std::string_view t) -> Status {
    auto f = SplitFields(t, '|');
    if (f.size() != 5) {
      return DataError(path, line,
                       "expected 5 fields 'CODE | names | adjectives | people | capitals', got " +
                           std::to_string(f.size()));
    }
    std::string code(f[0]);
    if (!IsUpperCode(code, 3) || code.size() != 3) {
      return DataError(path, line, "bad country code '" + code + "' (ISO 3166-1 alpha-3 expected)");
    }
    if (auto [it, fresh] = country_lines.emplace(code, line); !fresh) {
      return DataError(
          path, line,
          "duplicate country " + code + " (first on line " + std::to_string(it->second) + ")");
    }
    for (size_t k = 1; k < f.size(); ++k) {
      for (std::string_view a : SplitFields(f[k], ';')) {
        if (a.empty() && !f[k].empty()) {
          return DataError(path, line, "empty alternative in field " + std::to_string(k + 1));
        }
      }
    }
    if (f[1].empty() && f[2].empty() && f[3].empty() && f[4].empty()) {
      return DataError(path, line, "no names, adjectives, people or capitals for " + code);
    }
    auto names = Alternatives(f[1]);
    if (!countries_.count(code)) {
      // Not in ISO 3166-1: only a code ISO leaves to its users (XKX for Kosovo), with a name.
      if (!IsUserAssignedAlpha3(code)) {
        return DataError(path, line,
                         "country code '" + code +
                             "' is not in ISO 3166-1 (iso-codes) and not a user-assigned code "
                             "(AAA-AAZ, QMA-QZZ, XAA-XZZ, ZZA-ZZZ)");
      }
      if (names.empty()) {
        return DataError(path, line, "user-assigned country code '" + code + "' needs a name");
      }
      countries_[code] = std::string(names[0]);
    }
    const EntryKind kinds[] = {EntryKind::kCountry, EntryKind::kAdjective, EntryKind::kPeople,
                               EntryKind::kCapital};
    const std::string where = FileLine(src, line);
    for (int k = 0; k < 4; ++k) {
      for (std::string_view a : Alternatives(f[k + 1])) {
        DictEntry e;
        e.kind = kinds[k];
        e.code = code;
        e.country = code;
        if (kinds[k] == EntryKind::kPeople) e.sector = "CVL";
        e.source = where;
        Status s = AddPhrase(text, a, std::move(e));
        if (!s.ok()) return DataError(path, line, s.message());
      }
    }
    return Status::Ok();
  });
}

Status ActorDictionary::LoadRoles(const std::string& path, const TextAnalyzer& text) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string data, ReadDataFile(path));
  const std::string src = BaseName(path);
  std::unordered_map<std::string, int> seen;  // phrase -> its line
  return ForEachDataLine(data, problems_, [&](int line, std::string_view t) -> Status {
    auto f = SplitFields(t, '|');
    if (f.size() != 3) {
      return DataError(
          path, line,
          "expected 3 fields 'PHRASE | SECTOR | KIND', got " + std::to_string(f.size()));
    }
    if (f[0].empty()) return DataError(path, line, "empty phrase");
    DRAGOMAN_RETURN_IF_ERROR(FirstTime(seen, f[0], path, line, "role"));
    if (!IsSector(f[1])) return DataError(path, line, "unknown sector '" + std::string(f[1]) + "'");
    DictEntry e;
    if (f[2] == "person") {
      e.kind = EntryKind::kPersonRole;
    } else if (f[2] == "group") {
      e.kind = EntryKind::kGroupRole;
    } else if (f[2] == "institution") {
      e.kind = EntryKind::kInstitution;
    } else {
      return DataError(path, line,
                       "unknown kind '" + std::string(f[2]) + "' (person, group or institution)");
    }
    e.sector = std::string(f[1]);
    e.source = FileLine(src, line);
    Status s = AddPhrase(text, f[0], std::move(e));
    if (!s.ok()) return DataError(path, line, s.message());
    return Status::Ok();
  });
}

Status ActorDictionary::LoadOrgs(const std::string& path, const TextAnalyzer& text, bool igo_file) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string data, ReadDataFile(path));
  const std::string src = BaseName(path);
  std::unordered_map<std::string, int> seen;  // name -> its line
  return ForEachDataLine(data, problems_, [&](int line, std::string_view t) -> Status {
    auto f = SplitFields(t, '|');
    if (f.size() != 2) {
      return DataError(path, line,
                       "expected 2 fields 'CODE | names', got " + std::to_string(f.size()));
    }
    std::string code(f[0]);
    if (!IsUpperCode(code, 3)) return DataError(path, line, "bad code '" + code + "'");
    DictEntry proto;
    proto.kind = EntryKind::kOrg;
    proto.code = code;
    std::string head = code.substr(0, 3);
    if (head == "IGO" || head == "NGO") {
      proto.sector = head;
    } else if (head == "IMG") {
      proto.sector = code.size() >= 6 ? code.substr(3, 3) : "";
      if (!proto.sector.empty() && !IsSector(proto.sector)) {
        return DataError(path, line, "unknown sector in '" + code + "'");
      }
    } else {
      if (igo_file) {
        return DataError(path, line, "code '" + code + "' must start with IGO or NGO");
      }
      if (code.size() != 6)
        return DataError(path, line, "expected COUNTRY+SECTOR, got '" + code + "'");
      if (!countries_.count(head))
        return DataError(path, line, "unknown country code '" + head + "'");
      if (!IsSector(code.substr(3))) {
        return DataError(path, line, "unknown sector '" + code.substr(3) + "'");
      }
      proto.country = head;
      proto.sector = code.substr(3);
    }
    auto names = Alternatives(f[1]);
    if (names.empty()) return DataError(path, line, "no names");
    for (std::string_view n : names)
      DRAGOMAN_RETURN_IF_ERROR(FirstTime(seen, n, path, line, "name"));
    proto.source = FileLine(src, line);
    for (std::string_view n : names) {
      DictEntry e = proto;
      Status s = AddPhrase(text, n, std::move(e));
      if (!s.ok()) return DataError(path, line, s.message());
    }
    return Status::Ok();
  });
}

Status ActorDictionary::LoadPeople(const std::string& path, const TextAnalyzer& text) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string data, ReadDataFile(path));
  const std::string src = BaseName(path);
  return ForEachDataLine(data, problems_, [&](int line, std::string_view t) -> Status {
    auto f = SplitFields(t, '|');
    if (f.size() != 6) {
      return DataError(
          path, line,
          "expected 6 fields 'NAME | ALIASES | COUNTRY SECTOR | ROLE | START | END', got " +
              std::to_string(f.size()));
    }
    if (f[0].empty()) return DataError(path, line, "missing name");
    auto cs = SplitFields(f[2], ' ');
    cs.erase(std::remove(cs.begin(), cs.end(), std::string_view()), cs.end());
    if (cs.size() != 2)
      return DataError(path, line, "expected 'COUNTRY SECTOR', got '" + std::string(f[2]) + "'");
    std::string country(cs[0]);
    bool igo = country.size() > 3 && (country.rfind("IGO", 0) == 0 || country.rfind("NGO", 0) == 0);
    if (!igo && !countries_.count(country)) {
      return DataError(path, line, "unknown country code '" + country + "'");
    }
    if (!IsSector(cs[1]))
      return DataError(path, line, "unknown sector '" + std::string(cs[1]) + "'");
    PersonTerm term;
    term.country = country;
    term.sector = std::string(cs[1]);
    term.role = std::string(f[3]);
    std::string where = FileLine(src, line);
    term.source = where;
    auto start = PartialDate::Parse(f[4]);
    if (!start) return DataError(path, line, "bad start date '" + std::string(f[4]) + "'");
    term.start = *start;
    if (!f[5].empty()) {
      auto end = PartialDate::Parse(f[5]);
      if (!end) return DataError(path, line, "bad end date '" + std::string(f[5]) + "'");
      if (*end < *start) return DataError(path, line, "end date before start date");
      term.end = *end;
    }
    std::string name(f[0]);
    auto it = person_index_.find(name);
    int idx;
    if (it == person_index_.end()) {
      idx = static_cast<int>(people_.size());
      people_.push_back(PersonEntry{name, {}});
      person_index_[name] = idx;
    } else {
      idx = it->second;
    }
    bool first_term = people_[idx].terms.empty();
    people_[idx].terms.push_back(std::move(term));
    if (!first_term) return Status::Ok();  // names were added with the first term
    auto add_name = [&](std::string_view n) -> Status {
      DictEntry e;
      e.kind = EntryKind::kPerson;
      e.person = idx;
      e.source = where;
      Status s = AddPhrase(text, n, std::move(e));
      if (!s.ok()) return DataError(path, line, s.message());
      return Status::Ok();
    };
    DRAGOMAN_RETURN_IF_ERROR(add_name(f[0]));
    if (f[1].empty()) return Status::Ok();
    for (std::string_view a : SplitFields(f[1], ';')) {
      if (!a.empty()) DRAGOMAN_RETURN_IF_ERROR(add_name(a));
    }
    return Status::Ok();
  });
}

Status ActorDictionary::LoadReferences(const std::string& path, const TextAnalyzer& text) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string data, ReadDataFile(path));
  const std::string src = BaseName(path);
  std::unordered_map<std::string, int> seen;  // word -> its line
  Status st = ForEachDataLine(data, problems_, [&](int line, std::string_view t) -> Status {
    auto f = SplitFields(t, '|');
    if (f.size() != 2 || f[0].empty()) {
      return DataError(path, line, "expected 2 fields 'WORD | CLASS'");
    }
    DRAGOMAN_RETURN_IF_ERROR(FirstTime(seen, f[0], path, line, "word"));
    if (f[1] == "notname") {
      not_name_.push_back(text.Normalize(f[0]));
      return Status::Ok();
    }
    if (f[1] == "skip") {
      skip_.push_back(text.Normalize(f[0]));
      return Status::Ok();
    }
    if (f[1] == "generic") {
      generic_.push_back(text.Normalize(f[0]));
      return Status::Ok();
    }
    static const std::pair<std::string_view, RefClass> kClasses[] = {
        {"person", RefClass::kPerson},          {"speaker", RefClass::kSpeaker},
        {"plural", RefClass::kPlural},          {"plural-country", RefClass::kPluralCountry},
        {"plural-side", RefClass::kPluralSide}, {"plural-person", RefClass::kPluralPerson},
        {"thing", RefClass::kThing}};
    DictEntry e;
    e.kind = EntryKind::kReference;
    bool found = false;
    for (const auto& [name, cls] : kClasses) {
      if (f[1] == name) {
        e.ref = cls;
        found = true;
      }
    }
    if (!found) return DataError(path, line, "unknown class '" + std::string(f[1]) + "'");
    e.source = FileLine(src, line);
    Status s = AddPhrase(text, f[0], std::move(e));
    if (!s.ok()) return DataError(path, line, s.message());
    return Status::Ok();
  });
  std::sort(not_name_.begin(), not_name_.end());
  std::sort(generic_.begin(), generic_.end());
  std::sort(skip_.begin(), skip_.end());
  return st;
}

Status ActorDictionary::LoadGeneric(const std::string& path) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string data, ReadDataFile(path));
  return ForEachDataLine(data, [&](int line, std::string_view t) -> Status {
    auto f = SplitFields(t, '|');
    if (f.size() != 2 && f.size() != 3) {
      return DataError(path, line, "expected 2 or 3 fields 'SECTOR | COUNTRY [| ROLES]'");
    }
    if (!IsSector(f[0])) return DataError(path, line, "unknown sector '" + std::string(f[0]) + "'");
    GenericCountry policy;
    if (f[1] == "document") {
      policy = GenericCountry::kDocument;
    } else if (f[1] == "none") {
      policy = GenericCountry::kBare;
    } else {
      return DataError(path, line, "COUNTRY must be 'document' or 'none', not '" + std::string(f[1]) + "'");
    }
    if (!generic_sectors_.emplace(std::string(f[0]), policy).second) {
      return DataError(path, line, "sector '" + std::string(f[0]) + "' listed twice");
    }
    if (f.size() == 3) {  // only these roles.txt phrases of the sector
      std::vector<std::string>& roles = generic_roles_[std::string(f[0])];
      for (std::string_view r : SplitFields(f[2], ';')) {
        bool known = std::any_of(entries_.begin(), entries_.end(), [&](const DictEntry& e) {
          return e.sector == f[0] && e.phrase == r &&
                 (e.kind == EntryKind::kPersonRole || e.kind == EntryKind::kGroupRole ||
                  e.kind == EntryKind::kInstitution);
        });
        if (!known) {
          return DataError(path, line, "'" + std::string(r) + "' is no roles.txt phrase of sector " +
                                           std::string(f[0]));
        }
        roles.emplace_back(r);
      }
      std::sort(roles.begin(), roles.end());
    }
    return Status::Ok();
  });
}

}  // namespace dragoman
