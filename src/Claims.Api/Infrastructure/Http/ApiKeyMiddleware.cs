using System.Security.Cryptography;
using System.Text;

namespace Claims.Api.Infrastructure.Http;

/// <summary>
/// Reads are open; every other method needs <c>Authorization: Bearer &lt;key&gt;</c> with a key from configuration ApiKeys,
/// except on an endpoint that <see cref="WritesNothingMetadata">writes nothing</see>.
/// </summary>
sealed class ApiKeyMiddleware
{
    readonly RequestDelegate next;
    readonly byte[][] keyHashes;

    public ApiKeyMiddleware(RequestDelegate next, IConfiguration configuration, ILogger<ApiKeyMiddleware> logger)
    {
        this.next = next;
        keyHashes = (configuration.GetSection("ApiKeys").Get<string[]>() ?? [])
            .Where(key => !string.IsNullOrWhiteSpace(key))
            .Select(Hash)
            .ToArray();
        if (keyHashes.Length == 0)
            logger.LogWarning("No API keys are configured (ApiKeys): the API is read-only until one is set.");
    }

    public Task InvokeAsync(HttpContext http)
    {
        if (IsRead(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<WritesNothingMetadata>() is not null
            || IsAuthorized(http.Request.Headers.Authorization.ToString()))
            return next(http);

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: "Writes need an API key: send 'Authorization: Bearer <key>'.").ExecuteAsync(http);
    }

    static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    bool IsAuthorized(string header)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        // Comparing fixed-length hashes keeps the time independent of where a guess first differs, and of its length.
        var presented = Hash(header[scheme.Length..].Trim());
        var match = false;
        foreach (var key in keyHashes) match |= CryptographicOperations.FixedTimeEquals(presented, key);
        return match;
    }

    static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

/// <summary>A POST that only computes an answer from its body, such as a preview, and so is open like a read.</summary>
public sealed class WritesNothingMetadata
{
    public static readonly WritesNothingMetadata Instance = new();
}

public static class WritesNothingExtensions
{
    public static RouteHandlerBuilder WritesNothing(this RouteHandlerBuilder builder) => builder.WithMetadata(WritesNothingMetadata.Instance);
}
