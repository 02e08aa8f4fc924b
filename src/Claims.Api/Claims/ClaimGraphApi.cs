using System.Text.Json;
using Claims.Api.Arguments;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Infrastructure.OpenApi;
using Microsoft.Net.Http.Headers;

namespace Claims.Api.Claims;

/// <summary>A claim's neighbourhood through counter-claims and supports, in either direction.</summary>
public static class ClaimGraphApi
{
    public const int MaxDepth = 5;
    public const int MaxNodes = 500;

    public static void MapClaimGraph(this RouteGroupBuilder group) =>
        group.MapGet("/{idOrSlug}/graph", GetClaimGraph).WithName(nameof(GetClaimGraph)).Validate<ClaimGraphQuery>()
            .ProducesAlso<AifNodeset>(AifVocabulary.MediaType)
            .WithSummary($"The claims reachable within depth (1–{MaxDepth}, default 2) links, each with who asserts and who disputes it " +
                         $"(the first {HoldersShown} of each side, and how many in all), " +
                         $"and the links between them; at most {MaxNodes} nodes, with truncated set when more were reachable. " +
                         $"As an AIF argument map ({AifVocabulary.MediaType}) with format=aif or an Accept that prefers it.");

    /// <summary>Holders listed per side of each node; the counts say how many there are in all.</summary>
    public const int HoldersShown = 25;

    /// <summary>The walk from the claim named by @Id or @Slug: <c>start</c> (no row when there is no such claim) and <c>kept</c>.</summary>
    public const string WalkSql = """
        WITH start AS (SELECT id FROM claim WHERE id = @Id OR slug = @Slug),
        kept AS MATERIALIZED (SELECT w.id, w.depth, w.truncated FROM start, claim_neighbourhood(start.id, @Depth, @MaxNodes) AS w)
        """;

    // One statement: the walk and each node's holders (claim_neighbourhood and claim_holders in the migrations), then
    // the nodes and the edges among them, as JSON.
    const string Sql = $"""
        {WalkSql}
        SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM start) THEN NULL ELSE json_build_object(
            'root', (SELECT id FROM start),
            'depth', @Depth,
            'truncated', coalesce((SELECT bool_or(truncated) FROM kept), false),
            'nodes', (SELECT coalesce(json_agg(json_build_object(
                        'id', c.id, 'slug', c.slug, 'text', c.text, 'depth', k.depth,
                        'assertedBy', a.speakers, 'assertedByCount', a.total, 'disputedBy', d.speakers, 'disputedByCount', d.total)
                        ORDER BY k.depth, c.slug), '[]'::json)
                      FROM kept k JOIN claim c ON c.id = k.id,
                      claim_holders(k.id, 'asserts', @HoldersShown) AS a, claim_holders(k.id, 'disputes', @HoldersShown) AS d),
            'edges', (SELECT coalesce(json_agg(json_build_object('from', l.from_claim_id, 'to', l.to_claim_id, 'kind', l.kind)
                        ORDER BY l.kind, l.from_claim_id, l.to_claim_id), '[]'::json)
                      FROM claim_link l
                      WHERE l.from_claim_id IN (SELECT id FROM kept) AND l.to_claim_id IN (SELECT id FROM kept))
        )::text END
        """;

    static async Task<Results<Ok<ClaimGraph>, FileContentHttpResult, NotFound>> GetClaimGraph(
        string idOrSlug, [AsParameters] ClaimGraphQuery query, HttpContext http, NpgsqlDataSource db, CancellationToken ct)
    {
        var key = IdOrSlug.Parse(idOrSlug);
        var depth = query.Depth ?? 2;
        http.Response.Headers.Vary = HeaderNames.Accept;
        if (query.Format == ClaimGraphQuery.Aif || query.Format is null && ContentNegotiation.Prefers(http.Request, AifVocabulary.MediaType))
            return await ClaimGraphAif.ExportAsync(db, key, depth, ct) is { } aif
                ? TypedResults.Bytes(aif, AifVocabulary.MediaType)
                : TypedResults.NotFound();

        await using var conn = await db.OpenConnectionAsync(ct);
        var json = await conn.ExecuteScalarAsync<string?>(new CommandDefinition(Sql,
            new { key.Id, key.Slug, Depth = depth, MaxNodes, HoldersShown }, cancellationToken: ct));
        return json is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(JsonSerializer.Deserialize(json, AppJsonContext.Default.ClaimGraph)!);
    }
}
