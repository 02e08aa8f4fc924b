-- What writing the quotes alone costs, whatever the importer: the stored quotes are copied aside, then inserted again
-- into an emptied quote table, four ways, each in a transaction that is rolled back. Run it on a database an import
-- has filled (bench/transfer.sh runs it on transfer_cli when TRANSFER_FLOOR=1); it needs a superuser, for the
-- runs without foreign-key checks. The import itself must keep the checks, so the first line is its floor.
\set columns 'id, speaker_id, source_id, kind, text, said_on, place, span_start, span_end, statement_id, statement_pinned, created_at, updated_at'
CREATE TEMP TABLE stored AS SELECT :columns FROM quote;
ANALYZE stored;

\echo '-- foreign keys checked, every index (what the import does)'
BEGIN;
ALTER TABLE quote DISABLE TRIGGER USER;
TRUNCATE quote CASCADE;
\timing on
INSERT INTO quote (:columns) SELECT * FROM stored;
\timing off
ROLLBACK;

SET session_replication_role = replica; -- no foreign-key checks
\echo '-- no foreign-key checks'
BEGIN;
TRUNCATE quote CASCADE;
\timing on
INSERT INTO quote (:columns) SELECT * FROM stored;
\timing off
ROLLBACK;

\echo '-- no foreign-key checks, no full-text index'
BEGIN;
TRUNCATE quote CASCADE;
DROP INDEX quote_search_idx;
\timing on
INSERT INTO quote (:columns) SELECT * FROM stored;
\timing off
ROLLBACK;

\echo '-- no foreign-key checks, no index but the two unique ones (the search column is still computed)'
BEGIN;
TRUNCATE quote CASCADE;
DROP INDEX quote_search_idx, quote_speaker_said_idx, quote_source_said_idx, quote_said_idx, quote_statement_idx;
\timing on
INSERT INTO quote (:columns) SELECT * FROM stored;
\timing off
ROLLBACK;
