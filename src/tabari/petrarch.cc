// PETRARCH-1 dictionaries and unit suite: resolving a petrarch: spec to its files, loading them
// (the loaders are in petrarch_nouns.cc and petrarch_verbs.cc), the suite's JSON Lines records,
// and coding a record as the suite does.
#include "tabari/petrarch.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "base/data_file.h"
#include "base/file.h"
#include "base/strings.h"
#include "base/suite_record.h"
#include "tabari/coder.h"
#include "tabari/petrarch_internal.h"

namespace dragoman::tabari {
using petrarch_internal::EndsWith;

Result<PetrarchFiles> ResolvePetrarchSpec(std::string_view spec) {
  namespace fs = std::filesystem;
  PetrarchFiles f;
  std::string s(Trim(spec));
  if (s.empty()) return Status::InvalidArgument("petrarch: needs a directory or a file list");
  std::error_code ec;
  if (s.find(',') == std::string::npos && fs::is_directory(s, ec)) {
    fs::path dir(s);
    if (fs::exists(dir / "PETR.Validate.verbs.txt", ec)) {
      for (const char* kind : {"actors", "agents", "discards", "verbs"}) {
        fs::path p = dir / (std::string("PETR.Validate.") + kind + ".txt");
        if (!fs::exists(p, ec)) continue;
        std::string k = kind;
        (k == "actors"     ? f.actors
         : k == "agents"   ? f.agents
         : k == "discards" ? f.discards
                           : f.verbs)
            .push_back(p.string());
      }
    } else {
      std::vector<std::string> names;
      for (const auto& de : fs::directory_iterator(dir, ec)) names.push_back(de.path().filename());
      std::sort(names.begin(), names.end());
      std::string verbs;
      for (const auto& n : names) {
        if (n.rfind("Phoenix.", 0) == 0 && EndsWith(n, ".actors.txt"))
          f.actors.push_back((dir / n).string());
        else if (n == "Phoenix.agents.txt")
          f.agents.push_back((dir / n).string());
        else if (n == "Phoenix.discards.txt")
          f.discards.push_back((dir / n).string());
        else if (n.rfind("CAMEO.verbpatterns.", 0) == 0 && EndsWith(n, ".txt"))
          verbs = (dir / n).string();
      }
      if (!verbs.empty()) f.verbs.push_back(verbs);
    }
  } else {
    size_t pos = 0;
    while (pos <= s.size()) {
      size_t comma = s.find(',', pos);
      if (comma == std::string::npos) comma = s.size();
      std::string file(Trim(std::string_view(s).substr(pos, comma - pos)));
      pos = comma + 1;
      if (file.empty()) continue;
      if (!fs::exists(file, ec)) return Status::NotFound(file + ": no such dictionary file");
      std::string base = fs::path(file).filename().string();
      for (char& c : base) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (base.find("actors") != std::string::npos)
        f.actors.push_back(file);
      else if (base.find("agents") != std::string::npos)
        f.agents.push_back(file);
      else if (base.find("discards") != std::string::npos)
        f.discards.push_back(file);
      else if (base.find("verb") != std::string::npos)
        f.verbs.push_back(file);
      else
        return Status::InvalidArgument(
            file +
            ": cannot tell the dictionary kind (the name must contain actors, agents, "
            "discards or verb)");
    }
  }
  if (f.actors.empty() || f.verbs.empty())
    return Status::NotFound("petrarch:" + s + ": no actors file or no verbs file");
  return f;
}

Status LoadAdjectiveList(const std::string& path, Dictionaries* dict) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view l = std::string_view(text).substr(pos, nl - pos);
    pos = nl + 1;
    if (l.empty() || std::isspace(static_cast<unsigned char>(l[0]))) continue;
    std::string_view w = l.substr(0, l.find(' '));
    if (w.empty() || w.find('_') != std::string_view::npos) continue;
    dict->adjectives.push_back(Upper(w) + "_");  // '_': the whole word, not a stem
  }
  return Status::Ok();
}

Options PetrarchOptions() {
  Options o;
  o.minimum_words = 0;
  o.comma_min = 2;
  o.comma_max = 8;
  o.comma_bmin = 0;
  o.comma_bmax = 0;
  o.comma_emin = 2;
  o.comma_emax = 8;
  // An agent with no actor beside it is coded with the null actor: "students" -> "---EDU".
  o.convert_agent = true;
  o.agent_filler = "---";
  o.petrarch_rules = true;
  return o;
}

