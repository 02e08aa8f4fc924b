using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Claims.Api.Infrastructure.Database;
using Claims.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;

namespace Claims.Api.Tests;

/// <summary>
/// The database stopped under load (fast shutdown, as an administrator or a failover would) and started again: every
/// answer meanwhile is a 503 problem+json with Retry-After, never a 500; the outage is logged once, not per request;
/// writes succeed within a second of the server's return; and no acknowledged write is lost. The cluster is this
/// class's own, so the other test classes never see it go.
/// </summary>
public sealed class OutageTests(PrivateClusterApiFactory api, ITestOutputHelper output) : IClassFixture<PrivateClusterApiFactory>
{
    sealed record Answer(TimeSpan Sent, TimeSpan Received, bool Write, int Status, string? ContentType, TimeSpan? RetryAfter);

    [Fact]
    public async Task ADatabaseThatGoesAwayUnderLoadIsBusyAnswersUntilItIsBackAndLosesNoAcknowledgedWrite()
    {
        var writer = api.Writer();
        if (api.Cluster is not { } server) return; // no PostgreSQL binaries to run a cluster of this class's own
        var (answers, acknowledged) = (new ConcurrentQueue<Answer>(), new ConcurrentBag<Guid>());
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 6).Select(client => Task.Run(async () =>
        {
            var write = client < 4;
            while (!stop.IsCancellationRequested)
            {
                var sent = clock.Elapsed;
                using var response = write
                    ? await writer.PostJsonAsync("/v1/speakers", new { name = $"Outage {Guid.NewGuid():N}" })
                    : await writer.GetAsync($"/v1/speakers/{Seeded.Nato}");
                answers.Enqueue(new(sent, clock.Elapsed, write, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                    response.Headers.RetryAfter?.Delta));
                if (response.StatusCode == HttpStatusCode.Created)
                    acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable) await Task.Delay(20);
            }
        })).ToArray();

        await Task.Delay(1000);
        await server.StopAsync();
        var stopped = clock.Elapsed;
        await Task.Delay(1500);
        using var notReady = await writer.GetAsync("/health/ready");
        var restarting = clock.Elapsed;
        await server.StartAgainAsync();
        var restarted = clock.Elapsed;
        await Task.Delay(2000);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var all = answers.ToList();
        var summary = $"{all.Count} answers: {string.Join(", ", all.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}";
        Assert.All(all, a => Assert.Contains(a.Status, new[] { 200, 201, 503 }));
        Assert.All(all.Where(a => a.Status == 503), a =>
        {
            Assert.Equal("application/problem+json", a.ContentType);
            Assert.Equal(TimeSpan.FromSeconds(DatabaseErrors.RetryAfterSeconds), a.RetryAfter);
        });
        var whileDown = all.Where(a => a.Sent > stopped && a.Received < restarting).ToList();
        Assert.True(whileDown.Count > 20 && whileDown.All(a => a.Status == 503), summary);

        var firstWrite = all.Where(a => a.Write && a.Status == 201 && a.Sent >= restarted).Min(a => a.Received) - restarted;
        Assert.True(firstWrite < TimeSpan.FromSeconds(1), $"The first write succeeded {firstWrite.TotalMilliseconds:F0} ms after the restart; {summary}");
        Assert.All(all.Where(a => a.Sent > restarted + TimeSpan.FromSeconds(1)), a => Assert.True(a.Status < 300, summary));
        output.WriteLine($"{summary}; down {(restarting - stopped).TotalSeconds:F1} s, {whileDown.Count} answers meanwhile; " +
                         $"first write {firstWrite.TotalMilliseconds:F0} ms after the restart; {acknowledged.Count} writes acknowledged");

        await using var conn = new NpgsqlConnection(api.ConnectionString);
        var stored = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM speaker WHERE id = ANY(@ids)", new { ids = acknowledged.ToArray() });
        Assert.Equal(acknowledged.Count, stored);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("application/problem+json", notReady.Content.Headers.ContentType?.MediaType);
        Assert.Contains("database", await notReady.Content.ReadAsStringAsync());

        var logs = api.Logs.ToList();
        Assert.Single(logs, l => l.Category == typeof(DatabaseOutage).FullName && l.Level == LogLevel.Warning);
        Assert.Single(logs, l => l.Category == typeof(DatabaseOutage).FullName && l.Level == LogLevel.Information);
        Assert.DoesNotContain(logs, l => l.Level >= LogLevel.Error);
    }

    public static TheoryData<string, bool> Failures => new()
    {
        { PostgresErrorCodes.AdminShutdown, true },
        { PostgresErrorCodes.CrashShutdown, true },
        { PostgresErrorCodes.CannotConnectNow, true },
        { PostgresErrorCodes.TooManyConnections, true },
        { PostgresErrorCodes.ConnectionFailure, true },
        { PostgresErrorCodes.DeadlockDetected, false },
        { PostgresErrorCodes.UniqueViolation, false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void AServerThatIsGoingDownStartingUpOrFullIsUnreachableAndABusyAnswer(string sqlState, bool unreachable)
    {
        var e = new PostgresException("failure", "FATAL", "FATAL", sqlState);

        Assert.Equal(unreachable, DatabaseErrors.IsUnreachable(e));
        if (unreachable) Assert.Equal(503, DatabaseErrors.ToProblem(e)?.Status);
    }

    [Fact]
    public void ARefusedOrResetConnectionIsUnreachableAndATimeoutIsNot()
    {
        Assert.True(DatabaseErrors.IsUnreachable(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))));
        Assert.True(DatabaseErrors.IsUnreachable(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.True(DatabaseErrors.IsUnreachable(new NpgsqlException("Exception while writing to stream", new IOException("reset"))));
        Assert.False(DatabaseErrors.IsUnreachable(new NpgsqlException("The operation has timed out", new TimeoutException())));
    }
}
