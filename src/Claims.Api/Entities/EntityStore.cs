using Claims.Api.Claims;
using Claims.Api.Quotes;

namespace Claims.Api.Entities;

/// <summary>How an entity is read with what mentions it, and written, for its GET and its conditional writes.</summary>
sealed class EntityStore : IResourceStore<EntityRequest, EntityDetail>
{
    public static readonly EntityStore Instance = new();

    public const string Columns = "id, slug, name, aliases, created_at, updated_at";

    public string LockSql => "SELECT id FROM entity WHERE id = @Id OR slug = @Slug FOR UPDATE";

    public string DeleteSql => "DELETE FROM entity WHERE id = @Id";

    public async Task<EntityDetail> RenderAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await FindAsync(conn, tx, new IdOrSlug(id, ""), ct))!;

    public EntityRequest ToRequest(EntityDetail view) => new(view.Name, view.Slug, view.Aliases);

    public async Task UpdateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, EntityRequest request, CancellationToken ct)
    {
        const string sql = "UPDATE entity SET name = @Name, slug = coalesce(@Slug, slug), aliases = @Aliases, updated_at = now() WHERE id = @Id";
        await conn.ExecuteAsync(new CommandDefinition(sql, Parameters(id, request.Slug, request), tx, cancellationToken: ct));
    }

    /// <summary>The columns a request writes, as stored: the name and each alias trimmed, since mentions match them as
    /// whole words (an alias " NATO " found no "NATO" after a letter).</summary>
    public static object Parameters(Guid id, string? slug, EntityRequest request) => new
    {
        Id = id,
        Slug = slug,
        Name = request.Name!.Trim(),
        Aliases = (request.Aliases ?? []).Select(a => a.Trim()).ToArray(),
    };

    /// <summary>The entity with the newest claims and quotes that mention it; null when there is none.</summary>
    public static async Task<EntityDetail?> FindAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, IdOrSlug key, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns},
                   (SELECT count(*)::int FROM claim_entity ce WHERE ce.entity_id = e.id) AS claim_count,
                   (SELECT count(*)::int FROM quote_entity qe WHERE qe.entity_id = e.id) AS quote_count
            FROM entity e WHERE id = @Id OR slug = @Slug;

            SELECT c.id, c.slug, c.text
            FROM claim_entity ce JOIN claim c ON c.id = ce.claim_id
            WHERE ce.entity_id = (SELECT id FROM entity WHERE id = @Id OR slug = @Slug)
            ORDER BY c.id DESC
            LIMIT 20;

            {QuoteQueries.Select}
            JOIN quote_entity qe ON qe.quote_id = q.id
            WHERE qe.entity_id = (SELECT id FROM entity WHERE id = @Id OR slug = @Slug)
            ORDER BY coalesce(q.said_on, '-infinity'::date) DESC, q.id DESC
            LIMIT 20;
            """;
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition(sql, key, tx, cancellationToken: ct));
        var entity = await results.ReadSingleOrDefaultAsync<EntityDetail>();
        if (entity is null) return null;
        var claims = (await results.ReadAsync<ClaimRef>()).AsList();
        var quotes = (await results.ReadAsync<QuoteQueries.QuoteRow>()).Select(q => q.ToResponse()).ToList();
        return entity with { Claims = claims, Quotes = quotes };
    }
}
