using System.Globalization;
using System.Text.Json;
using Claims.Api.Infrastructure.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Infrastructure.Http;

/// <summary>Turns what escapes a handler into a problem+json answer: the client's fault as a 4xx naming it, ours as a bare 500.</summary>
sealed class ProblemExceptionHandler(IProblemDetailsService problems, DatabaseOutage outage, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = Title(bad.StatusCode), Detail = bad.Message },
            NpgsqlException unreachable when DatabaseErrors.IsUnreachable(unreachable) => Unreachable(unreachable),
            PostgresException postgres when DatabaseErrors.ToProblem(postgres) is { } mapped => mapped,
            NpgsqlException { InnerException: TimeoutException } => DatabaseErrors.TimedOut(),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };
        if (problem is null)
        {
            // A client that went away mid-request hears no answer, and is no error of ours.
            if (http.RequestAborted.IsCancellationRequested || exception is ConnectionResetException) return true;
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Internal server error" };
        }

        http.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = DatabaseErrors.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    // Logged once an outage by DatabaseOutage, not once a request.
    ProblemDetails Unreachable(NpgsqlException e)
    {
        outage.Report(e);
        return DatabaseErrors.Unreachable(e);
    }

    static HttpValidationProblemDetails MalformedJson(JsonException json)
    {
        var repeated = DuplicateKeys.Of(json);
        var field = repeated is not null && string.IsNullOrEmpty(json.Path) ? repeated : JsonPathToField(json.Path);
        var message = repeated is not null ? DuplicateKeys.Problem(repeated)
            : json.Path is null ? "The body is not valid JSON."
            : $"The value at '{json.Path}' is not valid here: it is malformed, of the wrong type or not one of the allowed values.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Malformed request body",
            Detail = message,
        };
    }

    // "$.span.start" -> "span.start"; "$" or null -> "body"
    static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };
}
