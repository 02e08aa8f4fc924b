namespace Claims.Api.Reviews;

/// <summary>
/// Google's Fact Check Tools <c>claims:search</c>, answered from this knowledge base in Google's shape, so clients of
/// that API can read ours. A claim appears when it matches the query and has a review passing the review filters;
/// it carries those reviews. Claims come newest review first (Google ranks by relevance), so pages are a keyset.
/// </summary>
public static class FactCheckSearchApi
{
    public static void MapFactCheckSearch(this IEndpointRouteBuilder app) =>
        app.MapGet("/v1/factcheck/claims:search", SearchFactChecks).WithName(nameof(SearchFactChecks)).WithTags("Reviews")
            .Validate<FactCheckQuery>()
            .WithSummary("Searches reviewed claims in the shape of Google's Fact Check Tools API (v1alpha1 claims:search).");

    // One row per (claim, review) of the page, in page order: the claim's part, then the review's columns. The claimant
    // is the asserting speaker who said it first (then who took the stance first); when is the stance's own date (an
    // imported claimDate), else its evidence quote's. The window takes the earliest date over all of them before LIMIT.
    const string Sql = $"""
        WITH reviews AS MATERIALIZED (
            SELECT {ReviewStore.Columns} FROM review
            WHERE claim_id IN (SELECT matching_claims(@Query))
              AND (@Language::text IS NULL OR lower(language) = @Language OR lower(language) LIKE @Language || '-%')
              AND (@Since::date IS NULL OR reviewed_on >= @Since)
              AND (@Site::text IS NULL OR publisher_site = @Site)
        ),
        page AS (
            SELECT claim_id AS page_claim, max(reviewed_on) AS newest FROM reviews
            GROUP BY claim_id
            HAVING @AfterId::uuid IS NULL
                OR (coalesce(max(reviewed_on), '-infinity'::date), claim_id) < (coalesce(@AfterDate::date, '-infinity'::date), @AfterId)
            ORDER BY coalesce(max(reviewed_on), '-infinity'::date) DESC, claim_id DESC
            LIMIT @Take
        ),
        claims AS (
            SELECT p.page_claim, p.newest, c.text AS claim_text, a.claimant, a.claim_date
            FROM page p
            JOIN claim c ON c.id = p.page_claim
            LEFT JOIN LATERAL (
                SELECT sp.name AS claimant, min(coalesce(st.said_on, q.said_on)) OVER () AS claim_date
                FROM stance st JOIN speaker sp ON sp.id = st.speaker_id LEFT JOIN quote q ON q.id = st.quote_id
                WHERE st.claim_id = p.page_claim AND st.position = 'asserts'
                ORDER BY coalesce(st.said_on, q.said_on) NULLS LAST, st.id
                LIMIT 1
            ) a ON true
        )
        SELECT page_claim, newest, claim_text, claimant, claim_date, {ReviewStore.Columns}
        FROM claims JOIN reviews ON reviews.claim_id = claims.page_claim
        ORDER BY coalesce(newest, '-infinity'::date) DESC, page_claim DESC, {ReviewStore.Order}
        """;

    static async Task<Ok<FactCheckPage>> SearchFactChecks([AsParameters] FactCheckQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        var hasToken = Cursor.TryDecode(query.PageToken, out var after);
        after.TryDateKey(out var afterDate);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<ClaimPart, ReviewResponse, (ClaimPart Claim, ReviewResponse Review)>(new CommandDefinition(Sql, new
        {
            query.Query,
            Language = query.LanguageCode?.ToLowerInvariant(),
            Since = query.MaxAgeDays is { } days ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days) : (DateOnly?)null,
            Site = PublisherSites.Normalise(query.ReviewPublisherSiteFilter),
            AfterId = hasToken ? after.Id : (Guid?)null,
            AfterDate = hasToken ? afterDate : null,
            Take = query.Take() + 1,
        }, cancellationToken: ct), (claim, review) => (claim, review), splitOn: "id");

        var claims = rows.GroupBy(r => r.Claim.PageClaim)
            .Select(g => (Key: Cursor.FromDate(g.First().Claim.Newest, g.Key), Claim: ToClaim(g.First().Claim, g.Select(r => r.Review))))
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
        public DateOnly? Newest { get; init; }
        public string ClaimText { get; init; } = "";
        public string? Claimant { get; init; }
        public DateOnly? ClaimDate { get; init; }
    }
}
