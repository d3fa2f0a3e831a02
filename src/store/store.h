// The corpus store: documents, sentences, actors and coded events in one SQLite file.
//
// Schema (doc/store.md describes every table and column): `documents` (one row per article,
// unique by id, with its text and content hash), `sentences` (+ the FTS5 index `sentence_fts`),
// `events` (one row per event MENTION: one coded event from one sentence), `event_groups` (one
// row per real-world event: mentions of the same dyad and PLOVER type, dated within a day of each
// other, at the same place where both name one, share a group; like GDELT's events vs mentions),
// and `actor_mentions` (who was seen in which role, when). The schema version lives in
// PRAGMA user_version; the file is marked as dragoman's with PRAGMA application_id.
//
// Durability: WAL journal, one transaction per PutBatch(). A process killed at any moment leaves
// every committed batch intact and nothing of the batch in flight.
//
// Idempotence: a document is identified by its id (Document::id) and, when it has one, its URL;
// its content hash covers the text and the document date. Putting a document whose content hash
// is already stored changes nothing; putting a known id/URL with new content replaces the old
// sentences, events and actor mentions within the same transaction.
//
// Thread-safety: a Store is used by one thread. Several processes may open the same file: readers
// never block, writers queue (busy timeout) one transaction at a time.
#ifndef DRAGOMAN_STORE_STORE_H_
#define DRAGOMAN_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "events/event.h"
#include "input/document.h"
#include "store/sqlite.h"

namespace dragoman {

// The schema version this build writes and reads. Files with a higher user_version are refused.
// Version 2 differs from 1 only in who fills the full-text index: the store, once per batch
// (version 1 had a trigger per sentence row, four times slower). Version 3 adds the tables of
// `dragoman watch` (watch_files: how far each watched file is stored) and of alert rules
// (alerts: every firing, once). A version 1 or 2 file is upgraded when it is opened for writing
// and read as it is otherwise (it then has no watch_files or alerts table). Version 4 marks each
// event's first mention (events.head) and the mentions whose actors differ from it (events.odd),
// with the index events_heads over the heads: the queries on a dyad read the heads instead of
// every mention. A file of version 1 to 3 is upgraded when opened for writing; read as it is,
// its queries take the general path. Version 5 drops two indexes of actor_mentions that no query
// used (actor_mentions_event, actor_mentions_code); a version 4 file is read as it is and upgraded
// when opened for writing.
inline constexpr int kStoreSchemaVersion = 6;
// PRAGMA application_id of a dragoman database ("DRAG").
inline constexpr int32_t kStoreApplicationId = 0x44524147;

// A sentence's byte span in its document's text.
struct SentenceSpan {
  int index = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// One coded document, as ingest hands it to the store.
struct DocumentRecord {
  Document doc;
  // DateSourceName(doc.date_source) ("metadata", "dateline", ...), filled by the caller so that
  // the store does not depend on the input stage's code.
  std::string date_source;
  // Every sentence of the document (for full-text search). When empty, the sentences that carry
  // events are stored (from Event::text/span), so search still finds every coded sentence.
  std::vector<SentenceSpan> sentences;
  std::vector<Event> events;
  // Store::ContentHash(doc) when the caller has computed it already; "" to let the store do it.
  std::string hash;
  // Store it even when this content is stored already (`ingest --recode`: the events of a new
  // coder or new dictionaries): every stored document with this content hash, id or URL is
  // replaced, in the same transaction.
  bool recode = false;
};

// The sentences a store keeps for `rec`, by index: rec.sentences when given, else the sentences
// that carry events, their spans found from Event::text near Event::span ({0, 0} when not found).
// Shared by the SQLite and PostgreSQL stores.
std::map<int, SentenceSpan> SentencesToStore(const DocumentRecord& rec);

enum class PutOutcome {
  kAdded,      // a new document
  kReplaced,   // an id/URL already stored with other content: old rows replaced
  kUnchanged,  // this exact content is already stored: nothing written
};

struct StoreStats {
  int64_t documents = 0, sentences = 0, mentions = 0, events = 0, actor_mentions = 0;
};

class Store {
 public:
  enum class OpenMode {
    kCreate,    // create the file and schema when missing (ingest)
    kExisting,  // Store error when the file does not exist
    // Queries: the file is only read, never written (no schema change, no WAL checkpoint), so a
    // query works on read-only media (sql::Db::Mode::kReadOnly) and never competes with an
    // ingest for the write lock. PutBatch() on such a store fails.
    kReadOnly,
  };
  // Opens (and if needed creates) the database at `path`. Store error when the file is not a
  // dragoman database, or was written by a newer schema version (the file is left untouched).
  static Result<std::unique_ptr<Store>> Open(const std::string& path, OpenMode mode);

