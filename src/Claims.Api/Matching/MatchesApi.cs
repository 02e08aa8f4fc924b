using Claims.Api.Quotes;

namespace Claims.Api.Matching;

/// <summary>"Which stored claims does this sentence make, and were they checked?" — suggestions, never links.</summary>
public static class MatchesApi
{
    /// <summary>
    /// The least score a suggestion shown beside a quote has: on the CheckThat! dev queries, a match scoring this much is
    /// the right claim about half the time (bench/README.md).
    /// </summary>
    public const float SuggestionThreshold = 0.6f;

    public const int Suggestions = 3;

    public static void MapClaimMatches(this RouteGroupBuilder claims)
    {
        claims.MapGet("/matches", MatchClaims).WithName(nameof(MatchClaims)).Validate<MatchQuery>()
            .WithSummary("Ranks the stored claims a sentence makes, best first, by its words (BM25) and its meaning (sentence embeddings), " +
                         "each claim with its reviews' ratings; the claims a hinted speaker asserts rank higher.");
        claims.MapPost("/matches", MatchClaimsOfBody).WithName(nameof(MatchClaimsOfBody)).Validate<MatchRequest>().WritesNothing()
            .WithSummary("The same as GET /v1/claims/matches, for text too long for a URL; it writes nothing and needs no API key.");
        claims.MapGet("/matches/status", MatchingStatus).WithName(nameof(MatchingStatus))
            .WithSummary("The matcher's state: the model, the claims indexed, and how many are not yet embedded.");
    }

    public static void MapQuoteClaimMatches(this RouteGroupBuilder quotes) =>
        quotes.MapGet("/{id:guid}/claim-matches", MatchQuoteClaims).WithName(nameof(MatchQuoteClaims)).Validate<QuoteMatchQuery>()
            .WithSummary("Ranks the stored claims a quote most likely makes, as GET /v1/claims/matches does with its text and speaker.");

    static async Task<Ok<MatchPage>> MatchClaims([AsParameters] MatchQuery query, ClaimMatcher matcher, CancellationToken ct) =>
        TypedResults.Ok(await matcher.MatchAsync(query.Text!, query.Speaker, query.Limit ?? MatchQuery.DefaultLimit, 0, ct));

    static async Task<Ok<MatchPage>> MatchClaimsOfBody(MatchRequest request, ClaimMatcher matcher, CancellationToken ct) =>
        TypedResults.Ok(await matcher.MatchAsync(request.Text!, request.Speaker, request.Limit ?? MatchQuery.DefaultLimit, 0, ct));

    static async Task<Results<Ok<MatchPage>, NotFound>> MatchQuoteClaims(
        Guid id, [AsParameters] QuoteMatchQuery query, NpgsqlDataSource db, ClaimMatcher matcher, CancellationToken ct)
    {
        const string sql = "SELECT q.text, q.speaker_id::text FROM quote q WHERE q.id = @Id";
        await using var conn = await db.OpenConnectionAsync(ct);
        var quote = await conn.QuerySingleOrDefaultAsync<(string Text, string SpeakerId)?>(new CommandDefinition(sql, new { Id = id }, cancellationToken: ct));
        if (quote is not { } found) return TypedResults.NotFound();
        return TypedResults.Ok(await matcher.MatchAsync(found.Text, found.SpeakerId, query.Limit ?? MatchQuery.DefaultLimit, 0, ct));
    }

    static async Task<Ok<MatchingStatus>> MatchingStatus(MatchingStatusSource status, CancellationToken ct) =>
        TypedResults.Ok(await status.CurrentAsync(ct));
}
