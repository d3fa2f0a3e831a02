// The store's write path: PutBatch() and the document, sentence, event, group and actor-mention
// rows it writes; the full-text index it keeps up to date. Opening and the schema are in
// store.cc.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "events/unresolved.h"
#include "output/event_json.h"
#include "store/sha256.h"
#include "store/store.h"

namespace dragoman {

namespace {

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

}  // namespace

Result<int64_t> Store::MaxSentenceId() {
  DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * q, Prepared("SELECT coalesce(max(id), 0) FROM sentences"));
  DRAGOMAN_ASSIGN_OR_RETURN(bool row, q->Step());
  int64_t id = row ? q->Int(0) : 0;
  q->Reset();
  return id;
}

Status Store::IndexNewSentences() {
  DRAGOMAN_ASSIGN_OR_RETURN(int64_t top, MaxSentenceId());
  if (top <= fts_indexed_upto_) return Status::Ok();
  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * ins,
      Prepared("INSERT INTO sentence_fts(rowid, text) SELECT id, text FROM sentences "
               "WHERE id > ?1 ORDER BY id"));
  ins->Bind(1, fts_indexed_upto_);
  DRAGOMAN_RETURN_IF_ERROR(ins->Run());
  fts_indexed_upto_ = top;
  return Status::Ok();
}

std::string Store::ContentHash(const Document& doc) {
  std::string material = doc.text;
  material.push_back('\0');
  if (doc.date) material += doc.date->ToString();
  return Sha256Hex(material);
}

Result<bool> Store::HasContent(const std::string& hash) {
  DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * q_p, Prepared("SELECT 1 FROM documents WHERE hash = ?1"));
  sql::Stmt& q = *q_p;
  q.Bind(1, hash);
  auto row = q.Step();
  q.Reset();  // a stepped statement would hold a read snapshot open
  return row;
}

Result<std::vector<PutOutcome>> Store::PutBatch(
    const std::vector<DocumentRecord>& batch,
    const std::function<Status(sql::Db&)>& in_transaction) {
  std::vector<PutOutcome> out;
  out.reserve(batch.size());
  DRAGOMAN_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  // Every stored sentence is indexed (the invariant each committed batch keeps).
  DRAGOMAN_ASSIGN_OR_RETURN(fts_indexed_upto_, MaxSentenceId());
  for (const auto& rec : batch) {
    DRAGOMAN_ASSIGN_OR_RETURN(PutOutcome o, Put(rec));
    out.push_back(o);
  }
  DRAGOMAN_RETURN_IF_ERROR(IndexNewSentences());
  if (in_transaction) DRAGOMAN_RETURN_IF_ERROR(in_transaction(*db_));
  DRAGOMAN_RETURN_IF_ERROR(tx->Commit());
  return out;
}

Status Store::DeleteDocument(int64_t doc_row) {
  // Children first (the foreign keys have no cascades: every delete is explicit), then groups
  // left without any mention.
  static constexpr const char* kDeletes[] = {
      "DELETE FROM actor_mentions WHERE doc = ?1",
      "CREATE TEMP TABLE IF NOT EXISTS touched_groups(id INTEGER PRIMARY KEY)",
      "DELETE FROM temp.touched_groups",
      "INSERT OR IGNORE INTO temp.touched_groups SELECT grp FROM events WHERE doc = ?1",
      "DELETE FROM events WHERE doc = ?1",
      ("DELETE FROM event_groups WHERE id IN (SELECT id FROM temp.touched_groups) AND NOT EXISTS "
       "(SELECT 1 FROM events WHERE events.grp = event_groups.id)"),
      // Schema 4: an event that lost its head (first mention) gets the next one, and the odd
      // marks of its mentions are set again against it (store.cc, kV3ToV4).
      ("UPDATE events SET head = 1 WHERE head = 0 AND id IN (SELECT min(e.id) FROM events e "
       "WHERE e.grp IN (SELECT id FROM temp.touched_groups) GROUP BY e.grp)"),
      ("UPDATE events SET odd = 1 - odd WHERE grp IN (SELECT id FROM temp.touched_groups) AND "
       "odd IS NOT (head = 0 AND EXISTS (SELECT 1 FROM events h WHERE h.grp = events.grp AND "
       "h.head = 1 AND (h.source IS NOT events.source OR h.source_country IS NOT "
       "events.source_country OR h.target IS NOT events.target OR h.target_country IS NOT "
       "events.target_country)))"),
      "DELETE FROM sentences WHERE doc = ?1",
      "DELETE FROM documents WHERE id = ?1",
  };
  for (const char* s : kDeletes) {
    DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * st_p, Prepared(s));
    sql::Stmt& st = *st_p;
    if (std::string_view(s).find("?1") != std::string_view::npos) st.Bind(1, doc_row);
    DRAGOMAN_RETURN_IF_ERROR(st.Run());
  }
  return Status::Ok();
}

