namespace Claims.Api.Infrastructure.Database;

/// <summary>
/// Writers take the change feed's lock before any row lock, so they queue rather than deadlock (migration 0014): every
/// writing statement takes it itself, and a transaction that locks rows before it writes them takes it here first.
/// </summary>
public static class WriteOrder
{
    public static Task LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct) =>
        conn.ExecuteAsync(new CommandDefinition("SELECT lock_for_write()", transaction: tx, cancellationToken: ct));
}
