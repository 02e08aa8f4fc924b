using Claims.Api.Tests.Infrastructure;
using Dapper;
using Npgsql;

namespace Claims.Api.Tests;

/// <summary>
/// Why automatic preparation was once switched off, pinned against the Npgsql we ship. Npgsql prepares a statement on its
/// fifth run on a connection, sending Parse, Bind, Describe and Execute at once, and counts it prepared as soon as
/// ParseComplete arrives; its columns come only after Bind. When PostgreSQL refuses that Bind (a parameter value it will
/// not take, such as a NUL in text, or an error while planning with the values), the statement stays "prepared" with no
/// columns, and its next run on that connection reads a row it cannot place: the connection breaks and that request
/// fails. A batch is not needed, and once a statement is prepared the same error is harmless. The API therefore never
/// lets PostgreSQL refuse a parameter: every text it sends has been checked (see OddInputTests, which sends NULs and
/// the like to every operation with preparation on).
/// </summary>
public sealed class AutoPreparationTests : IAsyncLifetime
{
    const string Sql = "SELECT length(@Text::text) + @N AS n";
    const string NulText = "nul\0inside";

    string connectionString = "";

    public async Task InitializeAsync() => connectionString = await TestPostgres.CreateEmptyDatabaseAsync();

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(connectionString);

    NpgsqlDataSource OneConnection() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
    {
        MaxPoolSize = 1,
        MaxAutoPrepare = 10,
        AutoPrepareMinUsages = 5,
    }.ConnectionString);

    static async Task<int> RunAsync(NpgsqlDataSource db, string text)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleAsync<int>(Sql, new { Text = text, N = 1 });
    }

    [Fact]
    public async Task AStatementRefusedAtBindWhileNpgsqlPreparesItBreaksItsNextRun()
    {
        await using var db = OneConnection();
        for (var i = 0; i < 4; i++) await RunAsync(db, "ok");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => RunAsync(db, NulText)); // the fifth run prepares
        Assert.Equal(PostgresErrorCodes.CharacterNotInRepertoire, refused.SqlState);

        // Not even an NpgsqlException: a request meeting it was a 500.
        var broken = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(db, "ok"));
        Assert.Contains("unexpected backend message DataRow", broken.Message);
        Assert.Equal(3, await RunAsync(db, "ok")); // on a new connection
    }

    [Fact]
    public async Task AStatementRefusedAtBindOnceNpgsqlHasPreparedItLeavesTheConnectionWorking()
    {
        await using var db = OneConnection();
        for (var i = 0; i < 5; i++) await RunAsync(db, "ok");

        await Assert.ThrowsAsync<PostgresException>(() => RunAsync(db, NulText));

        for (var i = 0; i < 5; i++) Assert.Equal(3, await RunAsync(db, "ok"));
    }
}
