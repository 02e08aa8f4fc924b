using Claims.Api.Claims;
using Claims.Api.Speakers;
using Microsoft.Net.Http.Headers;

namespace Claims.Api.Reviews;

/// <summary>A claim and its reviews as schema.org ClaimReview JSON-LD, at its own URL or by content negotiation on the claim's.</summary>
public static class ClaimReviewApi
{
    public const string MediaType = "application/ld+json";

    public static void MapClaimReview(this IEndpointRouteBuilder app) =>
        app.MapGet("/v1/claims/{idOrSlug}/claimreview", GetClaimReview).WithName(nameof(GetClaimReview)).WithTags("Reviews")
            .Produces<LdClaimReview[]>(StatusCodes.Status200OK, MediaType).Produces(StatusCodes.Status304NotModified)
            .WithSummary("The claim as schema.org JSON-LD: one ClaimReview per review, or the Claim alone when it has none. Has an ETag.");

    /// <summary>
    /// Lets the claim's own GET answer JSON-LD to a client that prefers it (Accept: application/ld+json); everyone else
    /// gets the JSON, its ETag and its 304 untouched. Either way the answer varies by Accept, and caches are told so.
    /// </summary>
    public static RouteHandlerBuilder NegotiatesClaimReview(this RouteHandlerBuilder builder) => builder.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        http.Response.Headers.Vary = HeaderNames.Accept;
        if (!ContentNegotiation.Prefers(http.Request, MediaType)) return await next(context);
        var idOrSlug = (string)http.GetRouteValue("idOrSlug")!;
        return await AnswerAsync(http, idOrSlug, http.RequestServices.GetRequiredService<NpgsqlDataSource>(), http.RequestAborted);
    });

    static Task<IResult> GetClaimReview(string idOrSlug, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        AnswerAsync(http, idOrSlug, db, ct);

    /// <summary>The JSON-LD with a strong ETag of its own bytes; 304 when If-None-Match names it.</summary>
    static async Task<IResult> AnswerAsync(HttpContext http, string idOrSlug, NpgsqlDataSource db, CancellationToken ct)
    {
        const string kindsSql = "SELECT id, kind FROM speaker WHERE id = ANY(@Ids)";
        await using var conn = await db.OpenConnectionAsync(ct);
        if (await ClaimStore.FindAsync(conn, null, IdOrSlug.Parse(idOrSlug), ct) is not { } claim) return TypedResults.NotFound();

        var speakers = claim.Stances.Select(s => s.Speaker.Id).Distinct().ToArray();
        var kinds = (await conn.QueryAsync<(Guid Id, SpeakerKind Kind)>(new CommandDefinition(kindsSql, new { Ids = speakers }, cancellationToken: ct)))
            .ToDictionary(s => s.Id, s => s.Kind);

        var json = ETags.Serialize(http, ClaimReviewLd.From(claim, kinds));
        var etag = ETags.Of(json);
        http.Response.Headers.ETag = etag;
        if (ETags.ListsWeakly(http.Request.Headers.IfNoneMatch, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(json, MediaType);
    }
}
