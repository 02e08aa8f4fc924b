using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Claims.Api.Infrastructure.Database;

public sealed record Migration(string Name, string Sql)
{
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>The files of db/migrations, embedded in the assembly, in name order.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    static Migration[] LoadEmbedded()
    {
        var assembly = typeof(Migration).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("migrations/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new Migration(name["migrations/".Length..], ReadResource(assembly, name)))
            .ToArray();
    }

    internal static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>Applies each migration once, in order, recording its checksum; refuses a changed, applied one.</summary>
public static class Migrator
{
    // Any constant shared by every instance: the lock serialises concurrent start-ups.
    const long AdvisoryLockKey = 0x436C61696D73; // "Claims"

    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource db, IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            SELECT pg_advisory_xact_lock(@AdvisoryLockKey);
            CREATE TABLE IF NOT EXISTS schema_migration (
                name        text PRIMARY KEY,
                checksum    text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            );
            """, new { AdvisoryLockKey }, tx, cancellationToken: ct));

        var applied = (await conn.QueryAsync<(string Name, string Checksum)>(new CommandDefinition(
            "SELECT name, checksum FROM schema_migration", transaction: tx, cancellationToken: ct)))
            .ToDictionary(m => m.Name, m => m.Checksum);

        var newlyApplied = new List<string>();
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Name, out var checksum))
            {
                if (checksum != migration.Checksum)
                    throw new MigrationChecksumException(migration.Name, checksum, migration.Checksum);
                continue;
            }
            await conn.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migration (name, checksum) VALUES (@Name, @Checksum)",
                new { migration.Name, migration.Checksum }, tx, cancellationToken: ct));
            newlyApplied.Add(migration.Name);
        }
        await tx.CommitAsync(ct);
        // New types and tables must be visible to connections opened before the migration.
        if (newlyApplied.Count > 0) await conn.ReloadTypesAsync(ct);
        return newlyApplied;
    }
}

public sealed class MigrationChecksumException(string name, string recorded, string current) : Exception(
    $"Migration {name} was already applied with checksum {recorded}, but the file now has checksum {current}. " +
    "Applied migrations must not change: revert the edit and put the change in a new migration file.")
{
    public string MigrationName { get; } = name;
}