Result<Dictionaries> LoadPetrarchDictionaries(const PetrarchFiles& files,
                                              const PetrarchLoadOptions& opt,
                                              std::vector<std::string>* warnings) {
  Dictionaries d;
  d.options = PetrarchOptions();
  using Loader = Status (*)(std::string_view, std::string_view, const PetrarchLoadOptions&,
                            Dictionaries*, std::vector<std::string>*);
  auto load = [&](const std::vector<std::string>& paths, Loader fn) -> Status {
    for (const auto& p : paths) {
      auto text = ReadFile(p);
      if (!text.ok()) return Status::BadData(text.status().message());
      DRAGOMAN_RETURN_IF_ERROR(fn(*text, p, opt, &d, warnings));
    }
    return Status::Ok();
  };
  DRAGOMAN_RETURN_IF_ERROR(load(files.actors, &LoadPetrarchActors));
  DRAGOMAN_RETURN_IF_ERROR(load(files.agents, &LoadPetrarchAgents));
  DRAGOMAN_RETURN_IF_ERROR(load(files.discards, &LoadPetrarchDiscards));
  DRAGOMAN_RETURN_IF_ERROR(load(files.verbs, &LoadPetrarchVerbs));
  if (!opt.adjectives_file.empty())
    DRAGOMAN_RETURN_IF_ERROR(LoadAdjectiveList(opt.adjectives_file, &d));
  d.Finish();
  return d;
}

Result<std::vector<PetrarchRecord>> ParsePetrarchSuiteJsonl(std::string_view text,
                                                            std::string_view name) {
  std::vector<PetrarchRecord> out;
  Status walked =
      ForEachSuiteRecord(text, name, &Status::BadInput, [&](const SuiteRecordLine& rec) -> Status {
        const int line = rec.line;
        const nlohmann::json& j = rec.json;
        auto bad = [&](const std::string& why) {
          return Status::BadInput(FileLine(name, line) + ": " + why);
        };
        try {
          PetrarchRecord pr;
          SuiteRecord& r = pr.record;
          r.id = rec.id;
          std::optional<int32_t> date = SuiteDate(rec.date);
          if (!date) return bad("missing or bad 'date' (want YYYY-MM-DD)");
          r.date = *date;
          r.text = rec.text;
          r.line = line;
          for (const auto& e : rec.expected) r.expected.push_back({e.source, e.target, e.code, 0});
          if (j.contains("error") && j["error"].is_string())
            pr.error = j["error"].get<std::string>();
          // An input error means PETRARCH codes nothing; a discard is reported as one.
          if (pr.error == "storydiscard" || pr.error == "sentencediscard")
            r.special = "###";
          else if (!pr.error.empty() || (j.value("noevents", false) && r.expected.empty()))
            r.special = "---";
          if (r.expected.empty() && r.special.empty()) r.special = "---";
          // The pass rule (Passes in suite.h) reads the marker flags, not `special`; a special
          // outcome is expected only when no event is.
          if (r.expected.empty()) {
            r.marks_none = r.special == "---";
            r.marks_discard = r.special == "###";
            r.marks_complex = r.special == "+++";
            r.special_block = 0;
          }
          pr.options = PetrarchOptions();
          const nlohmann::json config = j.value("config", nlohmann::json::object());
          for (const auto& item : config.items()) {
            // Named, not a structured binding: clang 14 (the fuzz build) cannot capture a binding.
            const std::string key = item.key();
            const nlohmann::json& value = item.value();
            std::string v = value.is_string() ? value.get<std::string>() : value.dump();
            auto number = [&](int* out) -> Status {
              if (v.empty() || v.size() > 9 ||
                  v.find_first_not_of("0123456789") != std::string::npos)
                return bad("config " + key + " is not a number: '" + v + "'");
              *out = std::stoi(v);
              return Status::Ok();
            };
            Options& o = pr.options;
            if (key == "comma_min") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_min));
            if (key == "comma_max") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_max));
            if (key == "comma_bmin") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_bmin));
            if (key == "comma_bmax") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_bmax));
            if (key == "comma_emin") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_emin));
            if (key == "comma_emax") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_emax));
            if (key == "require_dyad") {
              std::string b = Upper(v);
              if (b != "TRUE" && b != "FALSE")
                return bad("config require_dyad is not true or false: '" + v + "'");
              o.require_dyad = b == "TRUE";
            }
            // stop_on_error (a driver setting) and new_actor_length (actors made from unknown
            // noun phrases) have no counterpart in the TABARI coder.
          }
          bool skip = j.value("skip", false);
          bool matches = j.value("text_matches_parse", true);
          pr.counted = !skip && matches;
          if (skip) {
            pr.skip_reason = j.contains("skip_reason") && j["skip_reason"].is_string()
                                 ? j["skip_reason"].get<std::string>()
                                 : "skip";
          } else if (!matches) {
            pr.skip_reason = "text_matches_parse: false";
          }
          r.checked = pr.counted;
          out.push_back(std::move(pr));
        } catch (const nlohmann::json::exception& e) {
          return bad(std::string("bad field: ") + e.what());
        }
        return Status::Ok();
      });
  DRAGOMAN_RETURN_IF_ERROR(walked);
  return out;
}

