namespace Claims.Api.Changes;

/// <summary>
/// Wakes long-polling readers when a transaction with changes commits: one connection LISTENs for the whole process,
/// however many readers wait.
/// </summary>
public sealed class ChangeNotifications(NpgsqlDataSource db, ILogger<ChangeNotifications> logger) : BackgroundService
{
    TaskCompletionSource next = NewSignal();

    /// <summary>A task that completes at the next notification. Take it before reading, so none falls in between.</summary>
    public Task Next() => Volatile.Read(ref next).Task;

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    void Pulse() => Interlocked.Exchange(ref next, NewSignal()).TrySetResult();

    // Retried every second while the database is away, logged once when listening stops and once when it starts again.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = await db.OpenConnectionAsync(stoppingToken);
                conn.Notification += (_, _) => Pulse();
                await conn.ExecuteAsync(new CommandDefinition("LISTEN claims_changes", cancellationToken: stoppingToken));
                if (failing) logger.LogInformation("Listening for changes again");
                failing = false;
                Pulse(); // anything committed while no one listened
                while (true) await conn.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                if (!failing) logger.LogWarning("Listening for changes failed ({Message}); retrying every second", e.Message);
                failing = true;
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
