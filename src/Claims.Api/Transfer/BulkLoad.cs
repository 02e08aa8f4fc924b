namespace Claims.Api.Transfer;

/// <summary>
/// Restore mode, as pg_restore loads a table: when an import brings at least <see cref="ImportOptions.BulkThreshold"/>
/// rows to a table that is empty, that table's secondary indexes and foreign keys are dropped before the merge and put
/// back after it. Building an index over all the rows at once costs a fraction of maintaining it row by row, and
/// re-adding a foreign key checks every row in one join instead of one lookup per row. The definitions are read from
/// the catalog and restored as they were; being DDL inside the import's transaction, they are rolled back with it.
/// <para>
/// Dropping takes ACCESS EXCLUSIVE locks, on the table and on the tables its foreign keys reference, until the import
/// ends: readers of those wait too, where an import otherwise holds off only writers.
/// </para>
/// </summary>
sealed class BulkLoad(IReadOnlyList<string> tables, IReadOnlyList<string> restore)
{
    /// <summary>The tables in restore mode, in the import's lock order.</summary>
    public IReadOnlyList<string> Tables => tables;

    // Indexes that a constraint uses (a primary key, a unique constraint, another table's foreign key) stay: they
    // enforce keys during the merge, and dropping them would cascade. Indexes before foreign keys when restoring.
    const string DefinitionsSql = """
        SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS drop, pg_get_indexdef(i.indexrelid) AS restore
        FROM pg_index i
        WHERE i.indrelid = @Table::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        UNION ALL
        SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
        FROM pg_constraint c
        WHERE c.conrelid = @Table::regclass AND c.contype = 'f'
        """;

    /// <summary>
    /// Puts the tables that qualify into restore mode, in the order given (the order the import locks them in): those
    /// that are empty and to which the import brings at least <paramref name="threshold"/> rows.
    /// </summary>
    public static async Task<BulkLoad> BeginAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IEnumerable<(string Table, long Rows)> candidates, long threshold, CancellationToken ct)
    {
        var (tables, drop, restore) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var (table, rows) in candidates)
        {
            if (rows < threshold || await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
                    $"SELECT EXISTS (SELECT FROM {table})", transaction: tx, cancellationToken: ct)))
                continue;
            tables.Add(table);
            foreach (var (dropping, restoring) in await conn.QueryAsync<(string, string)>(new CommandDefinition(
                         DefinitionsSql, new { Table = table }, tx, cancellationToken: ct)))
            {
                drop.Add(dropping);
                restore.Add(restoring);
            }
        }
        if (drop.Count > 0)
            await conn.ExecuteAsync(new CommandDefinition(string.Join(";\n", drop), transaction: tx, commandTimeout: 0, cancellationToken: ct));
        return new BulkLoad(tables, restore);
    }

    /// <summary>Builds the indexes and adds the foreign keys again, which PostgreSQL validates against the merged rows.</summary>
    public Task RestoreAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct) => restore.Count == 0
        ? Task.CompletedTask
        : conn.ExecuteAsync(new CommandDefinition(string.Join(";\n", restore), transaction: tx, commandTimeout: 0, cancellationToken: ct));
}
