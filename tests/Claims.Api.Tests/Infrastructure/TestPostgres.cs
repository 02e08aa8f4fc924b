using Claims.Api.Infrastructure.Database;
using Claims.Api.Seeding;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of this test run: the one named by CLAIMS_TEST_POSTGRES (an admin connection string), or else a
/// throwaway private cluster started from the machine's binaries and removed when the run ends. It holds a template
/// database, migrated and seeded once, that each test class clones.
/// </summary>
public static class TestPostgres
{
    static readonly Lazy<Task<Server>> Instance = new(StartAsync);
    static readonly SemaphoreSlim CloneLock = new(1, 1);

    sealed record Server(string AdminConnectionString, string Template, EmbeddedPostgres? Embedded);

    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Instance.Value;
        var name = $"claims_test_{Guid.NewGuid():N}";
        // Cloning needs the template free of other sessions; clones are serialised so they never see each other.
        await CloneLock.WaitAsync();
        try
        {
            await using var admin = new NpgsqlConnection(server.AdminConnectionString);
            await admin.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{server.Template}\"");
        }
        finally
        {
            CloneLock.Release();
        }
        return ConnectionStringFor(server, name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await Instance.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>A new database with nothing in it, not even the schema.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var server = await Instance.Value;
        var name = $"claims_empty_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(server, name);
    }

    /// <summary>The data directory of the run's private cluster, already running; null when CLAIMS_TEST_POSTGRES names the server.</summary>
    public static async Task<string?> PrivateClusterDirectoryAsync() => (await Instance.Value).Embedded?.DataDirectory;

    const string ClusterPrefix = "claims-tests-";

    // A run's own cleanup at exit can be cut short by the test host, so each run also sweeps what ended runs left.
    static void RemoveClustersOfEndedRuns()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), $"{ClusterPrefix}*"))
        {
            if (!int.TryParse(Path.GetFileName(directory)[ClusterPrefix.Length..], out var pid) || IsRunning(pid)) continue;
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { }
        }
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static string ConnectionStringFor(Server server, string database) =>
        new NpgsqlConnectionStringBuilder(server.AdminConnectionString)
        {
            Database = database,
            MaxAutoPrepare = EmbeddedPostgres.AutoPrepared, // as the API's own, with CLAIMS_TEST_POSTGRES too
        }.ConnectionString;

    static async Task<Server> StartAsync()
    {
        EmbeddedPostgres? embedded = null;
        var admin = Environment.GetEnvironmentVariable("CLAIMS_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            RemoveClustersOfEndedRuns();
            var directory = Path.Combine(Path.GetTempPath(), $"{ClusterPrefix}{Environment.ProcessId}");
            embedded = await EmbeddedPostgres.StartAsync(directory, null, NullLogger.Instance);
            admin = embedded.ConnectionString("postgres");
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                embedded.DisposeAsync().AsTask().GetAwaiter().GetResult();
                Directory.Delete(directory, recursive: true);
            };
        }

        var template = $"claims_template_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(admin))
            await conn.ExecuteAsync($"CREATE DATABASE \"{template}\"");

        var templateConnection = new NpgsqlConnectionStringBuilder(admin) { Database = template }.ConnectionString;
        await using (var db = NpgsqlDataSource.Create(templateConnection))
        {
            await Migrator.MigrateAsync(db, Migration.Embedded);
            await SeedLoader.SeedAsync(db);
        }
        NpgsqlConnection.ClearAllPools();
        return new Server(admin, template, embedded);
    }
}