  // The content hash of a document: SHA-256 of its text and date (hex).
  static std::string ContentHash(const Document& doc);

  // True when a document with exactly this content is stored (ingest then skips coding it).
  Result<bool> HasContent(const std::string& hash);

  // Stores the batch in ONE transaction: either every record is written or none is.
  // Returns one outcome per record, in order. Records later in the batch see earlier ones.
  // `in_transaction` (may be empty) runs inside the same transaction after the records, so that
  // what it writes (e.g. how far `dragoman watch` has read a file) commits with them or not at
  // all; its error rolls the whole batch back. An empty batch with a hook is a transaction of
  // the hook alone.
  Result<std::vector<PutOutcome>> PutBatch(
      const std::vector<DocumentRecord>& batch,
      const std::function<Status(sql::Db&)>& in_transaction = {});

  // Whether the file has the tables of schema version 3 (watch_files, alerts). A store opened
  // read-only on an older file has not; a writable one always has (it was upgraded).
  Result<bool> HasV3Tables();

  Result<StoreStats> Stats();

  sql::Db& db() { return *db_; }
  const std::string& path() const { return db_->path(); }

 private:
  explicit Store(std::unique_ptr<sql::Db> db) : db_(std::move(db)) {}
  Status Init();
  Status InitReadOnly();
  struct Markers {
    int64_t version = 0, application_id = 0, objects = 0;
  };
  Result<Markers> ReadMarkers();
  // `complete`: also refuse a file with tables but no version (only meaningful when the markers
  // were read under the write lock, see Init()).
  Status CheckMarkers(const Markers& m, bool complete);
  Result<PutOutcome> Put(const DocumentRecord& rec);
  Status DeleteDocument(int64_t doc_row);
  Status InsertEvent(int64_t doc_row, const DocumentRecord& rec, const Event& e,
                     int64_t sentence_row);
  // The group a mention joins; `*created` tells whether it was made for this mention (which is
  // then its head, with no need to look for one).
  Result<int64_t> FindOrCreateGroup(const Event& e, const std::string& date, int64_t day,
                                    bool* created);
  // Brings a version 1 to 5 file to kStoreSchemaVersion (version 2: the full-text index is
  // filled by the store, not by a trigger; version 3: the watch and alert tables; version 4: the
  // heads; version 5: two unused indexes dropped; version 6: events_source).
  Status Upgrade();
  // Indexes, in sentence_fts, the sentences added since the last call (one INSERT ... SELECT for
  // a whole batch: four times cheaper than a trigger per row).
  Status IndexNewSentences();
  Result<int64_t> MaxSentenceId();

  // Prepares `sql` once per Store and returns it reset (ingest runs the same few statements for
  // every document).
  Result<sql::Stmt*> Prepared(const std::string& sql);

  std::unique_ptr<sql::Db> db_;
  std::map<std::string, sql::Stmt> cache_;  // destroyed before db_
  bool read_only_ = false;
  int64_t fts_indexed_upto_ = 0;  // during PutBatch: sentences with a higher id are not indexed
};

// The database a command uses: `flag` when non-empty, else $DRAGOMAN_DB, else "dragoman.db" in
// the working directory.
std::string ResolveDbPath(const std::string& flag);
inline constexpr const char* kDbFlagDefault = "$DRAGOMAN_DB, else dragoman.db";

// Where the outlet of a document comes from (NumSources): its source name, else its URL's host,
// else "doc:ID".
std::string OutletOf(const Document& d);

// Days since 1970-01-01 of a YYYY, YYYY-MM or YYYY-MM-DD date (its first day); nullopt when
// malformed.
std::optional<int64_t> DayOf(const std::string& date);

// The date an event is filed under: its own date, else its document's ("" when neither).
std::string EffectiveDate(const Event& e);

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_STORE_H_
