namespace Claims.Api.Search;

public static class SearchApi
{
    public static RouteGroupBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/search").WithTags("Search");

        group.MapGet("/", SearchAll).WithName(nameof(SearchAll)).Validate<SearchQuery>()
            .WithSummary("Searches quotes, claims, speakers, entities and sources; ranked hits with highlighted snippets.");

        return group;
    }

    /// <summary>Matches ranked per kind. Ranking every match of a common word costs in proportion to the table, so
    /// each kind ranks at most this many of its full-text matches (and as many entity mentions): a page costs the same
    /// at any size, and rare words — what people mostly search for — are ranked in full.</summary>
    public const int RankedPerKind = 300;

    /// <summary>The search's one statement (the bench's PostGraphile runs it too). The same matching as the lists' q=
    /// (matching_* in the migrations: full text, entity names and aliases, fuzzy names), written out here so the rank
    /// comes from the scan that finds the match. Only the page is rendered.</summary>
    public const string Sql = """
        WITH terms AS MATERIALIZED (SELECT search_query(@Q) AS tsq),
        named AS MATERIALIZED (SELECT entity_id, rest FROM query_entities(@Q)),
        hits AS (
            SELECT 'quote' AS kind, m.id, ts_rank(m.search, t.tsq) AS score
            FROM (SELECT q.id, q.search FROM quote q, terms t WHERE q.search @@ t.tsq LIMIT @Ranked) m, terms t
            WHERE 'quote' = ANY(@Kinds)
            UNION ALL
            SELECT 'quote', qe.quote_id, 0.01
            FROM (SELECT qe.quote_id FROM named n JOIN quote_entity qe ON qe.entity_id = n.entity_id JOIN quote q ON q.id = qe.quote_id
                  WHERE numnode(n.rest) = 0 OR q.search @@ n.rest LIMIT @Ranked) qe
            WHERE 'quote' = ANY(@Kinds)
            UNION ALL
            SELECT 'claim', m.id, ts_rank(m.search, t.tsq)
            FROM (SELECT c.id, c.search FROM claim c, terms t WHERE c.search @@ t.tsq LIMIT @Ranked) m, terms t
            WHERE 'claim' = ANY(@Kinds)
            UNION ALL
            SELECT 'claim', ce.claim_id, 0.01
            FROM (SELECT ce.claim_id FROM named n JOIN claim_entity ce ON ce.entity_id = n.entity_id JOIN claim c ON c.id = ce.claim_id
                  WHERE numnode(n.rest) = 0 OR c.search @@ n.rest LIMIT @Ranked) ce
            WHERE 'claim' = ANY(@Kinds)
            UNION ALL
            SELECT 'speaker', s.id, greatest(ts_rank(s.search, t.tsq), word_similarity(@Q, names_text(s.name, s.aliases)))
            FROM (SELECT matching_speakers(@Q) AS id LIMIT @Ranked) m JOIN speaker s ON s.id = m.id, terms t
            WHERE 'speaker' = ANY(@Kinds)
            UNION ALL
            SELECT 'entity', e.id, greatest(ts_rank(e.search, t.tsq), word_similarity(@Q, names_text(e.name, e.aliases)))
            FROM (SELECT matching_entities(@Q) AS id LIMIT @Ranked) m JOIN entity e ON e.id = m.id, terms t
            WHERE 'entity' = ANY(@Kinds)
            UNION ALL
            SELECT 'source', m.id, ts_rank(m.search, t.tsq)
            FROM (SELECT s.id, s.search FROM source s, terms t WHERE s.search @@ t.tsq LIMIT @Ranked) m, terms t
            WHERE 'source' = ANY(@Kinds)
        ),
        best AS (SELECT kind, id, max(score)::real AS score FROM hits GROUP BY kind, id),
        page AS (
            SELECT kind, id, score FROM best
            WHERE @AfterId::uuid IS NULL OR (score, kind, id) < (@AfterScore::real, @AfterKind, @AfterId)
            ORDER BY score DESC, kind DESC, id DESC
            LIMIT @Take
        )
        SELECT p.kind, p.id, p.score,
               coalesce(c.slug, s.slug, e.slug) AS slug,
               coalesce(qs.name, c.text, s.name, e.name, src.title, src.url) AS title,
               ts_headline('english',
                   coalesce(q.text, c.text, names_text(s.name, s.aliases), names_text(e.name, e.aliases), concat_ws(' — ', src.title, src.publisher)),
                   t.tsq, 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2') AS snippet
        FROM page p CROSS JOIN terms t
        LEFT JOIN quote q ON p.kind = 'quote' AND q.id = p.id
        LEFT JOIN speaker qs ON qs.id = q.speaker_id
        LEFT JOIN claim c ON p.kind = 'claim' AND c.id = p.id
        LEFT JOIN speaker s ON p.kind = 'speaker' AND s.id = p.id
        LEFT JOIN entity e ON p.kind = 'entity' AND e.id = p.id
        LEFT JOIN source src ON p.kind = 'source' AND src.id = p.id
        ORDER BY p.score DESC, p.kind DESC, p.id DESC
        """;

    static async Task<Ok<Page<SearchHit>>> SearchAll([AsParameters] SearchQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        var hasCursor = Cursor.TryDecode(query.Cursor, out var after);
        SearchCursor.TryParse(after, out var afterScore, out var afterKind);
        await using var conn = await db.OpenConnectionAsync(ct);
        var hits = await conn.QueryAsync<SearchHit>(new CommandDefinition(Sql, new
        {
            query.Q,
            Kinds = query.KindNames(),
            Ranked = RankedPerKind,
            AfterId = hasCursor ? after.Id : (Guid?)null,
            AfterScore = afterScore,
            AfterKind = afterKind,
            Take = query.Take() + 1,
        }, cancellationToken: ct));
        return TypedResults.Ok(hits.AsList().ToPage(query.Take(), SearchCursor.For));
    }
}
