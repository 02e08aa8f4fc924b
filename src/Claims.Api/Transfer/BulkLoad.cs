namespace Claims.Api.Transfer;

/// <summary>
/// Restore mode, as pg_restore loads a table: when an import brings at least <see cref="ImportOptions.BulkThreshold"/>
/// rows to a table, and more than the table holds, that table's indexes, its keys and the foreign keys from and to it
/// are dropped before the merge and put back after it. Building an index over all the rows at once costs a fraction of
/// maintaining it row by row, and re-adding a key or a foreign key checks every row in one pass instead of one lookup
/// per row; a table the import more than doubles is rebuilt in less time than its new rows would take to index one by
/// one. The definitions are read from the catalog and restored as they were; being DDL inside the import's transaction,
/// they are rolled back with it. The import has already checked what the keys will check (repeated ids, missing
/// references), and it matches and merges set-based, with or without the indexes.
/// <para>
/// Dropping takes ACCESS EXCLUSIVE locks, on the table and on the tables its foreign keys link it to, until the import
/// ends: readers of those wait too, where an import otherwise holds off only writers.
/// </para>
/// </summary>
sealed class BulkLoad(IReadOnlyList<string> tables, IReadOnlyList<string> restore)
{
    /// <summary>The tables in restore mode, in the import's lock order.</summary>
    public IReadOnlyList<string> Tables => tables;

    // Foreign keys go first and come back last, once the keys they reference are there again; a key takes its index
    // with it. A foreign key between two tables in restore mode is listed for both, and dropped once.
    const string DefinitionsSql = """
        SELECT 1 AS dropped, 3 AS restored, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
        FROM pg_constraint c
        WHERE c.contype = 'f' AND @Table::regclass IN (c.conrelid, c.confrelid)
        UNION ALL
        SELECT 2, 1, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
        FROM pg_constraint c
        WHERE c.contype IN ('p', 'u', 'x') AND c.conrelid = @Table::regclass
        UNION ALL
        SELECT 3, 2, format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        WHERE i.indrelid = @Table::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
        """;

    /// <summary>
    /// Puts the tables that qualify into restore mode, in the order given (the order the import locks them in): those to
    /// which the import brings at least <paramref name="threshold"/> rows, and more than they hold (counted no further).
    /// </summary>
    public static async Task<BulkLoad> BeginAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IEnumerable<(string Table, long Rows)> candidates, long threshold, CancellationToken ct)
    {
        var tables = new List<string>();
        var definitions = new List<(int Dropped, int Restored, string Drop, string Restore)>();
        foreach (var (table, rows) in candidates)
        {
            if (rows < threshold || await conn.ExecuteScalarAsync<long>(new CommandDefinition(
                    $"SELECT count(*) FROM (SELECT FROM {table} LIMIT @Rows) held", new { Rows = rows }, tx, cancellationToken: ct)) >= rows)
                continue;
            tables.Add(table);
            definitions.AddRange(await conn.QueryAsync<(int, int, string, string)>(new CommandDefinition(
                DefinitionsSql, new { Table = table }, tx, cancellationToken: ct)));
        }
        var distinct = definitions.DistinctBy(d => d.Drop).ToList();
        if (distinct.Count > 0)
            await conn.ExecuteAsync(new CommandDefinition(string.Join(";\n", distinct.OrderBy(d => d.Dropped).Select(d => d.Drop)),
                transaction: tx, commandTimeout: 0, cancellationToken: ct));
        return new BulkLoad(tables, distinct.OrderBy(d => d.Restored).Select(d => d.Restore).ToList());
    }

    /// <summary>Adds the keys, builds the indexes and adds the foreign keys again, which PostgreSQL checks against the merged rows.</summary>
    public Task RestoreAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct) => restore.Count == 0
        ? Task.CompletedTask
        : conn.ExecuteAsync(new CommandDefinition(string.Join(";\n", restore), transaction: tx, commandTimeout: 0, cancellationToken: ct));
}
