using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Claims.Api.Matching;

/// <summary>
/// <c>semantic</c>: off, loading, ready or unavailable (with <c>problem</c>: what could not be loaded); <c>claims</c> and
/// <c>lexemes</c>: what the index holds (null until its first load); <c>embedded</c>: claims with a vector;
/// <c>pending</c>: claims not yet embedded, or whose text changed since (null until the stored vectors are read);
/// <c>embeddedSinceStart</c> and <c>claimsPerSecond</c>: this process's embedding work.
/// </summary>
public sealed record MatchingStatus(
    SemanticState Semantic, string? Model, string? Problem, int? Claims, int? Lexemes, int? Embedded, int? Pending,
    long EmbeddedSinceStart, double? ClaimsPerSecond);

public sealed class MatchingStatusSource(ClaimIndex index, SemanticModel semantic, EmbeddingWorker worker)
{
    /// <summary>The state once the index has taken in every committed write, so that new claims count as pending at once.</summary>
    public async Task<MatchingStatus> CurrentAsync(CancellationToken ct)
    {
        if (index.Loaded) await index.CatchUpAsync(null, ct);
        return Current();
    }

    MatchingStatus Current()
    {
        var state = index.Loaded ? index.State() : null;
        var (embedded, rate) = worker.Progress;
        var on = semantic.State is not SemanticState.Off and not SemanticState.Unavailable;
        return new MatchingStatus(semantic.State, semantic.State == SemanticState.Off ? null : MatchingOptions.ModelName, semantic.Problem,
            state?.Claims, state?.Lexemes, on ? state?.Vectors : null, on ? state?.Pending : null, embedded,
            rate is { } r ? Math.Round(r, 1) : null);
    }
}

/// <summary>Ready once the index is loaded; lexical-only matching (the model off or unavailable) is degraded, not down.</summary>
sealed class MatchingHealthCheck(MatchingStatusSource status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = await status.CurrentAsync(ct);
        var data = new Dictionary<string, object>
        {
            ["semantic"] = now.Semantic.ToString().ToLowerInvariant(),
            ["claims"] = (object?)now.Claims ?? "loading",
            ["embedded"] = (object?)now.Embedded ?? "none",
            ["pending"] = (object?)now.Pending ?? "unknown",
        };
        return now.Claims is null ? HealthCheckResult.Degraded("The claim index is loading.", data: data)
            : now.Semantic == SemanticState.Unavailable ? HealthCheckResult.Degraded(now.Problem, data: data)
            : HealthCheckResult.Healthy("Claim matching works.", data);
    }
}

public static class MatchingSetup
{
    public static IServiceCollection AddClaimMatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(MatchingOptions.From(configuration));
        services.AddSingleton<ClaimIndex>();
        services.AddSingleton<SemanticModel>();
        services.AddSingleton<ClaimMatcher>();
        services.AddSingleton<EmbeddingWorker>();
        services.AddHostedService(s => s.GetRequiredService<EmbeddingWorker>());
        services.AddSingleton<MatchingStatusSource>();
        services.AddHealthChecks().AddCheck<MatchingHealthCheck>("matching", tags: ["ready"]);
        return services;
    }
}
