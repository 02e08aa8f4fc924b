using System.Diagnostics;

namespace Claims.Api.Infrastructure.Database;

/// <summary>
/// Requests that could not reach the database (see <see cref="DatabaseErrors.IsUnreachable"/>) make one outage until it
/// answers again: logged when it begins and when it ends, not once a request. While it lasts a probe tries the database
/// a few times a second; the pool's idle connections are dropped at both ends, since a restarted server has closed them.
/// </summary>
public sealed class DatabaseOutage(NpgsqlDataSource db, ILogger<DatabaseOutage> logger) : IDisposable
{
    static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);

    readonly Lock gate = new();
    readonly CancellationTokenSource stopping = new();
    long startedAt;
    int answered;

    /// <summary>Whether an outage is going on: a request met one, and the database has not answered since.</summary>
    public bool IsOngoing
    {
        get { lock (gate) return startedAt != 0; }
    }

    /// <summary>Counts a request that met <paramref name="e"/>, and starts an outage if none is going on.</summary>
    public void Report(NpgsqlException e)
    {
        lock (gate)
        {
            answered++;
            if (startedAt != 0) return;
            startedAt = Stopwatch.GetTimestamp();
        }
        logger.LogWarning("The database cannot be reached ({Reason}); requests that need it are answered 503 until it answers again.",
            e.Message);
        db.Clear();
        _ = Task.Run(ProbeAsync);
    }

    async Task ProbeAsync()
    {
        var ct = stopping.Token;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ProbeInterval, ct);
                await using var conn = await db.OpenConnectionAsync(ct);
                await conn.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (NpgsqlException)
            {
                continue;
            }
            db.Clear();
            int count;
            long started;
            lock (gate)
            {
                (count, started, answered, startedAt) = (answered, startedAt, 0, 0);
            }
            logger.LogInformation("The database answers again after {Seconds:F1} s; {Count} requests were answered 503 meanwhile.",
                Stopwatch.GetElapsedTime(started).TotalSeconds, count);
            return;
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }
}
