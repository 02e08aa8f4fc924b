
namespace Claims.Api.Claims;

/// <summary>Counter-claims (symmetric: seen from both claims) and supports (directed: this claim supports the other).</summary>
public static class ClaimLinksApi
{
    public static void MapClaimLinks(this RouteGroupBuilder group)
    {
        group.MapPost("/{idOrSlug}/counter-claims", LinkCounterClaim).WithName(nameof(LinkCounterClaim))
            .Validate<ClaimLinkRequest>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Records that the two claims counter each other.");
        group.MapGet("/{idOrSlug}/counter-claims/{otherId:guid}", GetCounterClaim).WithName(nameof(GetCounterClaim))
            .WithSummary("Gets the other claim of a counter-claim link, whichever claim it was made from.");
        group.MapDelete("/{idOrSlug}/counter-claims/{otherId:guid}", UnlinkCounterClaim).WithName(nameof(UnlinkCounterClaim))
            .WithSummary("Removes a counter-claim link, whichever claim it was made from.");
        group.MapPost("/{idOrSlug}/supports", LinkSupportedClaim).WithName(nameof(LinkSupportedClaim))
            .Validate<ClaimLinkRequest>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Records that this claim supports the other.");
        group.MapGet("/{idOrSlug}/supports/{otherId:guid}", GetSupportedClaim).WithName(nameof(GetSupportedClaim))
            .WithSummary("Gets the claim this claim supports, when it does.");
        group.MapDelete("/{idOrSlug}/supports/{otherId:guid}", UnlinkSupportedClaim).WithName(nameof(UnlinkSupportedClaim))
            .WithSummary("Removes a supports link from this claim to the other.");
    }

    const string Counters = "counters";
    const string Supports = "supports";

    static Task<Results<Created<ClaimRef>, NotFound>> LinkCounterClaim(
        string idOrSlug, ClaimLinkRequest request, NpgsqlDataSource db, CancellationToken ct) =>
        LinkAsync(idOrSlug, request.ClaimId!.Value, Counters, "counter-claims", db, ct);

    static Task<Results<Created<ClaimRef>, NotFound>> LinkSupportedClaim(
        string idOrSlug, ClaimLinkRequest request, NpgsqlDataSource db, CancellationToken ct) =>
        LinkAsync(idOrSlug, request.ClaimId!.Value, Supports, "supports", db, ct);

    static Task<Results<Ok<ClaimRef>, NotFound>> GetCounterClaim(string idOrSlug, Guid otherId, NpgsqlDataSource db, CancellationToken ct) =>
        GetLinkedAsync(idOrSlug, otherId, Counters, db, ct);

    static Task<Results<Ok<ClaimRef>, NotFound>> GetSupportedClaim(string idOrSlug, Guid otherId, NpgsqlDataSource db, CancellationToken ct) =>
        GetLinkedAsync(idOrSlug, otherId, Supports, db, ct);

    static Task<Results<NoContent, NotFound>> UnlinkCounterClaim(string idOrSlug, Guid otherId, NpgsqlDataSource db, CancellationToken ct) =>
        UnlinkAsync(idOrSlug, otherId, Counters, db, ct);

    static Task<Results<NoContent, NotFound>> UnlinkSupportedClaim(string idOrSlug, Guid otherId, NpgsqlDataSource db, CancellationToken ct) =>
        UnlinkAsync(idOrSlug, otherId, Supports, db, ct);

    static async Task<Results<Created<ClaimRef>, NotFound>> LinkAsync(
        string idOrSlug, Guid otherId, string kind, string path, NpgsqlDataSource db, CancellationToken ct)
    {
        // Constraints answer for the rest: an unknown other claim (404), a self-link (400), a duplicate in either direction (409).
        const string sql = $"""
            WITH {ClaimQueries.Target}, link AS (
                INSERT INTO claim_link (from_claim_id, to_claim_id, kind)
                SELECT id, @OtherId, @Kind FROM target
                RETURNING from_claim_id, to_claim_id
            )
            SELECT c.id, c.slug, c.text FROM link JOIN claim c ON c.id = link.to_claim_id
            """;
        var key = IdOrSlug.Parse(idOrSlug);
        await using var conn = await db.OpenConnectionAsync(ct);
        var other = await conn.QuerySingleOrDefaultAsync<ClaimRef>(new CommandDefinition(sql,
            new { key.Id, key.Slug, OtherId = otherId, Kind = kind }, cancellationToken: ct));
        return other is null
            ? TypedResults.NotFound()
            : TypedResults.Created($"/v1/claims/{idOrSlug}/{path}/{other.Id}", other);
    }

    static async Task<Results<Ok<ClaimRef>, NotFound>> GetLinkedAsync(
        string idOrSlug, Guid otherId, string kind, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            WITH {ClaimQueries.Target}
            SELECT c.id, c.slug, c.text
            FROM claim c, target t
            WHERE c.id = @OtherId AND EXISTS (
                SELECT 1 FROM claim_link l
                WHERE l.kind = @Kind
                  AND ((l.from_claim_id = t.id AND l.to_claim_id = @OtherId)
                       OR (@Kind = 'counters' AND l.from_claim_id = @OtherId AND l.to_claim_id = t.id)))
            """;
        var key = IdOrSlug.Parse(idOrSlug);
        await using var conn = await db.OpenConnectionAsync(ct);
        var other = await conn.QuerySingleOrDefaultAsync<ClaimRef>(new CommandDefinition(sql,
            new { key.Id, key.Slug, OtherId = otherId, Kind = kind }, cancellationToken: ct));
        return other is null ? TypedResults.NotFound() : TypedResults.Ok(other);
    }

    static async Task<Results<NoContent, NotFound>> UnlinkAsync(string idOrSlug, Guid otherId, string kind, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            WITH {ClaimQueries.Target}
            DELETE FROM claim_link l USING target t
            WHERE l.kind = @Kind
              AND ((l.from_claim_id = t.id AND l.to_claim_id = @OtherId)
                   OR (@Kind = 'counters' AND l.from_claim_id = @OtherId AND l.to_claim_id = t.id))
            """;
        var key = IdOrSlug.Parse(idOrSlug);
        await using var conn = await db.OpenConnectionAsync(ct);
        var deleted = await conn.ExecuteAsync(new CommandDefinition(sql, new { key.Id, key.Slug, OtherId = otherId, Kind = kind }, cancellationToken: ct));
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
