#include "eval/eval.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

#include "base/data_file.h"
#include "base/file.h"
#include "output/event_json.h"

namespace dragoman::eval {

namespace {

std::string Fixed(double v, int digits = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string Pad(std::string s, size_t width) {
  if (s.size() < width) s.resize(width, ' ');
  return s;
}

std::string PadLeft(const std::string& s, size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

// One-line rendering of a sentence for lists: newlines folded, long ones cut at a UTF-8 boundary.
std::string OneLine(const std::string& s, size_t max_bytes = 220) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (out.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "...";
  }
  return out;
}

void PrintCountsRow(std::ostream& out, const std::string& name, const Counts& c) {
  out << "  " << Pad(name, 13) << PadLeft(std::to_string(c.gold), 6)
      << PadLeft(std::to_string(c.coded), 7) << PadLeft(std::to_string(c.matched), 7) << "  "
      << Fixed(c.Precision()) << "  " << Fixed(c.Recall()) << "  " << Fixed(c.F1()) << "\n";
}

nlohmann::ordered_json CountsJson(const Counts& c) {
  nlohmann::ordered_json j;
  j["gold"] = c.gold;
  j["coded"] = c.coded;
  j["matched"] = c.matched;
  j["precision"] = c.Precision();
  j["recall"] = c.Recall();
  j["f1"] = c.F1();
  return j;
}

}  // namespace

Result<Scores> Evaluate(const GoldSet& gold, const CodeFn& code, const TypeVocabulary* vocabulary,
                        std::optional<Level> detail) {
  Scores scores;
  scores.detail_level = detail                               ? *detail
                        : gold.format == GoldFormat::kPlover ? Level::kSourceTyped
                        : gold.format == GoldFormat::kPlv    ? Level::kType
                                                             : Level::kTyped;
  scores.cameo_types = gold.format == GoldFormat::kPetrarch || gold.format == GoldFormat::kTabari;
  bool rename = vocabulary != nullptr && gold.format == GoldFormat::kPlover;
  std::map<std::string, Scores> parts;
  for (const GoldDocument& doc : gold.docs) {
    DRAGOMAN_ASSIGN_OR_RETURN(std::vector<Event> events, code(doc));
    if (rename) {
      for (Event& e : events) e.plover = vocabulary->Rename(e.plover, e.cameo);
    }
    if (gold.format == GoldFormat::kPlv) {
      // PLV's YIELD is PLOVER 2021's CONCEDE and RETREAT (../shared/peers/README.md).
      for (Event& e : events) {
        if (e.plover == "CONCEDE" || e.plover == "RETREAT") e.plover = "YIELD";
      }
    }
    ScoreDocument(doc, events, scores);
    if (!gold.split.empty()) {
      Scores& part = parts[doc.measure_only ? "measure" : "tune"];
      part.detail_level = scores.detail_level;
      part.cameo_types = scores.cameo_types;
      ScoreDocument(doc, events, part);
    }
  }
  for (auto& [name, part] : parts) scores.parts[name] = part.levels;
  return scores;
}

Result<CodeFn> EventsFileCodeFn(const std::string& path) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  auto by_doc = std::make_shared<std::map<std::string, std::vector<Event>>>();
  DRAGOMAN_RETURN_IF_ERROR(ForEachLine(text, [&](int line_no, std::string_view line) -> Status {
    if (line.find_first_not_of(" \t") == std::string_view::npos) return Status::Ok();
    Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    std::string where = FileLine(path, line_no);
    if (j.is_discarded() || !j.is_object()) return Status::BadData(where + ": not a JSON object");
    auto e = EventFromJson(j);
    if (!e.ok()) return Status::BadData(where + ": " + e.status().message());
    (*by_doc)[e->doc].push_back(std::move(*e));
    return Status::Ok();
  }));
  return CodeFn([by_doc](const GoldDocument& doc) -> Result<std::vector<Event>> {
    auto it = by_doc->find(doc.id);
    return it == by_doc->end() ? std::vector<Event>() : it->second;
  });
}

void PrintReport(const GoldSet& gold, const Scores& scores, const ReportOptions& options,
                 std::ostream& out) {
  out << "gold: " << GoldFormatName(gold.format) << " format, " << gold.docs.size()
      << " documents, " << gold.events << " events";
  int skipped = 0;
  for (const auto& [reason, n] : gold.skipped) skipped += n;
  if (skipped) out << " (" << skipped << " records not scored)";
  out << "\n";
  for (const auto& [reason, n] : gold.skipped)
    out << "  not scored: " << n << " " << reason << "\n";

  out << "\n  " << Pad("level", 13) << PadLeft("gold", 6) << PadLeft("coded", 7)
      << PadLeft("match", 7) << "  P      R      F1\n";
  for (Level l : kAllLevels) {
    auto it = scores.levels.find(l);
    PrintCountsRow(out, std::string(LevelName(l)),
                   it == scores.levels.end() ? Counts() : it->second);
  }
  out << "  over-generation: " << Fixed(scores.OverGeneration(), 2)
      << " coded events per gold event\n";

  if (!scores.parts.empty()) {
    out << "\nparts (F1 by level; split " << gold.split << "):\n  " << Pad("part", 9)
        << PadLeft("docs", 6) << PadLeft("gold", 6) << PadLeft("coded", 7) << PadLeft("over", 6);
    for (Level l : kAllLevels) out << PadLeft(std::string(LevelName(l)), 12);
    out << "\n";
    for (const auto& [name, levels] : scores.parts) {
      bool measure = name == "measure";
      size_t docs = std::count_if(gold.docs.begin(), gold.docs.end(),
                                  [&](const GoldDocument& d) { return d.measure_only == measure; });
      const Counts& dyad = levels.at(Level::kDyad);
      out << "  " << Pad(name, 9) << PadLeft(std::to_string(docs), 6)
          << PadLeft(std::to_string(dyad.gold), 6) << PadLeft(std::to_string(dyad.coded), 7)
          << PadLeft(Fixed(dyad.gold ? double(dyad.coded) / dyad.gold : 0.0, 2), 6);
      for (Level l : kAllLevels) out << PadLeft(Fixed(levels.at(l).F1()), 12);
      out << "\n";
    }
  }

  out << "\nper type (" << LevelName(scores.detail_level) << " level):\n";
  out << "  " << Pad("type", 13) << PadLeft("gold", 6) << PadLeft("coded", 7) << PadLeft("match", 7)
      << "  P      R      F1\n";
  for (const auto& [type, c] : scores.per_type) {
    PrintCountsRow(out, type.empty() ? "(none)" : type, c);
  }

  if (options.confusion && !scores.confusion.empty()) {
    out << "\ntype confusion (gold -> coded, events "
        << (scores.detail_level == Level::kSourceTyped ? "agreeing on the source"
            : scores.detail_level == Level::kType      ? "of the same sentence"
                                                       : "agreeing on the dyad")
        << "; off-diagonal only):\n";
    std::vector<std::pair<int, std::pair<std::string, std::string>>> rows;
    for (const auto& [k, n] : scores.confusion) {
      if (k.first != k.second) rows.push_back({n, k});
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (const auto& [n, k] : rows) {
      out << "  " << PadLeft(std::to_string(n), 5) << "  "
          << Pad(k.first.empty() ? "?" : k.first, 13) << "-> "
          << (k.second.empty() ? "?" : k.second) << "\n";
    }
  }

  auto list = [&](const char* title, const std::vector<Discrepancy>& items, bool misses) {
    if (options.max_listed == 0 || items.empty()) return;
    out << "\n" << title << " (" << items.size() << "):\n";
    size_t n =
        options.max_listed < 0 ? items.size() : std::min(items.size(), size_t(options.max_listed));
    for (size_t i = 0; i < n; ++i) {
      const Discrepancy& d = items[i];
      out << "  [" << d.doc << "] " << OneLine(d.sentence) << "\n";
      if (misses) {
        out << "      expected: " << d.expected << "\n"
            << "      coded:    " << (d.coded.empty() ? "(nothing)" : d.coded) << "\n";
      } else {
        out << "      coded:    " << d.coded << (d.where.empty() ? "" : "   [" + d.where + "]")
            << "\n";
      }
    }
    if (n < items.size()) out << "  ... " << items.size() - n << " more (--show all)\n";
  };
  list("misses", scores.misses, true);
  list("false alarms", scores.false_alarms, false);
  if (options.max_listed != 0 && (scores.measure_misses || scores.measure_false_alarms)) {
    out << "\nnot listed: " << scores.measure_misses << " misses and "
        << scores.measure_false_alarms
        << " false alarms in measure-only documents (their sentences are not for reading; "
           "doc/eval.md)\n";
  }
}

std::string ReportJson(const GoldSet& gold, const Scores& scores) {
  nlohmann::ordered_json j;
  j["format"] = std::string(GoldFormatName(gold.format));
  j["documents"] = gold.docs.size();
  j["gold_events"] = gold.events;
  for (Level l : kAllLevels) {
    auto it = scores.levels.find(l);
    j["levels"][std::string(LevelName(l))] =
        CountsJson(it == scores.levels.end() ? Counts() : it->second);
  }
  j["over_generation"] = scores.OverGeneration();
  if (!gold.split.empty()) j["split"] = gold.split;
  for (const auto& [name, levels] : scores.parts) {
    nlohmann::ordered_json p;
    for (const auto& [l, c] : levels) p["levels"][std::string(LevelName(l))] = CountsJson(c);
    const Counts& dyad = levels.at(Level::kDyad);
    p["over_generation"] = dyad.gold ? static_cast<double>(dyad.coded) / dyad.gold : 0.0;
    j["parts"][name] = p;
  }
  j["detail_level"] = std::string(LevelName(scores.detail_level));
  for (const auto& [type, c] : scores.per_type) j["per_type"][type] = CountsJson(c);
  j["misses"] = scores.misses.size() + scores.measure_misses;
  j["false_alarms"] = scores.false_alarms.size() + scores.measure_false_alarms;
  return j.dump();
}

Result<std::pair<Level, double>> ParseFloor(const std::string& spec) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos) {
    return Status::InvalidArgument("--min-f1 wants LEVEL=F1 (e.g. typed=0.8), not '" + spec + "'");
  }
  auto level = ParseLevel(spec.substr(0, eq));
  if (!level) {
    return Status::InvalidArgument("--min-f1: unknown level '" + spec.substr(0, eq) + "' (" +
                                   std::string(LevelNames()) + ")");
  }
  std::string num = spec.substr(eq + 1);
  char* end = nullptr;
  double v = std::strtod(num.c_str(), &end);
  if (num.empty() || end != num.c_str() + num.size() || v < 0 || v > 1) {
    return Status::InvalidArgument("--min-f1: '" + num + "' is not a number between 0 and 1");
  }
  return std::pair<Level, double>{*level, v};
}

std::vector<std::string> CheckFloors(const Scores& scores,
                                     const std::vector<std::pair<Level, double>>& floors) {
  std::vector<std::string> failed;
  for (const auto& [level, floor] : floors) {
    auto it = scores.levels.find(level);
    double f1 = it == scores.levels.end() ? 0.0 : it->second.F1();
    // Compare at the printed precision so that a report saying 0.800 never fails a 0.8 floor.
    if (f1 + 5e-4 < floor) {
      failed.push_back(std::string(LevelName(level)) + " F1 " + Fixed(f1) + " < " + Fixed(floor));
    }
  }
  return failed;
}

}  // namespace dragoman::eval
