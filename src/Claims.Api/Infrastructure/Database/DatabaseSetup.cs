
namespace Claims.Api.Infrastructure.Database;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers the one <see cref="NpgsqlDataSource"/>: on ConnectionStrings:Claims when configured,
    /// otherwise on a private PostgreSQL started from the machine's binaries and stopped with the host. Its log lines go
    /// to standard error with <paramref name="logToStandardError"/>, for a command whose standard output is its result.
    /// </summary>
    public static async Task AddClaimsDatabaseAsync(this WebApplicationBuilder builder, bool logToStandardError = false)
    {
        var connectionString = builder.Configuration.GetConnectionString("Claims");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).AddConsole(o =>
            {
                if (logToStandardError) o.LogToStandardErrorThreshold = LogLevel.Trace;
            }));
            var dataDirectory = builder.Configuration["EmbeddedPostgres:DataDirectory"]
                ?? Path.Combine(builder.Environment.ContentRootPath, ".data", "postgres");
            var server = await EmbeddedPostgres.StartAsync(dataDirectory, builder.Configuration["EmbeddedPostgres:BinDirectory"],
                loggers.CreateLogger<EmbeddedPostgres>());
            await EnsureDatabaseAsync(server, "claims");
            connectionString = server.ConnectionString("claims");
            builder.Services.AddSingleton(server);
            builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        }

        var dataSource = new NpgsqlDataSourceBuilder(connectionString);
        // JIT compilation costs more than these short queries take (measured in bench/README.md), so it is off.
        dataSource.ConnectionStringBuilder.Options = $"{dataSource.ConnectionStringBuilder.Options} -c jit=off".Trim();
        builder.Services.AddSingleton(_ => dataSource.Build());
    }

    static async Task EnsureDatabaseAsync(EmbeddedPostgres server, string database)
    {
        await using var admin = new NpgsqlConnection(server.ConnectionString("postgres"));
        await admin.OpenAsync();
        var exists = await admin.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @database)", new { database });
        if (!exists) await admin.ExecuteAsync($"CREATE DATABASE \"{database}\"");
    }

    sealed class EmbeddedPostgresLifetime(EmbeddedPostgres server) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
        public async Task StopAsync(CancellationToken ct) => await server.DisposeAsync();
    }
}