std::map<int, SentenceSpan> SentencesToStore(const DocumentRecord& rec) {
  std::map<int, SentenceSpan> sentences;
  for (const auto& s : rec.sentences) sentences[s.index] = s;
  if (!rec.sentences.empty()) return sentences;
  for (const auto& e : rec.events) {
    if (sentences.count(e.sentence)) continue;
    SentenceSpan s{e.sentence, 0, 0};
    size_t from = e.span_end >= e.text.size() ? e.span_end - e.text.size() : 0;
    size_t at = rec.doc.text.find(e.text, from);
    if (at != std::string::npos && at <= e.span_begin) {
      s.begin = static_cast<uint32_t>(at);
      s.end = static_cast<uint32_t>(at + e.text.size());
    }
    sentences[e.sentence] = s;
  }
  return sentences;
}

Result<PutOutcome> Store::Put(const DocumentRecord& rec) {
  const Document& doc = rec.doc;
  std::string hash = rec.hash.empty() ? ContentHash(doc) : rec.hash;
  if (!rec.recode) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool known, HasContent(hash));
    if (known) return PutOutcome::kUnchanged;
  }

  PutOutcome outcome = PutOutcome::kAdded;
  {
    DRAGOMAN_ASSIGN_OR_RETURN(
        sql::Stmt * q_p,
        // Two indexed lookups: written as one OR, the query scanned every document (an ingest
        // was quadratic in the corpus size). Re-coding replaces the stored copies of this
        // content as well (a third lookup, only then).
        Prepared(rec.recode ? "SELECT id FROM documents WHERE doc_key = ?1 UNION "
                              "SELECT id FROM documents WHERE url = ?2 AND url <> '' UNION "
                              "SELECT id FROM documents WHERE hash = ?3 ORDER BY id"
                            : "SELECT id FROM documents WHERE doc_key = ?1 UNION "
                              "SELECT id FROM documents WHERE url = ?2 AND url <> '' ORDER BY id"));
    sql::Stmt& q = *q_p;
    q.Bind(1, doc.id).Bind(2, doc.url);
    if (rec.recode) q.Bind(3, hash);
    std::vector<int64_t> old;
    while (true) {
      DRAGOMAN_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      old.push_back(q.Int(0));
    }
    if (!old.empty()) {
      // The delete trigger removes sentences from the index, so what this batch added must be
      // in it first; ids freed at the top are given out again, so re-read where indexing stands.
      DRAGOMAN_RETURN_IF_ERROR(IndexNewSentences());
      for (int64_t id : old) DRAGOMAN_RETURN_IF_ERROR(DeleteDocument(id));
      DRAGOMAN_ASSIGN_OR_RETURN(int64_t top, MaxSentenceId());
      fts_indexed_upto_ = std::min(fts_indexed_upto_, top);
      outcome = PutOutcome::kReplaced;
    }
  }

  // The sentences to store: as given, else those that carry events.
  const std::map<int, SentenceSpan> sentences = SentencesToStore(rec);
  int sentence_count = rec.sentences.empty() ? 0 : static_cast<int>(rec.sentences.size());

  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * ins_p,
      Prepared("INSERT INTO documents (doc_key, url, title, source, outlet, origin, "
               "date, date_source, hash, text, sentences, ingested) VALUES "
               "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
               "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
  sql::Stmt& ins = *ins_p;
  // Bound without copies (BindView): every string here outlives the Run() below.
  const std::string outlet = OutletOf(doc);
  const std::string date = doc.date ? doc.date->ToString() : std::string();
  ins.BindView(1, doc.id)
      .BindView(2, doc.url)
      .BindView(3, doc.title)
      .BindView(4, doc.source)
      .BindView(5, outlet)
      .BindView(6, doc.origin)
      .BindView(7, date)
      .BindView(8, rec.date_source.empty() ? std::string_view("none") : rec.date_source)
      .BindView(9, hash)
      .BindView(10, doc.text)
      .Bind(11, sentence_count);
  DRAGOMAN_RETURN_IF_ERROR(ins.Run());
  int64_t doc_row = db_->LastInsertRowid();

  std::map<int, int64_t> sentence_rows;
  {
    DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * st_p,
                              Prepared("INSERT INTO sentences (doc, idx, begin, end, text) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5)"));
    sql::Stmt& st = *st_p;
    for (const auto& [idx, s] : sentences) {
      if (s.end > doc.text.size() || s.begin > s.end) {
        return Status::Internal(doc.origin + ": sentence " + std::to_string(idx) +
                                " has a span outside the document");
      }
      std::string_view text = std::string_view(doc.text).substr(s.begin, s.end - s.begin);
      st.Bind(1, doc_row).Bind(2, idx).Bind(3, int64_t{s.begin}).Bind(4, int64_t{s.end});
      st.BindView(5, text);
      DRAGOMAN_RETURN_IF_ERROR(st.Run());
      sentence_rows[idx] = db_->LastInsertRowid();
    }
  }
  for (const auto& e : rec.events) {
    auto it = sentence_rows.find(e.sentence);
    // An unresolved mention (no code, doc/output.md) is stored as no actor.
    std::optional<Event> coded;
    if (HasUnresolvedActor(e)) coded = CodedActorsOnly(e);
    DRAGOMAN_RETURN_IF_ERROR(
        InsertEvent(doc_row, rec, coded ? *coded : e, it == sentence_rows.end() ? 0 : it->second));
  }
  return outcome;
}

