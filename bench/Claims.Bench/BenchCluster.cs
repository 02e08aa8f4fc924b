using System.Reflection;
using System.Text.RegularExpressions;
using Claims.Api.Infrastructure.Database;
using Claims.Bench.Generation;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Claims.Bench;

/// <summary>
/// The bench's own PostgreSQL cluster in bench/.data/postgres, apart from the API's. A command reuses a running one and
/// stops, on dispose, only a server it started itself.
/// </summary>
static class BenchCluster
{
    static readonly ILoggerFactory Loggers = LoggerFactory.Create(logging => logging
        .AddSimpleConsole(o => o.SingleLine = true)
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)); // stdout carries only results

    public static string DataDirectory => Path.Combine(BenchDirectory, ".data", "postgres");

    /// <summary>The bench/ folder of the repository this bench was built from.</summary>
    public static string BenchDirectory => typeof(BenchCluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BenchDirectory").Value!;

    public static Task<EmbeddedPostgres> StartAsync() =>
        EmbeddedPostgres.StartAsync(DataDirectory, binDirectory: null, Loggers.CreateLogger("Claims.Bench.Postgres"));

    /// <summary>The database for a size: the one named by --database, else claims_&lt;quotes&gt;.</summary>
    public static string DatabaseName(Options options) =>
        options.String("database") ?? $"claims_{options.Int("quotes", KnowledgeBaseSize.FullQuotes)}";

    public static async Task RecreateDatabaseAsync(EmbeddedPostgres server, string database)
    {
        if (!Regex.IsMatch(database, "^[a-z_][a-z0-9_]*$"))
            throw new OptionsException($"--database must be a plain lower-case name, not '{database}'.");
        await using var admin = new NpgsqlConnection(server.ConnectionString("postgres"));
        await admin.OpenAsync();
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        await admin.ExecuteAsync($"CREATE DATABASE {database}");
    }
}
