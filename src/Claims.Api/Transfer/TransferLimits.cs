using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

namespace Claims.Api.Transfer;

/// <summary>Marks an endpoint whose requests last as long as the client takes: an export or an import.</summary>
public sealed record LongRequest(string Kind)
{
    public static readonly LongRequest Export = new("Export");
    public static readonly LongRequest Import = new("Import");
}

/// <summary>
/// How many exports and how many imports run at once, per client (by IP address) and overall, from the configuration's
/// <c>Export</c> and <c>Import</c> sections (<c>PerClient</c>, <c>Overall</c>). A request past a client's limit is a 429,
/// past the overall one a 503, both with Retry-After; none waits. Since each one holds at most one database connection,
/// and only while the database works for it (see <see cref="ExportSpool"/> and <see cref="SpooledBody"/>), the limits
/// also bound the pool's connections that long requests can take: the rest is kept for short ones.
/// </summary>
public sealed class TransferLimits : IDisposable
{
    public const int RetryAfterSeconds = 5;

    readonly Dictionary<LongRequest, (PartitionedRateLimiter<IPAddress> PerClient, ConcurrencyLimiter Overall)> limiters = [];

    public TransferLimits(IConfiguration configuration, NpgsqlDataSource db, ILogger<TransferLimits> logger)
    {
        var transfers = 0;
        foreach (var (kind, perClient, overall) in new[] { (LongRequest.Export, 2, 4), (LongRequest.Import, 1, 2) })
        {
            var section = configuration.GetSection(kind.Kind);
            var (client, all) = (section.GetValue("PerClient", perClient), section.GetValue("Overall", overall));
            limiters[kind] = (PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
                    RateLimitPartition.GetConcurrencyLimiter(address, _ => new ConcurrencyLimiterOptions { PermitLimit = client, QueueLimit = 0 })),
                new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = all, QueueLimit = 0 }));
            transfers += all;
        }
        var pool = new NpgsqlConnectionStringBuilder(db.ConnectionString).MaxPoolSize;
        if (transfers > pool / 2)
            logger.LogWarning("Exports and imports may take {Transfers} of the pool's {Pool} connections (Export:Overall and Import:Overall): " +
                              "fewer than half are kept for short requests.", transfers, pool);
    }

    /// <summary>A permit for one long request of <paramref name="kind"/> from <paramref name="client"/>, or the status that refuses it.</summary>
    public (IDisposable? Permit, int Refusal) TryEnter(LongRequest kind, IPAddress client)
    {
        var (perClient, overall) = limiters[kind];
        var own = perClient.AttemptAcquire(client);
        if (!own.IsAcquired)
        {
            own.Dispose();
            return (null, StatusCodes.Status429TooManyRequests);
        }
        var shared = overall.AttemptAcquire();
        if (shared.IsAcquired) return (new Permits(own, shared), 0);
        own.Dispose();
        shared.Dispose();
        return (null, StatusCodes.Status503ServiceUnavailable);
    }

    public void Dispose()
    {
        foreach (var (perClient, overall) in limiters.Values)
        {
            perClient.Dispose();
            overall.Dispose();
        }
    }

    sealed class Permits(RateLimitLease own, RateLimitLease shared) : IDisposable
    {
        public void Dispose()
        {
            shared.Dispose();
            own.Dispose();
        }
    }
}

/// <summary>Runs a <see cref="LongRequest"/> under a permit of <see cref="TransferLimits"/>, or refuses it at once.</summary>
sealed class TransferLimitsMiddleware(RequestDelegate next, TransferLimits limits)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<LongRequest>() is not { } kind)
        {
            await next(http);
            return;
        }
        var (permit, refusal) = limits.TryEnter(kind, http.Connection.RemoteIpAddress ?? IPAddress.None);
        if (permit is null)
        {
            http.Response.Headers.RetryAfter = TransferLimits.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            var verb = kind.Kind.ToLowerInvariant();
            await TypedResults.Problem(statusCode: refusal,
                title: refusal == StatusCodes.Status429TooManyRequests ? "Too many requests" : "Busy",
                detail: refusal == StatusCodes.Status429TooManyRequests
                    ? $"This client already runs as many {verb}s as it may at once ({kind.Kind}:PerClient); try again when one ends."
                    : $"The server already runs as many {verb}s as it takes at once ({kind.Kind}:Overall); try again shortly.")
                .ExecuteAsync(http);
            return;
        }
        using (permit) await next(http);
    }
}
