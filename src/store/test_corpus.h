// Hand-made documents and events for the store tests (no coder involved).
#ifndef DRAGOMAN_STORE_TEST_CORPUS_H_
#define DRAGOMAN_STORE_TEST_CORPUS_H_

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "base/date.h"
#include "store/store.h"

namespace dragoman::testing {

// A fresh directory under the system temp dir, removed with its contents on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dragoman_store_XXXXXX").string();
    path_ = mkdtemp(tmpl.data()) ? tmpl : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline ActorRef Actor(std::string code, std::string text, std::string name = "") {
  ActorRef a;
  a.country = code.substr(0, 3);
  a.sector = code.size() > 3 ? code.substr(3) : "";
  a.code = std::move(code);
  a.text = std::move(text);
  a.name = std::move(name);
  return a;
}

// A document whose text is `sentences` joined by spaces; the returned record has the sentence
// spans filled in and no events yet.
inline DocumentRecord Doc(std::string id, std::string date, std::vector<std::string> sentences) {
  DocumentRecord r;
  r.doc.id = id;
  r.doc.origin = id + ".txt";
  if (!date.empty()) r.doc.date = PartialDate::Parse(date);
  r.date_source = date.empty() ? "none" : "metadata";
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i) r.doc.text += ' ';
    uint32_t begin = static_cast<uint32_t>(r.doc.text.size());
    r.doc.text += sentences[i];
    r.sentences.push_back({static_cast<int>(i), begin, static_cast<uint32_t>(r.doc.text.size())});
  }
  return r;
}

// Adds an event stated by the words `verb` of sentence `index` of `r`.
inline Event& AddEvent(DocumentRecord& r, int index, const std::string& verb, ActorRef source,
                       ActorRef target, std::string cameo, std::string plover, double goldstein,
                       std::string quad) {
  Event e;
  e.doc = r.doc.id;
  e.doc_date = r.doc.date ? r.doc.date->ToString() : "";
  e.doc_date_source = r.date_source;
  e.sentence = index;
  const SentenceSpan& s = r.sentences.at(static_cast<size_t>(index));
  e.text = r.doc.text.substr(s.begin, s.end - s.begin);
  size_t at = e.text.find(verb);
  e.span_begin = s.begin + static_cast<uint32_t>(at == std::string::npos ? 0 : at);
  e.span_end = e.span_begin + static_cast<uint32_t>(verb.size());
  auto place = [&](ActorRef& a) {
    size_t p = r.doc.text.find(a.text, s.begin);
    a.begin = static_cast<uint32_t>(p == std::string::npos ? s.begin : p);
    a.end = a.begin + static_cast<uint32_t>(a.text.size());
  };
  place(source);
  place(target);
  e.source = std::move(source);
  e.target = std::move(target);
  e.cameo = std::move(cameo);
  e.plover = std::move(plover);
  e.goldstein = goldstein;
  e.quad = std::move(quad);
  e.date_source = "document";
  e.rule = "verbs.txt:1 " + verb;
  r.events.push_back(std::move(e));
  return r.events.back();
}

// A small corpus: AZE-IRN events in 2021, 2024 and 2025 (one reported by two outlets), an
// ARM-AZE negated event, and a sentence without events.
inline std::vector<DocumentRecord> SampleCorpus() {
  DocumentRecord a = Doc("a", "2021-10-04",
                         {"Iran's foreign minister Hossein Amir-Abdollahian accused Baku of "
                          "hosting foreign forces.",
                          "Azerbaijan rejected the claims."});
  AddEvent(a, 0, "accused",
           Actor("IRNGOV", "Iran's foreign minister Hossein Amir-Abdollahian",
                 "Hossein Amir-Abdollahian"),
           Actor("AZEGOV", "Baku"), "112", "ACCUSE", -2.0, "verbal_conflict");
  AddEvent(a, 1, "rejected", Actor("AZEGOV", "Azerbaijan"), Actor("IRNGOV", "the claims"), "125",
           "REJECT", -5.0, "verbal_conflict");

  DocumentRecord b =
      Doc("b", "2024-03-12", {"The presidents met in Tehran to sign a consular access agreement."});
  AddEvent(b, 0, "met", Actor("AZEGOV", "The presidents"), Actor("IRNGOV", "The presidents"), "043",
           "CONSULT", 2.8, "verbal_coop")
      .location = Location{"Tehran", "IRN", 35.69, 51.39};
  b.doc.url = "https://example.org/b";

  DocumentRecord c = Doc("c", "2025-01-20",
                         {"Azerbaijan returned five Iranian nationals to Iran.",
                          "Armenia and Azerbaijan did not sign the treaty."});
  AddEvent(c, 0, "returned", Actor("AZEGOV", "Azerbaijan"),
           Actor("IRNCVL", "five Iranian nationals"), "0861", "AID", 7.0, "material_coop");
  AddEvent(c, 1, "sign", Actor("ARMGOV", "Armenia"), Actor("AZEGOV", "Azerbaijan"), "057", "AGREE",
           8.0, "verbal_coop")
      .negated = true;
  DocumentRecord d = Doc("d", "2025-01-21", {"Baku returned Iranian nationals on Monday."});
  d.doc.source = "Other Outlet";
  AddEvent(d, 0, "returned", Actor("AZEGOV", "Baku"), Actor("IRNCVL", "Iranian nationals"), "0861",
           "AID", 7.0, "material_coop");
  return {a, b, c, d};
}

}  // namespace dragoman::testing

#endif  // DRAGOMAN_STORE_TEST_CORPUS_H_
