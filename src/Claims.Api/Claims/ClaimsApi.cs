using static Claims.Api.Claims.ClaimQueries;

namespace Claims.Api.Claims;

public static class ClaimsApi
{
    public static RouteGroupBuilder MapClaims(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/claims").WithTags("Claims");

        group.MapGet("/", ListClaims).WithName(nameof(ListClaims)).Validate<ClaimListQuery>()
            .WithSummary("Lists claims, newest first, filterable by who asserts or disputes them, an entity they mention, and a search.");
        group.MapGet("/{idOrSlug}", GetClaim).WithName(nameof(GetClaim))
            .WithSummary("Gets a claim with its stances (who asserts, who disputes, with evidence), counter-claims and supports.");
        group.MapPost("/", CreateClaim).WithName(nameof(CreateClaim)).Validate<ClaimRequest>().ProducesProblem(409)
            .WithSummary("Creates a claim; the slug is derived from the text unless given.");
        group.MapPut("/{idOrSlug}", UpdateClaim).WithName(nameof(UpdateClaim)).Validate<ClaimRequest>().ProducesProblem(409)
            .WithSummary("Replaces a claim's text; an omitted slug keeps the current one.");
        group.MapDelete("/{idOrSlug}", DeleteClaim).WithName(nameof(DeleteClaim))
            .WithSummary("Deletes a claim with its stances and links.");

        group.MapClaimLinks();
        group.MapStances();
        group.MapClaimGraph();
        return group;
    }

    const string Columns = "id, slug, text, created_at, updated_at";

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
            AfterId = hasCursor ? after.Id : (Guid?)null,
            Take = query.Take() + 1,
        }, cancellationToken: ct));
        return TypedResults.Ok(rows.AsList().ToPage(query.Take(), c => new Cursor("", c.Id)));
    }

    static async Task<Results<Ok<ClaimDetail>, NotFound>> GetClaim(string idOrSlug, NpgsqlDataSource db, CancellationToken ct)
    {
        // Four statements, one round trip.
        const string sql = $"""
            SELECT {Columns} FROM claim WHERE id = @Id OR slug = @Slug;

            WITH {Target}
            SELECT e.id, e.slug, e.name
            FROM claim_entity ce JOIN entity e ON e.id = ce.entity_id
            WHERE ce.claim_id = (SELECT id FROM target)
            ORDER BY e.name;

            WITH {Target}
            {SelectStance}
            WHERE st.claim_id = (SELECT id FROM target)
            ORDER BY st.position, sp.name, st.id;

            WITH {Target}, related AS (
                SELECT 'counters' AS relation, CASE WHEN l.from_claim_id = t.id THEN l.to_claim_id ELSE l.from_claim_id END AS other_id
                FROM claim_link l, target t
                WHERE l.kind = 'counters' AND (l.from_claim_id = t.id OR l.to_claim_id = t.id)
                UNION ALL
                SELECT 'supports', l.to_claim_id FROM claim_link l, target t WHERE l.kind = 'supports' AND l.from_claim_id = t.id
                UNION ALL
                SELECT 'supportedBy', l.from_claim_id FROM claim_link l, target t WHERE l.kind = 'supports' AND l.to_claim_id = t.id
            )
            SELECT r.relation, c.id, c.slug, c.text
            FROM related r JOIN claim c ON c.id = r.other_id
            ORDER BY c.slug;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition(sql, IdOrSlug.Parse(idOrSlug), cancellationToken: ct));
        var claim = await results.ReadSingleOrDefaultAsync<ClaimResponse>();
        if (claim is null) return TypedResults.NotFound();

        var entities = (await results.ReadAsync<EntityRef>()).AsList();
        var stances = (await results.ReadAsync<StanceRow>()).Select(s => s.ToResponse()).ToList();
        var related = (await results.ReadAsync<(string Relation, Guid Id, string Slug, string Text)>()).AsList();
        List<ClaimRef> Related(string relation) =>
            related.Where(r => r.Relation == relation).Select(r => new ClaimRef(r.Id, r.Slug, r.Text)).ToList();

        return TypedResults.Ok(new ClaimDetail(
            claim.Id, claim.Slug, claim.Text, claim.CreatedAt, claim.UpdatedAt,
            entities, stances, Related("counters"), Related("supports"), Related("supportedBy")));
    }

    static async Task<Created<ClaimResponse>> CreateClaim(ClaimRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"INSERT INTO claim (id, slug, text) VALUES (@Id, @Slug, @Text) RETURNING {Columns}";
        await using var conn = await db.OpenConnectionAsync(ct);
        var slug = request.Slug ?? await Slugs.FreeSlugAsync(conn, SlugTable.Claim, request.Text!, null, ct);
        var claim = await conn.QuerySingleAsync<ClaimResponse>(new CommandDefinition(sql,
            new { Id = Guid.CreateVersion7(), Slug = slug, Text = request.Text!.Trim() }, cancellationToken: ct));
        return TypedResults.Created($"/v1/claims/{claim.Slug}", claim);
    }

    static async Task<Results<Ok<ClaimResponse>, NotFound>> UpdateClaim(string idOrSlug, ClaimRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            UPDATE claim SET text = @Text, slug = coalesce(@NewSlug, slug), updated_at = now()
            WHERE id = @Id OR slug = @Slug
            RETURNING {Columns}
            """;
        var key = IdOrSlug.Parse(idOrSlug);
        await using var conn = await db.OpenConnectionAsync(ct);
        var claim = await conn.QuerySingleOrDefaultAsync<ClaimResponse>(new CommandDefinition(sql,
            new { key.Id, key.Slug, NewSlug = request.Slug, Text = request.Text!.Trim() }, cancellationToken: ct));
        return claim is null ? TypedResults.NotFound() : TypedResults.Ok(claim);
    }

    static async Task<Results<NoContent, NotFound>> DeleteClaim(string idOrSlug, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = "DELETE FROM claim WHERE id = @Id OR slug = @Slug";
        await using var conn = await db.OpenConnectionAsync(ct);
        var deleted = await conn.ExecuteAsync(new CommandDefinition(sql, IdOrSlug.Parse(idOrSlug), cancellationToken: ct));
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
