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

    // Every kind's matches come from the matching_* functions of the migrations (full text, entity names and aliases,
    // fuzzy names), so the lists' q= filters and this endpoint agree. Only the page is highlighted.
    const string Sql = """
        WITH terms AS (SELECT websearch_to_tsquery('english', @Q) AS tsq),
        hits AS (
            SELECT 'quote' AS kind, q.id, NULL AS slug, sp.name AS title, q.text AS body,
                   greatest(ts_rank(q.search, t.tsq), 0.01) AS score
            FROM matching_quotes(@Q) AS m(id) JOIN quote q ON q.id = m.id JOIN speaker sp ON sp.id = q.speaker_id, terms t
            WHERE 'quote' = ANY(@Kinds)
            UNION ALL
            SELECT 'claim', c.id, c.slug, c.text, c.text, greatest(ts_rank(c.search, t.tsq), 0.01)
            FROM matching_claims(@Q) AS m(id) JOIN claim c ON c.id = m.id, terms t
            WHERE 'claim' = ANY(@Kinds)
            UNION ALL
            SELECT 'speaker', s.id, s.slug, s.name, names_text(s.name, s.aliases),
                   greatest(ts_rank(s.search, t.tsq), word_similarity(@Q, names_text(s.name, s.aliases)))
            FROM matching_speakers(@Q) AS m(id) JOIN speaker s ON s.id = m.id, terms t
            WHERE 'speaker' = ANY(@Kinds)
            UNION ALL
            SELECT 'entity', e.id, e.slug, e.name, names_text(e.name, e.aliases),
                   greatest(ts_rank(e.search, t.tsq), word_similarity(@Q, names_text(e.name, e.aliases)))
            FROM matching_entities(@Q) AS m(id) JOIN entity e ON e.id = m.id, terms t
            WHERE 'entity' = ANY(@Kinds)
            UNION ALL
            SELECT 'source', s.id, NULL, coalesce(s.title, s.url), concat_ws(' — ', s.title, s.publisher), ts_rank(s.search, t.tsq)
            FROM matching_sources(@Q) AS m(id) JOIN source s ON s.id = m.id, terms t
            WHERE 'source' = ANY(@Kinds)
        ),
        page AS (
            SELECT kind, id, slug, title, body, score::real AS score FROM hits
            WHERE @AfterId::uuid IS NULL OR (score::real, kind, id) < (@AfterScore::real, @AfterKind, @AfterId)
            ORDER BY score::real DESC, kind DESC, id DESC
            LIMIT @Take
        )
        SELECT p.kind, p.id, p.slug, p.title, p.score,
               ts_headline('english', p.body, t.tsq, 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2') AS snippet
        FROM page p, terms t
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
            AfterId = hasCursor ? after.Id : (Guid?)null,
            AfterScore = afterScore,
            AfterKind = afterKind,
            Take = query.Take() + 1,
        }, cancellationToken: ct));
        return TypedResults.Ok(hits.AsList().ToPage(query.Take(), SearchCursor.For));
    }
}
