using System.Text.Json;
using Claims.Api.Infrastructure.Json;

namespace Claims.Api.Claims;

/// <summary>A claim's neighbourhood through counter-claims and supports, in either direction.</summary>
public static class ClaimGraphApi
{
    public const int MaxDepth = 5;
    public const int MaxNodes = 500;

    public static void MapClaimGraph(this RouteGroupBuilder group) =>
        group.MapGet("/{idOrSlug}/graph", GetClaimGraph).WithName(nameof(GetClaimGraph)).Validate<ClaimGraphQuery>()
            .WithSummary($"The claims reachable within depth (1–{MaxDepth}, default 2) links, each with who asserts and who disputes it, " +
                         $"and the links between them; at most {MaxNodes} nodes, with truncated set when more were reachable.");

    // One statement: a breadth-first walk that keeps each claim's shortest depth (so cycles end), one level past the
    // limit to tell whether anything was cut off, then the nodes with their holders and the edges among them as JSON.
    const string Sql = """
        WITH RECURSIVE start AS (SELECT id FROM claim WHERE id = @Id OR slug = @Slug),
        edges AS (
            SELECT from_claim_id AS here, to_claim_id AS there FROM claim_link
            UNION ALL
            SELECT to_claim_id, from_claim_id FROM claim_link
        ),
        walk (id, depth) AS (
            SELECT id, 0 FROM start
            UNION
            SELECT e.there, w.depth + 1 FROM walk w JOIN edges e ON e.here = w.id WHERE w.depth <= @Depth
        ),
        reached AS (SELECT id, min(depth) AS depth FROM walk GROUP BY id),
        kept AS (SELECT id, depth FROM reached WHERE depth <= @Depth ORDER BY depth, id LIMIT @MaxNodes),
        holders AS (
            SELECT st.claim_id, st.position, json_agg(json_build_object('id', sp.id, 'slug', sp.slug, 'name', sp.name) ORDER BY sp.name) AS speakers
            FROM stance st JOIN speaker sp ON sp.id = st.speaker_id
            WHERE st.claim_id IN (SELECT id FROM kept)
            GROUP BY st.claim_id, st.position
        )
        SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM start) THEN NULL ELSE json_build_object(
            'root', (SELECT id FROM start),
            'depth', @Depth,
            'truncated', (SELECT count(*) FROM reached) > (SELECT count(*) FROM kept),
            'nodes', (SELECT coalesce(json_agg(json_build_object(
                        'id', c.id, 'slug', c.slug, 'text', c.text, 'depth', k.depth,
                        'assertedBy', coalesce(a.speakers, '[]'::json), 'disputedBy', coalesce(d.speakers, '[]'::json))
                        ORDER BY k.depth, c.slug), '[]'::json)
                      FROM kept k JOIN claim c ON c.id = k.id
                      LEFT JOIN holders a ON a.claim_id = k.id AND a.position = 'asserts'
                      LEFT JOIN holders d ON d.claim_id = k.id AND d.position = 'disputes'),
            'edges', (SELECT coalesce(json_agg(json_build_object('from', l.from_claim_id, 'to', l.to_claim_id, 'kind', l.kind)
                        ORDER BY l.kind, l.from_claim_id, l.to_claim_id), '[]'::json)
                      FROM claim_link l
                      WHERE l.from_claim_id IN (SELECT id FROM kept) AND l.to_claim_id IN (SELECT id FROM kept))
        )::text END
        """;

    static async Task<Results<Ok<ClaimGraph>, NotFound>> GetClaimGraph(
        string idOrSlug, [AsParameters] ClaimGraphQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        var key = IdOrSlug.Parse(idOrSlug);
        await using var conn = await db.OpenConnectionAsync(ct);
        var json = await conn.ExecuteScalarAsync<string?>(new CommandDefinition(Sql,
            new { key.Id, key.Slug, Depth = query.Depth ?? 2, MaxNodes }, cancellationToken: ct));
        return json is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(JsonSerializer.Deserialize(json, AppJsonContext.Default.ClaimGraph)!);
    }
}