Result<int64_t> Store::FindOrCreateGroup(const Event& e, const std::string& date, int64_t day,
                                         bool* created) {
  *created = false;
  std::string source = e.source ? e.source->code : "";
  std::string target = e.target ? e.target->code : "";
  std::string location = e.location ? e.location->name : "";
  std::string mood(MoodName(e.mood));
  bool day_precision = date.size() == 10;
  if (!date.empty()) {
    // Same dyad, type, polarity and mood; day-precise dates within one day of each other (other
    // precisions: the same date, hence the same day); the same place when both name one. Nearest
    // date wins. Every equality and the day range are columns of event_groups_key, in its order,
    // so this is one index search (a missing actor is NULL: `IS` matches it and uses the index).
    // The day-precise candidates (three days at most) are ordered here rather than by the
    // statement: an ORDER BY abs(day - ?7) built a temporary B-tree for every mention.
    static constexpr const char* kDayPrecise =
        "SELECT id, location, day FROM event_groups WHERE plover = ?1 AND source IS ?2 AND "
        "target IS ?3 AND day BETWEEN ?7 - 1 AND ?7 + 1 AND length(date) = 10 AND negated = ?4 "
        "AND mood = ?5 AND (location IS NULL OR ?9 = '' OR lower(location) = lower(?9))";
    static constexpr const char* kCoarse =
        "SELECT id, location FROM event_groups WHERE plover = ?1 AND source IS ?2 AND "
        "target IS ?3 AND day = ?7 AND date = ?8 AND negated = ?4 AND mood = ?5 AND "
        "(location IS NULL OR ?9 = '' OR lower(location) = lower(?9)) ORDER BY id LIMIT 1";
    DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * q_p, Prepared(day_precision ? kDayPrecise : kCoarse));
    sql::Stmt& q = *q_p;
    q.Bind(1, e.plover).BindOrNull(2, source).BindOrNull(3, target);
    q.Bind(4, e.negated ? 1 : 0).Bind(5, mood).Bind(7, day).Bind(9, location);
    if (!day_precision) q.Bind(8, date);
    // The nearest date wins, then the oldest group.
    bool found = false, no_location = false;
    int64_t id = 0, distance = 0;
    while (true) {
      DRAGOMAN_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      const int64_t d = day_precision ? std::abs(q.Int(2) - day) : 0;
      if (!found || d < distance || (d == distance && q.Int(0) < id)) {
        found = true;
        id = q.Int(0);
        distance = d;
        no_location = q.IsNull(1);
      }
      if (!day_precision) break;  // ORDER BY id LIMIT 1
    }
    q.Reset();
    if (found) {
      if (no_location && !location.empty()) {
        DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * u_p,
                                  Prepared("UPDATE event_groups SET location = ?2 WHERE id = ?1"));
        sql::Stmt& u = *u_p;
        u.Bind(1, id).Bind(2, location);
        DRAGOMAN_RETURN_IF_ERROR(u.Run());
      }
      return id;
    }
  }
  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * ins_p,
      Prepared("INSERT INTO event_groups (source, target, plover, negated, mood, "
               "date, day, location) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  sql::Stmt& ins = *ins_p;
  ins.BindOrNull(1, source).BindOrNull(2, target).Bind(3, e.plover).Bind(4, e.negated ? 1 : 0);
  ins.Bind(5, mood).Bind(6, date);
  if (date.empty()) {
    ins.BindNull(7);
  } else {
    ins.Bind(7, day);
  }
  ins.BindOrNull(8, location);
  DRAGOMAN_RETURN_IF_ERROR(ins.Run());
  *created = true;
  return db_->LastInsertRowid();
}

