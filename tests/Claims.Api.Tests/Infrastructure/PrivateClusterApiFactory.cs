using System.Collections.Concurrent;
using Claims.Api.Infrastructure.Database;
using Claims.Api.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>
/// The API over a PostgreSQL cluster of its own, migrated and seeded, that a test may stop and start again without
/// disturbing the run's shared cluster and the test classes running beside it. What the API logs is kept.
/// </summary>
public sealed class PrivateClusterApiFactory : ApiFactory
{
    string directory = "";

    /// <summary>The cluster; null when the machine has no PostgreSQL binaries to start one.</summary>
    public EmbeddedPostgres? Cluster { get; private set; }

    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Logs { get; } = new();

    protected override async Task<string> CreateDatabaseAsync()
    {
        directory = Path.Combine(Path.GetTempPath(), $"claims-tests-{Environment.ProcessId}", $"private-{Guid.NewGuid():N}");
        try
        {
            Cluster = await EmbeddedPostgres.StartAsync(directory, null, NullLogger.Instance);
        }
        catch (EmbeddedPostgresException)
        {
            return await base.CreateDatabaseAsync();
        }
        await using (var admin = new NpgsqlConnection(Cluster.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand("CREATE DATABASE claims", admin).ExecuteNonQueryAsync();
        }
        await using (var db = NpgsqlDataSource.Create(Cluster.ConnectionString("claims")))
        {
            await Migrator.MigrateAsync(db, Migration.Embedded);
            await SeedLoader.SeedAsync(db);
        }
        return Cluster.ConnectionString("claims");
    }

    protected override async Task DropDatabaseAsync()
    {
        if (Cluster is null)
        {
            await base.DropDatabaseAsync();
            return;
        }
        await Cluster.DisposeAsync();
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingProvider(Logs)));
    }

    sealed class CapturingProvider(ConcurrentQueue<(string, LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string category) => new Capturing(category, logs);
        public void Dispose() { }
    }

    sealed class Capturing(string category, ConcurrentQueue<(string, LogLevel, string)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => level >= LogLevel.Information;

        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(level)) logs.Enqueue((category, level, formatter(state, exception) + (exception is null ? "" : $" [{exception.GetType().Name}]")));
        }
    }
}
