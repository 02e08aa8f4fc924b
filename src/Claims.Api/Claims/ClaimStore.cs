using System.Text.Json;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Reviews;

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
        var json = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            key.Id is null ? DetailBySlugSql : DetailByIdSql, key, tx, cancellationToken: ct));
        return json is null ? null : JsonSerializer.Deserialize(json, AppJsonContext.Default.ClaimDetail);
    }

    // The whole answer in one statement, as JSON in the shape of ClaimDetail; each list is read by its own index.
    static readonly string DetailSql = $"""
        SELECT json_build_object(
            'id', c.id, 'slug', c.slug, 'text', c.text, 'topics', c.topics,
            'createdAt', {Utc("c.created_at")}, 'updatedAt', {Utc("c.updated_at")},
            'entities', coalesce((
                SELECT json_agg(json_build_object('id', e.id, 'slug', e.slug, 'name', e.name) ORDER BY e.name)
                FROM claim_entity ce JOIN entity e ON e.id = ce.entity_id WHERE ce.claim_id = c.id), '[]'),
            'stances', coalesce((
                SELECT json_agg(json_build_object(
                    'id', st.id, 'speaker', json_build_object('id', sp.id, 'slug', sp.slug, 'name', sp.name),
                    'position', st.position, 'saidOn', st.said_on, 'context', st.context,
                    'quote', CASE WHEN q.id IS NOT NULL THEN json_build_object(
                        'id', q.id, 'kind', q.kind, 'text', q.text, 'saidOn', q.said_on,
                        'source', json_build_object('id', src.id, 'url', src.url, 'title', src.title,
                                                    'publisher', src.publisher, 'publishedOn', src.published_on)) END,
                    'createdAt', {Utc("st.created_at")}) ORDER BY st.position, sp.name, st.id)
                FROM stance st
                JOIN speaker sp ON sp.id = st.speaker_id
                LEFT JOIN quote q ON q.id = st.quote_id
                LEFT JOIN source src ON src.id = q.source_id
                WHERE st.claim_id = c.id), '[]'),
            'counterClaims', coalesce((
                SELECT json_agg({Ref} ORDER BY o.slug) FROM claim_link l
                JOIN claim o ON o.id = CASE WHEN l.from_claim_id = c.id THEN l.to_claim_id ELSE l.from_claim_id END
                WHERE l.kind = 'counters' AND (l.from_claim_id = c.id OR l.to_claim_id = c.id)), '[]'),
            'supports', coalesce((
                SELECT json_agg({Ref} ORDER BY o.slug) FROM claim_link l JOIN claim o ON o.id = l.to_claim_id
                WHERE l.kind = 'supports' AND l.from_claim_id = c.id), '[]'),
            'supportedBy', coalesce((
                SELECT json_agg({Ref} ORDER BY o.slug) FROM claim_link l JOIN claim o ON o.id = l.from_claim_id
                WHERE l.kind = 'supports' AND l.to_claim_id = c.id), '[]'),
            'reviews', coalesce((
                SELECT json_agg(json_build_object(
                    'id', r.id, 'claimId', r.claim_id, 'publisherName', r.publisher_name, 'publisherSite', r.publisher_site,
                    'url', r.url, 'title', r.title, 'reviewedOn', r.reviewed_on, 'language', r.language,
                    'ratingText', r.rating_text, 'rating', r.rating, 'text', r.text,
                    'createdAt', {Utc("r.created_at")}, 'updatedAt', {Utc("r.updated_at")}) ORDER BY {ReviewStore.Order})
                FROM review r WHERE r.claim_id = c.id), '[]'))::text
        FROM claim c
        """;

    static readonly string DetailByIdSql = $"{DetailSql} WHERE c.id = @Id";
    static readonly string DetailBySlugSql = $"{DetailSql} WHERE c.slug = @Slug";

    const string Ref = "json_build_object('id', o.id, 'slug', o.slug, 'text', o.text)";

    // UTC with a Z, read back as the DateTime (Kind Utc) that Npgsql gives for the column itself. The colons are quoted
    // so that no ":name" appears, which pgbench (bench/compare.sh runs this statement) would take for a variable.
    static string Utc(string column) => $"""to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24":"MI":"SS.US"Z"')""";
}
