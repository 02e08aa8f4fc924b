using Claims.Api.Sources;
using Claims.Api.Speakers;

namespace Claims.Api.Quotes;

/// <summary>The quote reads shared by /v1/quotes and /v1/speakers/{idOrSlug}/quotes.</summary>
public static class QuoteQueries
{
    public const string Select = """
        SELECT q.id, q.kind, q.text, q.said_on, q.place, q.span_start, q.span_end, q.created_at, q.updated_at,
               sp.id AS speaker_id, sp.slug AS speaker_slug, sp.name AS speaker_name,
               src.id AS source_id, src.url AS source_url, src.title AS source_title, src.publisher AS source_publisher,
               src.published_on AS source_published_on
        FROM quote q
        JOIN speaker sp ON sp.id = q.speaker_id
        JOIN source src ON src.id = q.source_id
        """;

    // The first statement resolves the speaker filter so an unknown speaker is told apart from one with no quotes,
    // in the same round trip. Quotes with no date sort last (as -infinity).
    const string ListSql = $"""
        SELECT id FROM speaker WHERE id = @SpeakerId OR slug = @SpeakerSlug;
        {Select}
        WHERE (@FilterBySpeaker = false OR q.speaker_id = (SELECT id FROM speaker WHERE id = @SpeakerId OR slug = @SpeakerSlug))
          AND (@Source::uuid IS NULL OR q.source_id = @Source)
          AND (@From::date IS NULL OR q.said_on >= @From)
          AND (@To::date IS NULL OR q.said_on <= @To)
          AND (@AfterId::uuid IS NULL
               OR (coalesce(q.said_on, '-infinity'::date), q.id) < (coalesce(@AfterDate::date, '-infinity'::date), @AfterId))
        ORDER BY coalesce(q.said_on, '-infinity'::date) DESC, q.id DESC
        LIMIT @Take
        """;

    /// <summary>A page of quotes, newest first; null when the query names a speaker that does not exist.</summary>
    public static async Task<Page<QuoteResponse>?> ListAsync(NpgsqlDataSource db, QuoteListQuery query, CancellationToken ct)
    {
        var speaker = query.Speaker is null ? default : IdOrSlug.Parse(query.Speaker);
        var (afterId, afterDate) = query.DateKeyset();

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition(ListSql, new
        {
            FilterBySpeaker = query.Speaker is not null,
            SpeakerId = speaker.Id,
            SpeakerSlug = speaker.Slug ?? "",
            query.Source,
            query.From,
            query.To,
            AfterId = afterId,
            AfterDate = afterDate,
            Take = query.Take() + 1,
        }, cancellationToken: ct));
        var speakerFound = (await results.ReadAsync<Guid>()).Any();
        var rows = await results.ReadAsync<QuoteRow>();
        if (query.Speaker is not null && !speakerFound) return null;
        return rows.Select(r => r.ToResponse()).ToList().ToPage(query.Take(), q => Cursor.FromDate(q.SaidOn, q.Id));
    }

    public static async Task<QuoteResponse?> GetAsync(NpgsqlConnection conn, Guid id, NpgsqlTransaction? tx, CancellationToken ct)
    {
        const string sql = $"{Select} WHERE q.id = @id";
        var row = await conn.QuerySingleOrDefaultAsync<QuoteRow>(new CommandDefinition(sql, new { id }, tx, cancellationToken: ct));
        return row?.ToResponse();
    }

    /// <summary>One row of <see cref="Select"/>, flat as SQL returns it.</summary>
    sealed class QuoteRow
    {
        public Guid Id { get; init; }
        public QuoteKind Kind { get; init; }
        public string Text { get; init; } = "";
        public DateOnly? SaidOn { get; init; }
        public string? Place { get; init; }
        public int? SpanStart { get; init; }
        public int? SpanEnd { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public Guid SpeakerId { get; init; }
        public string SpeakerSlug { get; init; } = "";
        public string SpeakerName { get; init; } = "";
        public Guid SourceId { get; init; }
        public string SourceUrl { get; init; } = "";
        public string? SourceTitle { get; init; }
        public string? SourcePublisher { get; init; }
        public DateOnly? SourcePublishedOn { get; init; }

        public QuoteResponse ToResponse() => new(
            Id,
            new SpeakerRef(SpeakerId, SpeakerSlug, SpeakerName),
            new SourceRef(SourceId, SourceUrl, SourceTitle, SourcePublisher, SourcePublishedOn),
            Kind, Text, SaidOn, Place,
            SpanStart is { } start && SpanEnd is { } end ? new Span(start, end) : null,
            CreatedAt, UpdatedAt);
    }
}
