using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Claims.Api.Infrastructure.Http;

/// <summary>
/// Strong ETags from the representation itself: a hash of the JSON a GET answers. Whatever changes what a client
/// would see (an embedded speaker's name, a new stance) changes the tag, with no version to keep in step.
/// </summary>
public static class ETags
{
    /// <summary>The API's own JSON settings, so a tag is computed on exactly the bytes a client receives.</summary>
    public static JsonSerializerOptions JsonOptions(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    public static byte[] Serialize(HttpContext http, object value) => JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), JsonOptions(http));

    public static string Of(byte[] json) => $"\"{Convert.ToBase64String(SHA256.HashData(json), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";

    public static string Of(HttpContext http, object value) => Of(Serialize(http, value));

    /// <summary>Whether If-Match's list of tags (or *) names <paramref name="etag"/>. Weak tags never match: the comparison is strong.</summary>
    public static bool Lists(string? header, string etag) => Tags(header).Any(t => t == "*" || t == etag);

    /// <summary>Whether If-None-Match's list of tags (or *) names <paramref name="etag"/>, by the weak comparison RFC 9110
    /// asks of it: W/"x" names "x".</summary>
    public static bool ListsWeakly(string? header, string etag) => Tags(header).Any(t => t == "*" || (t.StartsWith("W/") ? t[2..] : t) == etag);

    static IEnumerable<string> Tags(string? header) =>
        header?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>Gives a single resource's 200 answer its ETag, and answers a GET whose If-None-Match names it with 304.</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder) => builder
        .AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var answer = result is INestedHttpResult nested ? nested.Result : result;
            if (answer is not (IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK }))
                return result;

            var http = context.HttpContext;
            var json = Serialize(http, value);
            var etag = Of(json);
            http.Response.Headers.ETag = etag;
            if (HttpMethods.IsGet(http.Request.Method) && ListsWeakly(http.Request.Headers.IfNoneMatch, etag))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Bytes(json, "application/json");
        })
        .Produces(StatusCodes.Status304NotModified);
}
