namespace Claims.Api.Entities;

/// <summary>
/// Mentions set by hand. Automatic ones follow the text when a quote, claim or entity is written; one added by hand
/// is kept as 'manual', and removing a mention by hand lasts until its text or the entity's names change.
/// </summary>
public static class EntityMentionsApi
{
    public static void MapEntityMentions(this RouteGroupBuilder group)
    {
        group.MapPost("/{idOrSlug}/mentions", AddMention).WithName(nameof(AddMention))
            .Validate<MentionRequest>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Records by hand that a quote or claim mentions the entity.");
        group.MapGet("/{idOrSlug}/mentions/{targetId:guid}", GetMention).WithName(nameof(GetMention))
            .WithSummary("Gets the mention of the entity by a quote or claim (by the quote's or claim's id), automatic or by hand.");
        group.MapDelete("/{idOrSlug}/mentions/{targetId:guid}", RemoveMention).WithName(nameof(RemoveMention))
            .WithSummary("Removes the mention of the entity by a quote or claim (by the quote's or claim's id).");
    }

    static async Task<Results<Created<MentionResponse>, NotFound, ProblemHttpResult>> AddMention(
        string idOrSlug, MentionRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        // A mention found automatically becomes manual; one already manual is a duplicate.
        const string quoteSql = """
            INSERT INTO quote_entity (quote_id, entity_id, origin)
            SELECT @TargetId, id, 'manual' FROM entity WHERE id = @Id OR slug = @Slug
            ON CONFLICT (quote_id, entity_id) DO UPDATE SET origin = 'manual' WHERE quote_entity.origin = 'auto'
            RETURNING entity_id
            """;
        const string claimSql = """
            INSERT INTO claim_entity (claim_id, entity_id, origin)
            SELECT @TargetId, id, 'manual' FROM entity WHERE id = @Id OR slug = @Slug
            ON CONFLICT (claim_id, entity_id) DO UPDATE SET origin = 'manual' WHERE claim_entity.origin = 'auto'
            RETURNING entity_id
            """;
        const string entityExists = "SELECT EXISTS (SELECT 1 FROM entity WHERE id = @Id OR slug = @Slug)";

        var key = IdOrSlug.Parse(idOrSlug);
        await using var conn = await db.OpenConnectionAsync(ct);
        var entityId = await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(request.QuoteId is null ? claimSql : quoteSql,
            new { key.Id, key.Slug, TargetId = request.QuoteId ?? request.ClaimId }, cancellationToken: ct));
        if (entityId is null)
        {
            var exists = await conn.ExecuteScalarAsync<bool>(new CommandDefinition(entityExists, key, cancellationToken: ct));
            return exists
                ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: "The mention is already recorded by hand.")
                : TypedResults.NotFound();
        }
        var mention = new MentionResponse(entityId.Value, request.QuoteId, request.ClaimId, MentionOrigin.Manual);
        return TypedResults.Created($"/v1/entities/{idOrSlug}/mentions/{request.QuoteId ?? request.ClaimId}", mention);
    }

    static async Task<Results<Ok<MentionResponse>, NotFound>> GetMention(string idOrSlug, Guid targetId, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = """
            WITH target AS (SELECT id FROM entity WHERE id = @Id OR slug = @Slug)
            SELECT m.entity_id, m.quote_id, NULL::uuid AS claim_id, m.origin
            FROM quote_entity m JOIN target t ON m.entity_id = t.id WHERE m.quote_id = @TargetId
            UNION ALL
            SELECT m.entity_id, NULL, m.claim_id, m.origin
            FROM claim_entity m JOIN target t ON m.entity_id = t.id WHERE m.claim_id = @TargetId
            """;
        var key = IdOrSlug.Parse(idOrSlug);
        await using var conn = await db.OpenConnectionAsync(ct);
        var mention = await conn.QueryFirstOrDefaultAsync<MentionResponse>(new CommandDefinition(sql,
            new { key.Id, key.Slug, TargetId = targetId }, cancellationToken: ct));
        return mention is null ? TypedResults.NotFound() : TypedResults.Ok(mention);
    }

    static async Task<Results<NoContent, NotFound>> RemoveMention(string idOrSlug, Guid targetId, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = """
            WITH target AS (SELECT id FROM entity WHERE id = @Id OR slug = @Slug),
            quotes AS (DELETE FROM quote_entity m USING target t WHERE m.entity_id = t.id AND m.quote_id = @TargetId RETURNING 1),
            claims AS (DELETE FROM claim_entity m USING target t WHERE m.entity_id = t.id AND m.claim_id = @TargetId RETURNING 1)
            SELECT (SELECT count(*) FROM quotes) + (SELECT count(*) FROM claims)
            """;
        var key = IdOrSlug.Parse(idOrSlug);
        await using var conn = await db.OpenConnectionAsync(ct);
        var deleted = await conn.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { key.Id, key.Slug, TargetId = targetId }, cancellationToken: ct));
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