std::string SplitContractions(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  size_t i = 0;
  while (i < text.size()) {
    size_t st = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view w = text.substr(st, i - st);
    // Trailing punctuation stays after the split-off part: "didn't," -> "did n't,".
    size_t core = w.size();
    while (core > 0 && std::ispunct(static_cast<unsigned char>(w[core - 1])) && w[core - 1] != '\'')
      --core;
    std::string_view head = w.substr(0, core), tail = w.substr(core);
    std::string lower = Upper(head);
    if (lower.size() > 3 && EndsWith(lower, "N'T")) {
      out.append(head.substr(0, head.size() - 3)).append(" ").append(head.substr(head.size() - 3));
      out.append(tail);
    } else if (lower == "CANNOT") {
      out.append(head.substr(0, 3)).append(" ").append(head.substr(3)).append(tail);
    } else {
      out.append(w);
    }
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) out += text[i++];
  }
  return out;
}

void CodePetrarchText(TabariCoder& coder, std::string_view raw, int32_t date,
                      const Options& options, CodeResult* out) {
  std::string text = SplitContractions(raw);
  // A closing comma segment that the COMMA: rule keeps ("..., a ministry spokesman said
  // on Monday.") is a clause of its own in PETRARCH's parse: with require_dyad off, the text
  // before it and the segment are coded apart and their events joined.
  std::string_view t = Trim(text);
  size_t comma = t.rfind(", ");
  bool split = !options.require_dyad && comma != std::string_view::npos && !t.empty() &&
               std::string_view(".!?").find(t.back()) != std::string_view::npos;
  std::string_view closing;
  if (split) {
    closing = t.substr(comma + 2);
    int words = 0;
    for (size_t i = 0; i < closing.size(); ++i)
      if (!std::isspace(static_cast<unsigned char>(closing[i])) &&
          (i == 0 || std::isspace(static_cast<unsigned char>(closing[i - 1]))))
        ++words;
    bool aside = options.comma_on && words >= options.comma_emin && words <= options.comma_emax;
    split = !aside;
  }
  if (!split) {
    coder.Code(text, date, options, out);
    return;
  }
  std::string head(t.substr(0, comma));
  head += t.back();
  coder.Code(head, date, options, out);
  if (out->outcome == CodeResult::Outcome::kDiscard ||
      out->outcome == CodeResult::Outcome::kComplex)
    return;
  CodeResult extra;
  coder.Code(closing, date, options, &extra);
  if (extra.outcome == CodeResult::Outcome::kDiscard ||
      extra.outcome == CodeResult::Outcome::kComplex) {
    *out = std::move(extra);
    return;
  }
  for (auto& e : extra.events)
    if (std::find(out->events.begin(), out->events.end(), e) == out->events.end())
      out->events.push_back(std::move(e));
  if (!out->events.empty()) out->outcome = CodeResult::Outcome::kEvents;
}

PetrarchReport RunPetrarchSuite(const Dictionaries& dict,
                                const std::vector<PetrarchRecord>& records, std::ostream& out,
                                bool verbose) {
  PetrarchReport rep;
  TabariCoder coder(dict);
  CodeResult res;
  for (const PetrarchRecord& pr : records) {
    const SuiteRecord& r = pr.record;
    if (!pr.counted) {
      ++rep.skipped;
      if (verbose) out << "SKIP " << r.id << " (" << pr.skip_reason << ")\n";
      continue;
    }
    CodePetrarchText(coder, r.text, r.date, pr.options, &res);
    if (Passes(r, res)) {
      ++rep.passed;
      if (verbose) out << "PASS " << r.id << "\n";
      continue;
    }
    ++rep.failed;
    out << "FAIL " << r.id << " (line " << r.line << ")\n  text: " << r.text << "\n  expected:\n";
    if (!r.special.empty() && r.expected.empty())
      out << "    " << r.special << (pr.error.empty() ? "" : " (" + pr.error + ")") << "\n";
    for (const auto& e : r.expected)
      out << "    " << e.source << " / " << e.target << " / " << e.code << "\n";
    out << "  coded:\n" << DescribeResult(res);
  }
  out << rep.skipped << " skipped (skip or text_matches_parse false)\n";
  out << rep.passed << " passed, " << rep.failed << " failed\n";
  return rep;
}

}  // namespace dragoman::tabari
