using Claims.Api.Infrastructure.Database;
using Claims.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Claims.Api.Tests;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task ThePoolLeavesTheServerConnectionsBesideIt()
    {
        // The run's own private cluster, already running: starting it again only attaches to it.
        if (await TestPostgres.PrivateClusterDirectoryAsync() is not { } directory) return;
        await using var server = await EmbeddedPostgres.StartAsync(directory, null, NullLogger.Instance);
        var connectionString = server.ConnectionString("postgres");

        await using var conn = new NpgsqlConnection(connectionString);
        var maxConnections = int.Parse(await conn.ExecuteScalarAsync<string>("SHOW max_connections") ?? "");

        Assert.True(new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize < maxConnections);
    }
}
