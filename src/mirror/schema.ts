// The mirror's tables, one migration per schema version. `PRAGMA user_version` holds the version a
// file is at; opening runs the migrations it lacks, each in its own transaction. Append, never edit:
// a file written by an older server must keep upgrading the same way.
//
// Threads and messages are stored twice over: the columns a query filters or sorts on, and the
// record as the API's schemas parsed and cleaned it (`record`, JSON), so that what the mirror hands
// back is the same Conversation or Message a live call would have given, field for field.
export const MIGRATIONS: readonly string[] = [
  // 1: threads, messages, sync state, the sync lease.
  `
  CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    booking_id TEXT,
    channel TEXT,
    status TEXT,
    guest_name TEXT,
    subject TEXT,
    unread_count INTEGER,
    created_at TEXT,
    -- The newest message as the list reports it; the thread's last activity, for ordering.
    last_message_at TEXT,
    last_direction TEXT,
    -- The list row's Conversation, as parsed (JSON).
    record TEXT NOT NULL,
    -- What the list says about the thread (newest message, unread count, status); a thread whose
    -- fingerprint has not changed since its messages were read costs no message request.
    fingerprint TEXT NOT NULL,
    -- The fingerprint the stored messages belong to; NULL until the messages have been read.
    messages_fingerprint TEXT,
    -- When the thread was last seen in a list read (ms since the epoch): a full list read that
    -- does not see it means it has gone from the API.
    seen_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX threads_by_activity ON threads (last_message_at DESC, id);
  CREATE INDEX threads_by_status ON threads (status, last_message_at DESC);
  CREATE INDEX threads_by_booking ON threads (booking_id);
  CREATE TABLE messages (
    thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    -- Position in the thread, oldest first, as the messages endpoint orders them.
    seq INTEGER NOT NULL,
    id TEXT,
    direction TEXT,
    created_at TEXT,
    content TEXT,
    -- The Message, as parsed (JSON).
    record TEXT NOT NULL,
    PRIMARY KEY (thread_id, seq)
  ) STRICT, WITHOUT ROWID;
  -- Sync progress and facts learnt about the API, as key → JSON value (first_sync_done,
  -- last_check_at, list_order, resume cursor …). Never the API key.
  CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  -- At most one row: the process allowed to sync now, until expires_at (ms since the epoch).
  CREATE TABLE sync_lease (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    holder TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;
  `,
  // 2: the search index (src/mirror/search-index.ts), one row per thread. Its columns hold analysed
  // text (folded, stemmed words joined by spaces, src/text/analyse.ts), so the tokeniser only splits
  // on spaces; `words` keeps every folded word in order, stop-words too, for whole phrases. Rows are
  // written by the store in the transactions that write threads and messages, and removed with their
  // thread by the trigger below, whichever connection deletes it.
  `
  CREATE TABLE search_docs (
    doc INTEGER PRIMARY KEY,
    thread_id TEXT NOT NULL UNIQUE,
    -- Guest name, booking id and subject as indexed: a list row that repeats them costs no rewrite.
    head TEXT NOT NULL
  ) STRICT;
  CREATE VIRTUAL TABLE search_index USING fts5(
    name, booking, subject, text, words,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
  );
  CREATE TRIGGER search_docs_gone AFTER DELETE ON threads BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_docs WHERE thread_id = old.id);
    DELETE FROM search_docs WHERE thread_id = old.id;
  END;
  `,
];

/** The version a file is at once every migration has run. */
export const SCHEMA_VERSION = MIGRATIONS.length;
