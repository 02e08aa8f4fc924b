using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Claims.Api.Infrastructure.Http;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/health</c>: the process answers. <c>/health/ready</c>: and its database does too. Ready is a 200 with JSON
    /// giving each check's status, description and details (claim matching's: the model's state, claims indexed,
    /// embedded and pending); not ready, a 503 problem+json that says what failed, with the same checks and Retry-After.
    /// </summary>
    public static void AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        // The health check service logs every failed probe as an error with its stack trace; DatabaseOutage logs the outage.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new() { Predicate = _ => false, ResponseWriter = WriteAsync }).WithTags("Health");
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteAsync })
            .WithTags("Health");
    }

    static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => Describe(e.Value));
        if (report.Status == HealthStatus.Healthy)
            return http.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["status"] = report.Status.ToString(), ["checks"] = checks });

        http.Response.Headers.RetryAfter = DatabaseErrors.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description} ({e.Value.Exception?.Message})");
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Not ready",
                Detail = string.Join("; ", failed),
                Extensions = { ["checks"] = checks },
            },
        }).AsTask();
    }

    static Dictionary<string, string> Describe(HealthReportEntry entry)
    {
        var fields = new Dictionary<string, string> { ["status"] = entry.Status.ToString() };
        if (entry.Description is { } description) fields["description"] = description;
        foreach (var (key, value) in entry.Data) fields[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        return fields;
    }
}

/// <summary>The database answers; when it cannot be reached, that is an outage (logged there once, not once a probe).</summary>
sealed class DatabaseHealthCheck(NpgsqlDataSource db, DatabaseOutage outage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await conn.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct));
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            if (e is NpgsqlException npgsql && DatabaseErrors.IsUnreachable(npgsql)) outage.Report(npgsql);
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
