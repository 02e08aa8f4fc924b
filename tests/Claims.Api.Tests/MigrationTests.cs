using Claims.Api.Infrastructure.Database;
using Claims.Api.Tests.Infrastructure;
using Dapper;
using Npgsql;

namespace Claims.Api.Tests;

public sealed class MigrationTests : IAsyncLifetime
{
    string connectionString = "";

    public async Task InitializeAsync() => connectionString = await TestPostgres.CreateEmptyDatabaseAsync();

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(connectionString);

    [Fact]
    public async Task MigratingTwiceAppliesEachMigrationOnce()
    {
        await using var db = NpgsqlDataSource.Create(connectionString);

        var first = await Migrator.MigrateAsync(db, Migration.Embedded);
        var second = await Migrator.MigrateAsync(db, Migration.Embedded);

        Assert.Equal(Migration.Embedded.Select(m => m.Name), first);
        Assert.Empty(second);
        await using var conn = await db.OpenConnectionAsync();
        var recorded = await conn.QueryAsync<(string Name, string Checksum)>("SELECT name, checksum FROM schema_migration ORDER BY name");
        Assert.Equal(Migration.Embedded.Select(m => (m.Name, m.Checksum)), recorded);
    }

    [Fact]
    public async Task AChangedMigrationThatWasAlreadyAppliedIsRefused()
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await Migrator.MigrateAsync(db, Migration.Embedded);
        var tampered = Migration.Embedded.Select((m, i) => i == 0 ? m with { Sql = m.Sql + "\n-- edited" } : m).ToList();

        var error = await Assert.ThrowsAsync<MigrationChecksumException>(() => Migrator.MigrateAsync(db, tampered));

        Assert.Equal(Migration.Embedded[0].Name, error.MigrationName);
        Assert.Contains("new migration file", error.Message);
    }

    [Fact]
    public async Task ANewMigrationIsAppliedAfterTheOthers()
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await Migrator.MigrateAsync(db, Migration.Embedded);

        var applied = await Migrator.MigrateAsync(db, [.. Migration.Embedded, new Migration("9999_test.sql", "CREATE TABLE test_marker (id int)")]);

        Assert.Equal(["9999_test.sql"], applied);
    }

    [Fact]
    public async Task InstancesMigratingAtOnceDoNotRace()
    {
        var runs = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = NpgsqlDataSource.Create(connectionString);
            return await Migrator.MigrateAsync(db, Migration.Embedded);
        });

        var results = await Task.WhenAll(runs);

        Assert.Single(results, r => r.Count == Migration.Embedded.Count);
        Assert.Equal(3, results.Count(r => r.Count == 0));
    }
}
