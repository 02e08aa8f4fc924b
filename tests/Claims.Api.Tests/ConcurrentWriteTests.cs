using System.Net;
using Claims.Api.Infrastructure.Database;
using Claims.Api.Tests.Infrastructure;
using Dapper;
using Npgsql;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>
/// Writes that lose to concurrent ones: a deadlock, a serialization failure or a lock wait that timed out is a 503 with
/// Retry-After, never a 500. Lock waits are provoked deterministically: this class's database gives up on a lock after
/// a short lock_timeout, and a transaction of the test's holds the lock.
/// </summary>
public sealed class ConcurrentWriteTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        await conn.ExecuteAsync($"ALTER DATABASE \"{conn.Database}\" SET lock_timeout = '300ms'");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnImportThatCannotGetItsLocksIsABusyAnswerAndWritesNothing()
    {
        var id = Guid.CreateVersion7();
        await using var blocker = await HoldSpeakerAsync(Seeded.Nato);

        var response = await ImportAsync(api.Writer(), Record("speaker", new { id, slug = $"blocked-{id:N}", name = "Blocked" }));

        await AssertBusyAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync($"/v1/speakers/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnUpdateThatCannotGetItsRowLockIsABusyAnswer()
    {
        await using var blocker = await HoldSpeakerAsync(Seeded.UnitedStates);

        var response = await api.Writer().PutJsonAsync($"/v1/speakers/{Seeded.UnitedStates}", new { name = "The United States", kind = "government" });

        await AssertBusyAsync(response);
    }

    [Theory]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.LockNotAvailable)]
    public void WritesUndoneForConcurrentOnesAreBusyAnswers(string sqlState)
    {
        var problem = DatabaseErrors.ToProblem(new PostgresException("concurrent", "ERROR", "ERROR", sqlState));

        Assert.Equal(503, problem?.Status);
        Assert.Contains("nothing was written", problem?.Detail);
    }

    [Fact]
    public void ARequestTheServerHasNoConnectionForIsABusyAnswer()
    {
        var problem = DatabaseErrors.ToProblem(new PostgresException("sorry, too many clients already", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections));

        Assert.Equal(503, problem?.Status);
    }

    /// <summary>
    /// A connection in a transaction that has renamed the speaker (never committed), so holds its row, its table against
    /// schema changes and the writers' lock until it is disposed. The rename changes the row: an update that changes
    /// nothing writes nothing, and locks nothing.
    /// </summary>
    async Task<NpgsqlConnection> HoldSpeakerAsync(string slug)
    {
        var conn = new NpgsqlConnection(api.ConnectionString);
        await conn.OpenAsync();
        var tx = await conn.BeginTransactionAsync();
        Assert.Equal(1, await conn.ExecuteAsync("UPDATE speaker SET name = name || ' (held)' WHERE slug = @slug", new { slug }, tx));
        return conn;
    }

    static async Task AssertBusyAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("nothing was written", problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(DatabaseErrors.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
    }
}
