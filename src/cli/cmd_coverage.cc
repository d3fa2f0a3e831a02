// `dragoman coverage`: which CAMEO codes have verbal and nominal trigger patterns and coded
// example sentences (src/eval/coverage.h, doc/patterns.md "Coverage").
// Flags -> config -> eval library -> table; exit 1 with --check when a code is incomplete.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <ostream>
#include <string>

#include "base/data_file.h"
#include "base/file.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "coders/coders.h"
#include "eval/coverage.h"
#include "eval/eval.h"
#include "eval/wordnet_relations.h"
#include "events/codes.h"
#include "events/patterns.h"

namespace dragoman::cli {

namespace {

std::vector<FlagSpec> CoverageFlags() {
  std::vector<FlagSpec> f = CommonFlags();
  f.push_back({"code", "PREFIX", "only the codes starting with PREFIX (e.g. 17 or 0841)", ""});
  f.push_back({"missing", "", "list only the codes that lack something and are not exempt", ""});
  f.push_back({"failures", "", "print each example sentence the coder does not code right", ""});
  f.push_back({"propose", "",
               "for each listed code, WordNet synonyms and derived nouns of its trigger verbs "
               "that no pattern of the code has yet (for review)",
               ""});
  f.push_back({"wordnet", "DIR", "WordNet data files", "/usr/share/wordnet"});
  f.push_back({"check", "", "exit 1 when an example sentence is not coded right", ""});
  return f;
}

// The lemmas a pattern's trigger element accepts.
std::vector<std::string> TriggerWords(const Pattern& p) {
  std::vector<std::string> out;
  if (p.trigger < 0 || p.trigger >= static_cast<int>(p.elements.size())) return out;
  for (const auto& alt : p.elements[p.trigger].alts) out.push_back(alt.word);
  return out;
}

int RunCoverage(const ParsedArgs& args, CommandContext& ctx) {
  if (!args.positionals.empty()) {
    return ReportError(Status::InvalidArgument("coverage takes no arguments; see --help"), ctx);
  }
  auto data = FindDataDir(args.Get("data"));
  if (!data.ok()) return ReportError(Status::BadData(data.status().message()), ctx);
  std::string events_dir = (std::filesystem::path(*data) / "events").string();
  auto codes = CodeTable::Load(events_dir);
  if (!codes.ok()) return ReportError(codes.status(), ctx);
  auto code_list = eval::CameoCodeList(events_dir + "/cameo.tsv");
  if (!code_list.ok()) return ReportError(code_list.status(), ctx);
  std::string verbs_path = events_dir + "/verbs.txt";
  auto verbs_text = ReadDataFile(verbs_path);
  if (!verbs_text.ok()) return ReportError(verbs_text.status(), ctx);
  auto patterns = ParsePatterns(verbs_path, *verbs_text, *codes);
  if (!patterns.ok()) return ReportError(patterns.status(), ctx);
  std::string examples_path = events_dir + "/examples.tsv";
  auto examples_text = ReadDataFile(examples_path);
  if (!examples_text.ok()) return ReportError(examples_text.status(), ctx);
  auto examples = eval::ParseExamples(examples_path, *examples_text, *codes);
  if (!examples.ok()) return ReportError(examples.status(), ctx);
  auto document_coder = OpenDocumentCoder(CoderSpec{}, *data);
  if (!document_coder.ok()) return ReportError(document_coder.status(), ctx);
  eval::CodeFn coder = eval::DocumentCodeFn(**document_coder);
  std::optional<eval::WordNetRelations> wordnet;
  if (args.Has("propose")) {
    auto wn = eval::WordNetRelations::Load(args.Get("wordnet", "/usr/share/wordnet"));
    if (!wn.ok()) return ReportError(wn.status(), ctx);
    wordnet = std::move(*wn);
  }

  // Every example is coded once, as its own document dated 2024-06-01.
  auto code_sentence = [&](const std::string& sentence) -> std::vector<Event> {
    eval::GoldDocument doc;
    doc.id = "example";
    doc.text = sentence;
    doc.date = PartialDate::Parse("2024-06-01");
    auto events = coder(doc);
    return events.ok() ? *events : std::vector<Event>();
  };
  std::string prefix = args.Get("code");
  bool missing_only = args.Has("missing");
  std::vector<eval::CodeCoverage> rows =
      eval::Coverage(*code_list, *codes, *patterns, *examples, code_sentence);

  int with_verbal = 0, with_nominal = 0, with_examples = 0, exempt = 0, complete = 0;
  int examples_total = 0, examples_coded = 0;
  for (const auto& r : rows) {
    with_verbal += r.verbal > 0;
    with_nominal += r.nominal > 0;
    with_examples += r.examples > 0;
    exempt += !r.exempt.empty();
    complete += r.Complete();
    examples_total += r.examples;
    examples_coded += r.coded;
  }
  ctx.out << "code   verbal nominal examples  name\n";
  for (const auto& r : rows) {
    if (r.code.compare(0, prefix.size(), prefix) != 0) continue;
    if (missing_only && r.Complete()) continue;
    char buf[64];
    if (!r.exempt.empty()) {
      std::snprintf(buf, sizeof buf, "%-6s %6s %7s %8s  ", r.code.c_str(), "-", "-", "exempt");
      ctx.out << buf << r.name << " (" << r.exempt << ")\n";
    } else {
      std::snprintf(buf, sizeof buf, "%-6s %6d %7d %5d/%-2d  ", r.code.c_str(), r.verbal,
                    r.nominal, r.coded, r.examples);
      ctx.out << buf << r.name << "\n";
    }
    if (wordnet && r.exempt.empty()) {
      std::set<std::string> used;
      std::vector<std::string> verbs;
      for (const Pattern& p : *patterns) {
        for (const auto& e : p.elements) {
          for (const auto& alt : e.alts) used.insert(alt.word);
        }
        if (p.code == r.code && !p.noun) {
          for (const std::string& w : TriggerWords(p)) {
            if (std::find(verbs.begin(), verbs.end(), w) == verbs.end()) verbs.push_back(w);
          }
        }
      }
      for (const std::string& v : verbs) {
        std::string syn, nouns;
        for (const std::string& w : wordnet->VerbSynonyms(v)) {
          if (!used.count(w)) syn += (syn.empty() ? "" : ", ") + w;
        }
        for (const std::string& w : wordnet->DerivedNouns(v)) {
          if (!used.count(w)) nouns += (nouns.empty() ? "" : ", ") + w;
        }
        if (!syn.empty() || !nouns.empty()) {
          ctx.out << "         " << v << ": synonyms [" << syn << "] nouns [" << nouns << "]\n";
        }
      }
    }
  }
  bool failed = false;
  for (const eval::CodeExample& e : examples->examples) {
    if (e.code.compare(0, prefix.size(), prefix) != 0) continue;
    std::string why;
    if (eval::ExampleCoded(e, code_sentence(e.sentence), &why)) continue;
    failed = true;
    if (args.Has("failures")) {
      ctx.out << examples_path << ":" << e.line << ": " << e.code << " " << e.source << "->"
              << e.target << " not coded: " << e.sentence << "\n    coded: " << why << "\n";
    }
  }
  ctx.out << rows.size() << " codes: " << with_verbal << " with verbal patterns, " << with_nominal
          << " with nominal patterns, " << with_examples << " with examples (" << examples_coded
          << " of " << examples_total << " example sentences coded right), " << exempt
          << " exempt; " << complete << " complete\n";
  ctx.out.flush();
  return args.Has("check") && failed ? kExitCheckFailed : kExitOk;
}

}  // namespace

extern const Command kCoverageCommand;
const Command kCoverageCommand = {
    "coverage",
    "CAMEO codes with and without trigger patterns and example sentences (breadth check)",
    "dragoman coverage [--code PREFIX] [--missing] [--failures] [--propose] [--check]",
    CoverageFlags,
    RunCoverage,
};

}  // namespace dragoman::cli
