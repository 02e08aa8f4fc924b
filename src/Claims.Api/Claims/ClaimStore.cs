using Claims.Api.Reviews;
using static Claims.Api.Claims.ClaimQueries;

namespace Claims.Api.Claims;

/// <summary>How a claim is read with all it relates to, and written, for its GET and its conditional writes.</summary>
sealed class ClaimStore : IResourceStore<ClaimRequest, ClaimDetail>
{
    public static readonly ClaimStore Instance = new();

    public const string Columns = "id, slug, text, topics, created_at, updated_at";

    public string LockSql => "SELECT id FROM claim WHERE id = @Id OR slug = @Slug FOR UPDATE";

    public string DeleteSql => "DELETE FROM claim WHERE id = @Id";

    public async Task<ClaimDetail> RenderAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await FindAsync(conn, tx, new IdOrSlug(id, ""), ct))!;

    public ClaimRequest ToRequest(ClaimDetail view) => new(view.Text, view.Slug, [.. view.Topics]);

    public async Task UpdateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, ClaimRequest request, CancellationToken ct)
    {
        const string sql = "UPDATE claim SET text = @Text, slug = coalesce(@Slug, slug), topics = @Topics, updated_at = now() WHERE id = @Id";
        await conn.ExecuteAsync(new CommandDefinition(sql, Parameters(id, request.Slug, request), tx, cancellationToken: ct));
    }

    /// <summary>The columns a request writes, as stored: the text and each topic trimmed, each topic once.</summary>
    public static object Parameters(Guid id, string? slug, ClaimRequest request) => new
    {
        Id = id,
        Slug = slug,
        Text = request.Text!.Trim(),
        Topics = (request.Topics ?? []).Select(t => t.Trim()).Distinct().ToArray(),
    };

    /// <summary>The claim with its entities, stances, counter-claims, supports and reviews; null when there is none.</summary>
    public static async Task<ClaimDetail?> FindAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, IdOrSlug key, CancellationToken ct)
    {
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

            WITH {Target}
            SELECT {ReviewStore.Columns} FROM review WHERE claim_id = (SELECT id FROM target) ORDER BY {ReviewStore.Order};
            """;
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition(sql, key, tx, cancellationToken: ct));
        var claim = await results.ReadSingleOrDefaultAsync<ClaimResponse>();
        if (claim is null) return null;

        var entities = (await results.ReadAsync<EntityRef>()).AsList();
        var stances = (await results.ReadAsync<StanceRow>()).Select(s => s.ToResponse()).ToList();
        var related = (await results.ReadAsync<(string Relation, Guid Id, string Slug, string Text)>()).AsList();
        var reviews = (await results.ReadAsync<ReviewResponse>()).AsList();
        List<ClaimRef> Related(string relation) =>
            related.Where(r => r.Relation == relation).Select(r => new ClaimRef(r.Id, r.Slug, r.Text)).ToList();

        return new ClaimDetail(
            claim.Id, claim.Slug, claim.Text, claim.Topics, claim.CreatedAt, claim.UpdatedAt,
            entities, stances, Related("counters"), Related("supports"), Related("supportedBy"), reviews);
    }
}