Status Store::InsertEvent(int64_t doc_row, const DocumentRecord& rec, const Event& e,
                          int64_t sentence_row) {
  std::string date = EffectiveDate(e);
  std::optional<int64_t> day = DayOf(date);
  if (!day) date.clear();
  bool new_group = false;
  DRAGOMAN_ASSIGN_OR_RETURN(int64_t grp, FindOrCreateGroup(e, date, day.value_or(0), &new_group));
  std::optional<std::string> source, source_country, target, target_country;
  if (e.source) {
    source = e.source->code;
    if (!e.source->country.empty()) source_country = Upper(e.source->country);
  }
  if (e.target) {
    target = e.target->code;
    if (!e.target->country.empty()) target_country = Upper(e.target->country);
  }
  // The event's head is its first mention; a later mention is odd when its actors differ from
  // the head's (schema 4, store.cc kV3ToV4). Ids only grow, so a new mention never displaces a
  // head. A group made for this mention has no head yet: no need to look.
  bool head = true, odd = false;
  if (!new_group) {
    DRAGOMAN_ASSIGN_OR_RETURN(
        sql::Stmt * h_p, Prepared("SELECT source, source_country, target, target_country FROM "
                                  "events WHERE grp = ?1 AND head = 1"));
    sql::Stmt& h = *h_p;
    h.Bind(1, grp);
    DRAGOMAN_ASSIGN_OR_RETURN(bool found, h.Step());
    if (found) {
      head = false;
      auto col = [&](int i) {
        return h.IsNull(i) ? std::nullopt : std::optional<std::string>(h.Text(i));
      };
      odd = col(0) != source || col(1) != source_country || col(2) != target ||
            col(3) != target_country;
    }
    h.Reset();
  }

  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * ins_p,
      Prepared("INSERT INTO events (doc, grp, sentence, sentence_id, span_begin, span_end, "
               "source, source_country, target, target_country, cameo, plover, goldstein, "
               "quad, date, day, negated, mood, location, location_country, rule, json, head, "
               "odd) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
               "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)"));
  sql::Stmt& ins = *ins_p;
  ins.Bind(1, doc_row).Bind(2, grp).Bind(3, e.sentence);
  if (sentence_row) {
    ins.Bind(4, sentence_row);
  } else {
    ins.BindNull(4);
  }
  ins.Bind(5, int64_t{e.span_begin}).Bind(6, int64_t{e.span_end});
  // Bound without copies (BindView): every string here outlives the Run() below.
  auto view = [&ins](int i, const std::optional<std::string>& v) {
    if (v) {
      ins.BindView(i, *v);
    } else {
      ins.BindNull(i);
    }
  };
  view(7, source);
  view(8, source_country);
  view(9, target);
  view(10, target_country);
  ins.BindView(11, e.cameo).BindView(12, e.plover).Bind(13, e.goldstein).BindView(14, e.quad);
  ins.BindView(15, date).Bind(16, day);
  ins.Bind(17, e.negated ? 1 : 0).BindView(18, MoodName(e.mood));
  const std::string location_country = e.location ? Upper(e.location->country) : std::string();
  if (e.location) {
    ins.BindViewOrNull(19, e.location->name).BindViewOrNull(20, location_country);
  } else {
    ins.BindNull(19).BindNull(20);
  }
  const std::string json = EventToJsonLine(e);
  ins.BindView(21, e.rule).BindView(22, json);
  ins.Bind(23, head ? 1 : 0).Bind(24, odd ? 1 : 0);
  DRAGOMAN_RETURN_IF_ERROR(ins.Run());
  int64_t event_row = db_->LastInsertRowid();

  // Roles are observed as of the document's date (a title in the text is true when written).
  std::string seen = rec.doc.date ? rec.doc.date->ToString() : date;
  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * am_p,
      Prepared("INSERT INTO actor_mentions (doc, event, role, code, country, sector, "
               "name, text, date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  sql::Stmt& am = *am_p;
  const std::pair<const char*, const std::optional<ActorRef>*> roles[] = {
      {"source", &e.source}, {"target", &e.target}, {"speaker", &e.speaker}};
  for (const auto& [role, ref] : roles) {
    if (!*ref || (*ref)->code.empty()) continue;
    const ActorRef& a = **ref;
    const std::string country = Upper(a.country);
    am.Bind(1, doc_row).Bind(2, event_row).BindView(3, role).BindView(4, a.code);
    am.BindView(5, country).BindView(6, a.sector).BindView(7, a.name).BindView(8, a.text);
    am.BindView(9, seen);
    DRAGOMAN_RETURN_IF_ERROR(am.Run());
  }
  return Status::Ok();
}

}  // namespace dragoman
