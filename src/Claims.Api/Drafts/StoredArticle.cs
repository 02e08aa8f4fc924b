using Claims.Api.Quotes;
using Claims.Api.Speakers;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>A source already stored under the article's URL or id, and its quotes that have spans, in span order.</summary>
public sealed record StoredArticle(StoredArticle.Source Row, IReadOnlyList<StoredArticle.Quote> Quotes)
{
    public sealed record Source(
        Guid Id, string Url, string? Title, string? Publisher, DateOnly? PublishedOn, string? Language, string Body, DateTime UpdatedAt);

    public sealed record Quote(
        Guid Id, QuoteKind Kind, string Text, int SpanStart, int SpanEnd,
        Guid SpeakerId, string SpeakerSlug, string SpeakerName, SpeakerKind SpeakerKind, string? SpeakerTitle)
    {
        public Span Span => new(SpanStart, SpanEnd);
        public SpeakerRef Speaker => new(SpeakerId, SpeakerSlug, SpeakerName);
    }

    const string Sql = """
        SELECT id, url, title, publisher, published_on, language, body, updated_at FROM source WHERE id = @Id OR url = @Url;
        SELECT q.id, q.kind, q.text, q.span_start, q.span_end,
               sp.id AS speaker_id, sp.slug AS speaker_slug, sp.name AS speaker_name, sp.kind AS speaker_kind, sp.title AS speaker_title
        FROM quote q JOIN speaker sp ON sp.id = q.speaker_id
        WHERE q.source_id = (SELECT id FROM source WHERE id = @Id OR url = @Url) AND q.span_start IS NOT NULL
        ORDER BY q.span_start, q.span_end, q.id;
        """;

    /// <summary>The source with this id, or else at this URL (as stored: trimmed), with its quotes; null when there is none.</summary>
    public static async Task<StoredArticle?> FindAsync(NpgsqlConnection conn, Guid? id, string? url, CancellationToken ct)
    {
        await using var found = await conn.QueryMultipleAsync(new CommandDefinition(Sql, new { Id = id, Url = url?.Trim() }, cancellationToken: ct));
        var source = await found.ReadSingleOrDefaultAsync<Source>();
        var quotes = (await found.ReadAsync<Quote>()).AsList();
        return source is null ? null : new StoredArticle(source, quotes);
    }
}
