using Claims.Api.Matching;
using Claims.Api.Reviews;
using static Claims.Api.Claims.ClaimQueries;

namespace Claims.Api.Claims;

public static class ClaimsApi
{
    public static RouteGroupBuilder MapClaims(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/claims").WithTags("Claims");

        group.MapClaimMatches();
        group.MapGet("/", ListClaims).WithName(nameof(ListClaims)).Validate<ClaimListQuery>()
            .WithSummary("Lists claims, newest first, filterable by who asserts or disputes them, an entity they mention, a topic, " +
                         "their reviews, and a search.");
        group.MapGet("/{idOrSlug}", GetClaim).WithName(nameof(GetClaim)).NegotiatesClaimReview().WithETag()
            .WithSummary("Gets a claim with its stances (who asserts, who disputes, with evidence), counter-claims and supports.");
        group.MapPost("/", CreateClaim).WithName(nameof(CreateClaim)).Validate<ClaimRequest>().ProducesProblem(409)
            .WithSummary("Creates a claim; the slug is derived from the text unless given.");
        group.MapPut("/{idOrSlug}", UpdateClaim).WithName(nameof(UpdateClaim)).Validate<ClaimRequest>().ProducesProblem(409).WithETag()
            .WithSummary("Replaces a claim's text and topics; an omitted slug keeps the current one. Honours If-Match.");
        group.MapPatch("/{idOrSlug}", PatchClaim).WithName(nameof(PatchClaim)).AcceptsMergePatch<ClaimRequest>().ProducesProblem(409).WithETag()
            .WithSummary("Changes a claim's text, slug or topics with a JSON Merge Patch. Honours If-Match.");
        group.MapDelete("/{idOrSlug}", DeleteClaim).WithName(nameof(DeleteClaim))
            .WithSummary("Deletes a claim with its stances and links. Honours If-Match.");

        group.MapClaimLinks();
        group.MapStances();
        group.MapClaimGraph();
        return group;
    }

    const string Columns = ClaimStore.Columns;

    static async Task<Ok<Page<ClaimResponse>>> ListClaims([AsParameters] ClaimListQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM claim c
            WHERE (@AssertedBy::text IS NULL OR c.id IN (
                    SELECT st.claim_id FROM stance st JOIN speaker s ON s.id = st.speaker_id
                    WHERE st.position = 'asserts' AND (s.id = @AssertedById OR s.slug = @AssertedBySlug)))
              AND (@DisputedBy::text IS NULL OR c.id IN (
                    SELECT st.claim_id FROM stance st JOIN speaker s ON s.id = st.speaker_id
                    WHERE st.position = 'disputes' AND (s.id = @DisputedById OR s.slug = @DisputedBySlug)))
              AND (@Entity::text IS NULL OR c.id IN (
                    SELECT ce.claim_id FROM claim_entity ce WHERE ce.entity_id IN (SELECT named_entities(@EntityId, @EntitySlug))))
              AND (@Q::text IS NULL OR c.id IN (SELECT matching_claims(@Q)))
              AND (@Topic::text IS NULL OR c.topics @> ARRAY[@Topic::text])
              AND (@Rating::text IS NULL OR c.id IN (SELECT r.claim_id FROM review r WHERE r.rating = @Rating))
              AND (@ReviewedBy::text IS NULL OR c.id IN (
                    SELECT r.claim_id FROM review r WHERE r.publisher_site = @ReviewedBySite
                    UNION ALL
                    SELECT r.claim_id FROM review r WHERE lower(r.publisher_name) = lower(@ReviewedBy)))
              AND (@AfterId::uuid IS NULL OR c.id < @AfterId)
            ORDER BY c.id DESC
            LIMIT @Take
            """;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var after);
        var (assertedBy, disputedBy, entity) = (IdOrSlug.Parse(query.AssertedBy ?? ""), IdOrSlug.Parse(query.DisputedBy ?? ""), IdOrSlug.Parse(query.Entity ?? ""));
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<ClaimResponse>(new CommandDefinition(sql, new
        {
            query.AssertedBy,
            AssertedById = assertedBy.Id,
            AssertedBySlug = assertedBy.Slug,
            query.DisputedBy,
            DisputedById = disputedBy.Id,
            DisputedBySlug = disputedBy.Slug,
            query.Entity,
            EntityId = entity.Id,
            EntitySlug = entity.Slug,
            query.Q,
            query.Topic,
            Rating = query.Rating is null ? null : Enum.Parse<Rating>(query.Rating, ignoreCase: true).ToDb(),
            query.ReviewedBy,
            ReviewedBySite = PublisherSites.Normalise(query.ReviewedBy),
            AfterId = hasCursor ? after.Id : (Guid?)null,
            Take = query.Take() + 1,
        }, cancellationToken: ct));
        return TypedResults.Ok(rows.AsList().ToPage(query.Take(), c => new Cursor("", c.Id)));
    }

    static async Task<Results<Ok<ClaimDetail>, NotFound>> GetClaim(string idOrSlug, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var claim = await ClaimStore.FindAsync(conn, null, IdOrSlug.Parse(idOrSlug), ct);
        return claim is null ? TypedResults.NotFound() : TypedResults.Ok(claim);
    }

    static async Task<Created<ClaimResponse>> CreateClaim(ClaimRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"INSERT INTO claim (id, slug, text, topics) VALUES (@Id, @Slug, @Text, @Topics) RETURNING {Columns}";
        await using var conn = await db.OpenConnectionAsync(ct);
        var claim = await Slugs.InsertAsync(conn, SlugTable.Claim, request.Slug, request.Text!, slug => conn.QuerySingleAsync<ClaimResponse>(
            new CommandDefinition(sql, ClaimStore.Parameters(Guid.CreateVersion7(), slug, request), cancellationToken: ct)), ct);
        return TypedResults.Created($"/v1/claims/{claim.Slug}", claim);
    }

    static Task<Results<Ok<ClaimDetail>, NotFound, ProblemHttpResult>> UpdateClaim(
        string idOrSlug, ClaimRequest request, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.ReplaceAsync(http, db, ClaimStore.Instance, IdOrSlug.Parse(idOrSlug), request, ct);

    static Task<Results<Ok<ClaimDetail>, NotFound, ProblemHttpResult, ValidationProblem>> PatchClaim(
        string idOrSlug, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.PatchAsync(http, db, ClaimStore.Instance, IdOrSlug.Parse(idOrSlug), ct);

    static Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteClaim(
        string idOrSlug, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.DeleteAsync(http, db, ClaimStore.Instance, IdOrSlug.Parse(idOrSlug), ct);
}
