using System.Collections.Concurrent;

namespace Claims.Api.Quotes;

/// <summary>
/// The quote lists' statements: one per combination of the filters a query gives, composed of fixed fragments, so that
/// each is prepared once per connection and its plan kept. The page is cut first; only its rows are joined to their
/// speaker and statement. With a speaker, the statement starts from the speaker's row, so that an unknown speaker (no
/// row) is told apart from one whose quotes all fail the filters (the speaker's row alone, its quote columns null).
/// Quotes with no date sort last (as -infinity). Collapsed, each statement shows once, as its newest quote, with the
/// sources of all its variants.
/// </summary>
static class QuoteListSql
{
    [Flags]
    enum Filters
    {
        None = 0, SpeakerId = 1, SpeakerSlug = 2, Entity = 4, Source = 8, Language = 16, Publisher = 32,
        From = 64, To = 128, Q = 256, Collapse = 512, After = 1024,
    }

    static readonly ConcurrentDictionary<Filters, string> Statements = new();

    public static string For(QuoteListQuery query, IdOrSlug speaker)
    {
        var filters = Filters.None;
        if (query.Speaker is not null) filters |= speaker.Id is null ? Filters.SpeakerSlug : Filters.SpeakerId;
        if (query.Entity is not null) filters |= Filters.Entity;
        if (query.Source is not null) filters |= Filters.Source;
        if (query.Language is not null) filters |= Filters.Language;
        if (query.Publisher is not null) filters |= Filters.Publisher;
        if (query.From is not null) filters |= Filters.From;
        if (query.To is not null) filters |= Filters.To;
        if (query.Q is not null) filters |= Filters.Q;
        if (query.Collapse is not null) filters |= Filters.Collapse;
        if (query.DateKeyset().AfterId is not null) filters |= Filters.After;
        return Statements.GetOrAdd(filters, Compose);
    }

    static readonly (Filters Filter, string Condition)[] Conditions =
    [
        (Filters.SpeakerId | Filters.SpeakerSlug, "q.speaker_id = sp.id"),
        (Filters.Entity, "q.id IN (SELECT qe.quote_id FROM quote_entity qe WHERE qe.entity_id IN (SELECT named_entities(@EntityId, @EntitySlug)))"),
        (Filters.Source, "q.source_id = @Source"),
        (Filters.Language, "lower(src.language) = lower(@Language)"),
        (Filters.Publisher, "src.publisher = @Publisher"),
        (Filters.From, "q.said_on >= @From"),
        (Filters.To, "q.said_on <= @To"),
        (Filters.Q, "q.id IN (SELECT matching_quotes(@Q))"),
        (Filters.Collapse, """
            NOT EXISTS (SELECT 1 FROM quote v WHERE v.statement_id = q.statement_id
                    AND (coalesce(v.said_on, '-infinity'::date), v.id) > (coalesce(q.said_on, '-infinity'::date), q.id))
            """),
        (Filters.After, "(coalesce(q.said_on, '-infinity'::date), q.id) < (coalesce(@AfterDate::date, '-infinity'::date), @AfterId)"),
    ];

    const string PageColumns = """
        q.id, q.kind, q.text, q.said_on, q.place, q.span_start, q.span_end, q.created_at, q.updated_at, q.statement_id,
                   q.speaker_id, src.id AS source_id, src.url AS source_url, src.title AS source_title,
                   src.publisher AS source_publisher, src.published_on AS source_published_on
        """;

    const string RowColumns = """
        p.id, p.kind, p.text, p.said_on, p.place, p.span_start, p.span_end, p.created_at, p.updated_at, p.statement_id,
               qs.quotes - 1 AS variant_count, sp.id AS speaker_id, sp.slug AS speaker_slug, sp.name AS speaker_name,
               p.source_id, p.source_url, p.source_title, p.source_publisher, p.source_published_on
        """;

    const string StatementSources = """
        ,
               (SELECT json_agg(json_build_object('id', vs.id, 'url', vs.url, 'title', vs.title, 'publisher', vs.publisher,
                                                  'publishedOn', vs.published_on) ORDER BY vs.published_on, vs.id)
                FROM quote v JOIN source vs ON vs.id = v.source_id WHERE v.statement_id = p.statement_id) AS statement_sources
        """;

    static string Compose(Filters filters)
    {
        var where = string.Join("\n          AND ", Conditions.Where(c => (filters & c.Filter) != 0).Select(c => c.Condition));
        var page = $"""
            SELECT {PageColumns}
                FROM quote q JOIN source src ON src.id = q.source_id
                {(where.Length == 0 ? "" : "WHERE " + where)}
                ORDER BY coalesce(q.said_on, '-infinity'::date) DESC, q.id DESC
                LIMIT @Take
            """;
        var columns = RowColumns + (filters.HasFlag(Filters.Collapse) ? StatementSources : "");
        var from = (filters & (Filters.SpeakerId | Filters.SpeakerSlug)) == 0
            ? $"""
               FROM ({page}) p
               JOIN speaker sp ON sp.id = p.speaker_id
               JOIN quote_statement qs ON qs.statement_id = p.statement_id
               """
            : $"""
               FROM speaker sp
               LEFT JOIN LATERAL ({page}) p ON true
               LEFT JOIN quote_statement qs ON qs.statement_id = p.statement_id
               WHERE {(filters.HasFlag(Filters.SpeakerId) ? "sp.id = @SpeakerId" : "sp.slug = @SpeakerSlug")}
               """;
        return $"""
            SELECT {columns}
            {from}
            ORDER BY coalesce(p.said_on, '-infinity'::date) DESC, p.id DESC
            """;
    }
}
