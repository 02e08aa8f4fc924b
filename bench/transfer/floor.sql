-- What writing the quotes costs PostgreSQL, whatever the importer: the stored quotes are copied aside, then inserted
-- again into an emptied quote table, each way in a transaction that is rolled back. Run it on a database an import has
-- filled (bench/transfer.sh runs it on transfer_cli when TRANSFER_FLOOR=1). The inserts run on one backend, as one
-- transaction's statements do, and are given the search vectors, as the import computes them ahead (ImportSearch.cs):
-- first measured alone, on one backend and then on parallel workers, which read a table of their own, not a temp one.
\set columns 'id, speaker_id, source_id, kind, text, said_on, place, span_start, span_end, statement_id, statement_pinned, created_at, updated_at, search'
CREATE TEMP TABLE stored AS SELECT :columns FROM quote;
ANALYZE stored;
CREATE UNLOGGED TABLE floor_texts AS SELECT text FROM stored;

\echo '-- the search vectors alone: to_tsvector of every text, on one backend'
SET max_parallel_workers_per_gather = 0;
\timing on
SELECT count(to_tsvector('english', text)) FROM floor_texts;
\timing off
RESET max_parallel_workers_per_gather;
\echo '-- the same on parallel workers, as the import computes them (the server allows a query two by default)'
\timing on
SELECT count(to_tsvector('english', text)) FROM floor_texts;
\timing off
DROP TABLE floor_texts;
SET max_parallel_workers_per_gather = 0;

\echo '-- keys, foreign keys and the five secondary indexes kept: an import into a table that has rows'
BEGIN;
ALTER TABLE quote DISABLE TRIGGER USER;
TRUNCATE quote CASCADE;
\timing on
INSERT INTO quote (:columns) SELECT * FROM stored;
\timing off
ROLLBACK;

\echo '-- restore mode, as the import does it for an empty table: the insert without keys, indexes or foreign keys, then each put back'
BEGIN;
ALTER TABLE quote DISABLE TRIGGER USER;
TRUNCATE quote CASCADE;
SET LOCAL maintenance_work_mem = '256MB';
-- The import's own catalog query (src/Claims.Api/Transfer/BulkLoad.cs), for the quote table alone.
CREATE TEMP TABLE definitions ON COMMIT DROP AS
SELECT 1 AS dropped, 3 AS restored, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS restore
FROM pg_constraint c WHERE c.contype = 'f' AND 'quote'::regclass IN (c.conrelid, c.confrelid)
UNION ALL
SELECT 2, 1, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
FROM pg_constraint c WHERE c.contype IN ('p', 'u', 'x') AND c.conrelid = 'quote'::regclass
UNION ALL
SELECT 3, 2, format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
FROM pg_index i WHERE i.indrelid = 'quote'::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'));
SELECT drop FROM definitions ORDER BY dropped \gexec
\set ECHO queries
\timing on
INSERT INTO quote (:columns) SELECT * FROM stored;
SELECT restore FROM definitions ORDER BY restored \gexec
\timing off
\set ECHO none
ROLLBACK;
