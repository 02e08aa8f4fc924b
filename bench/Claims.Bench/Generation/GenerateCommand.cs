using Claims.Api.Infrastructure.Database;
using Npgsql;

namespace Claims.Bench.Generation;

/// <summary><c>generate</c>: a fresh, migrated database on the bench cluster, loaded with a synthetic knowledge base.</summary>
static class GenerateCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var size = new KnowledgeBaseSize(options.Int("quotes", KnowledgeBaseSize.FullQuotes));
        var database = BenchCluster.DatabaseName(options);
        var seed = options.Int("seed", 42);
        options.RejectUnknown();
        if (size.Quotes < 1000) throw new OptionsException("--quotes must be at least 1000, so every table gets rows.");

        Console.WriteLine($"Generating {database}: {size}");
        await using var server = await BenchCluster.StartAsync();
        var phases = new Phases();
        await BenchCluster.RecreateDatabaseAsync(server, database);
        // No command timeout: COPY, index builds and VACUUM run for minutes at full size.
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString(database)) { CommandTimeout = 0 };
        await using var db = NpgsqlDataSource.Create(connectionString.ConnectionString);
        await phases.TimeAsync("migrate", () => Migrator.MigrateAsync(db, Migration.Embedded));

        var counts = await new KnowledgeBaseLoader(db, size, new Random(seed), phases).LoadAsync();

        Console.WriteLine($"Loaded in {phases.Elapsed.TotalSeconds:F1} s (wall time, from an empty database to analysed tables).");
        foreach (var (table, rows) in counts) Console.WriteLine($"  {table,-26} {rows,14:N0}");
        return 0;
    }
}
