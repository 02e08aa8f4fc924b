using System.Globalization;
using Claims.Api.Matching;

namespace Claims.Api.Reviews;

/// <summary>
/// Google's Fact Check Tools <c>claims:search</c>, answered from this knowledge base in Google's shape, so clients of
/// that API can read ours. A claim appears when it matches the query (the search of /v1/search) and has a review
/// passing the review filters; it carries those reviews. Claims come by relevance, as Google's do: the BM25 score of
/// claim matching (the claim's words, its reviews' titles and texts), then the claim's id, which is the page token's keyset.
/// </summary>
public static class FactCheckSearchApi
{
    public static void MapFactCheckSearch(this IEndpointRouteBuilder app) =>
        app.MapGet("/v1/factcheck/claims:search", SearchFactChecks).WithName(nameof(SearchFactChecks)).WithTags("Reviews")
            .Validate<FactCheckQuery>()
            .WithSummary("Searches reviewed claims in the shape of Google's Fact Check Tools API (v1alpha1 claims:search), most relevant first.");

    const string ReviewFilters = """
        (@Language::text IS NULL OR lower(language) = @Language OR lower(language) LIKE @Language || '-%')
        AND (@Since::date IS NULL OR reviewed_on >= @Since)
        AND (@Site::text IS NULL OR publisher_site = @Site)
        """;

    // The matching claims with a review that passes, the query's lexemes, and how far the change feed is.
    const string MatchesSql = $"""
        SELECT DISTINCT claim_id FROM review WHERE claim_id IN (SELECT matching_claims(@Query)) AND {ReviewFilters};
        SELECT to_tsvector('english', @Query)::text AS lexemes, (SELECT coalesce(max(position), 0) FROM change) AS position;
        """;

    // One row per (claim, review) of the page, in page order. The claimant is the asserting speaker who said it first
    // (then who took the stance first); when is the stance's own date (an imported claimDate), else its evidence quote's.
    // The window takes the earliest date over all of them before LIMIT.
    const string PageSql = $"""
        WITH claims AS (
            SELECT c.id AS page_claim, c.text AS claim_text, a.claimant, a.claim_date
            FROM claim c
            LEFT JOIN LATERAL (
                SELECT sp.name AS claimant, min(coalesce(st.said_on, q.said_on)) OVER () AS claim_date
                FROM stance st JOIN speaker sp ON sp.id = st.speaker_id LEFT JOIN quote q ON q.id = st.quote_id
                WHERE st.claim_id = c.id AND st.position = 'asserts'
                ORDER BY coalesce(st.said_on, q.said_on) NULLS LAST, st.id
                LIMIT 1
            ) a ON true
            WHERE c.id = ANY(@Ids)
        )
        SELECT page_claim, claim_text, claimant, claim_date, {ReviewStore.Columns}
        FROM claims JOIN review ON review.claim_id = claims.page_claim
        WHERE {ReviewFilters}
        ORDER BY array_position(@Ids, page_claim), {ReviewStore.Order}
        """;

    static async Task<Ok<FactCheckPage>> SearchFactChecks([AsParameters] FactCheckQuery query, NpgsqlDataSource db, ClaimIndex index, CancellationToken ct)
    {
        var hasToken = Cursor.TryDecode(query.PageToken, out var after);
        var afterScore = hasToken && float.TryParse(after.Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score : float.MaxValue;
        var filters = new
        {
            query.Query,
            Language = query.LanguageCode?.ToLowerInvariant(),
            Since = query.MaxAgeDays is { } days ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days) : (DateOnly?)null,
            Site = PublisherSites.Normalise(query.ReviewPublisherSiteFilter),
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        List<Guid> matching;
        (string Lexemes, long Position) words;
        await using (var found = await conn.QueryMultipleAsync(new CommandDefinition(MatchesSql, filters, cancellationToken: ct)))
        {
            matching = (await found.ReadAsync<Guid>()).AsList();
            words = await found.ReadSingleAsync<(string, long)>();
        }
        await index.CatchUpAsync(words.Position, ct);
        var ranked = index.LexicalScores(TsVectorText.Parse(words.Lexemes), matching, MatchTuning.Default)
            .Select(s => (Score: s.Value, Id: s.Key))
            .Where(s => !hasToken || s.Score < afterScore || s.Score == afterScore && s.Id.CompareTo(after.Id) < 0)
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Id)
            .Take(query.Take() + 1).ToList();

        var rows = await conn.QueryAsync<ClaimPart, ReviewResponse, (ClaimPart Claim, ReviewResponse Review)>(new CommandDefinition(PageSql, new
        {
            filters.Language, filters.Since, filters.Site, Ids = ranked.Select(r => r.Id).ToArray(),
        }, cancellationToken: ct), (claim, review) => (claim, review), splitOn: "id");
        var scores = ranked.ToDictionary(r => r.Id, r => r.Score);
        var claims = rows.GroupBy(r => r.Claim.PageClaim)
            .Select(g => (Key: new Cursor(scores[g.Key].ToString("R", CultureInfo.InvariantCulture), g.Key), Claim: ToClaim(g.First().Claim, g.Select(r => r.Review))))
            .ToList();
        var page = claims.ToPage(query.Take(), c => c.Key);
        return TypedResults.Ok(new FactCheckPage(page.Items.Select(c => c.Claim).ToList(), page.NextCursor));
    }

    static FactCheckClaim ToClaim(ClaimPart claim, IEnumerable<ReviewResponse> reviews) =>
        new(claim.ClaimText, claim.Claimant, Rfc3339(claim.ClaimDate), reviews.Select(r => new FactCheckReview(
            new FactCheckPublisher(r.PublisherName, r.PublisherSite), r.Url, r.Title, Rfc3339(r.ReviewedOn), r.TextualRating(), r.Language)).ToList());

    static DateTime? Rfc3339(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    sealed class ClaimPart
    {
        public Guid PageClaim { get; init; }
        public string ClaimText { get; init; } = "";
        public string? Claimant { get; init; }
        public DateOnly? ClaimDate { get; init; }
    }
}
