using Claims.Api.Sources;
using System.Text.Json;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Speakers;

namespace Claims.Api.Quotes;

/// <summary>The quote reads shared by /v1/quotes and /v1/speakers/{idOrSlug}/quotes.</summary>
public static class QuoteQueries
{
    public const string Select = $"SELECT {Columns} {From}";

    const string Columns = """
        q.id, q.kind, q.text, q.said_on, q.place, q.span_start, q.span_end, q.created_at, q.updated_at,
               q.statement_id, (SELECT count(*)::int - 1 FROM quote v WHERE v.statement_id = q.statement_id) AS variant_count,
               sp.id AS speaker_id, sp.slug AS speaker_slug, sp.name AS speaker_name,
               src.id AS source_id, src.url AS source_url, src.title AS source_title, src.publisher AS source_publisher,
               src.published_on AS source_published_on
        """;

    const string From = """
        FROM quote q
        JOIN speaker sp ON sp.id = q.speaker_id
        JOIN source src ON src.id = q.source_id
        """;

    // The first statement resolves the speaker filter so an unknown speaker is told apart from one with no quotes,
    // in the same round trip. Quotes with no date sort last (as -infinity). Collapsed, each statement shows once, as
    // its newest quote, with the sources of all its variants.
    const string ListSql = $"""
        SELECT id FROM speaker WHERE id = @SpeakerId OR slug = @SpeakerSlug;
        SELECT {Columns},
               CASE WHEN @Collapse THEN (
                   SELECT json_agg(json_build_object('id', vs.id, 'url', vs.url, 'title', vs.title, 'publisher', vs.publisher,
                                                     'publishedOn', vs.published_on) ORDER BY vs.published_on, vs.id)
                   FROM quote v JOIN source vs ON vs.id = v.source_id WHERE v.statement_id = q.statement_id)
               END AS statement_sources
        {From}
        WHERE (@FilterBySpeaker = false OR q.speaker_id = (SELECT id FROM speaker WHERE id = @SpeakerId OR slug = @SpeakerSlug))
          AND (@FilterByEntity = false OR q.id IN (
                SELECT qe.quote_id FROM quote_entity qe WHERE qe.entity_id IN (SELECT named_entities(@EntityId, @EntitySlug))))
          AND (@Source::uuid IS NULL OR q.source_id = @Source)
          AND (@Language::text IS NULL OR lower(src.language) = lower(@Language))
          AND (@Publisher::text IS NULL OR src.publisher = @Publisher)
          AND (@From::date IS NULL OR q.said_on >= @From)
          AND (@To::date IS NULL OR q.said_on <= @To)
          AND (@Q::text IS NULL OR q.id IN (SELECT matching_quotes(@Q)))
          AND (@Collapse = false OR NOT EXISTS (
                SELECT 1 FROM quote v WHERE v.statement_id = q.statement_id
                  AND (coalesce(v.said_on, '-infinity'::date), v.id) > (coalesce(q.said_on, '-infinity'::date), q.id)))
          AND (@AfterId::uuid IS NULL
               OR (coalesce(q.said_on, '-infinity'::date), q.id) < (coalesce(@AfterDate::date, '-infinity'::date), @AfterId))
        ORDER BY coalesce(q.said_on, '-infinity'::date) DESC, q.id DESC
        LIMIT @Take
        """;

    /// <summary>A page of quotes, newest first; null when the query names a speaker that does not exist.</summary>
    public static async Task<Page<QuoteResponse>?> ListAsync(NpgsqlDataSource db, QuoteListQuery query, CancellationToken ct)
    {
        var speaker = IdOrSlug.Parse(query.Speaker ?? "");
        var entity = IdOrSlug.Parse(query.Entity ?? "");
        var (afterId, afterDate) = query.DateKeyset();

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition(ListSql, new
        {
            FilterBySpeaker = query.Speaker is not null,
            SpeakerId = speaker.Id,
            SpeakerSlug = speaker.Slug,
            FilterByEntity = query.Entity is not null,
            EntityId = entity.Id,
            EntitySlug = entity.Slug,
            query.Source,
            query.Language,
            query.Publisher,
            query.From,
            query.To,
            query.Q,
            Collapse = query.Collapse is not null,
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
    public sealed class QuoteRow
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
        public Guid StatementId { get; init; }
        public int VariantCount { get; init; }
        public string? StatementSources { get; init; }

        public QuoteResponse ToResponse() => new(
            Id,
            new SpeakerRef(SpeakerId, SpeakerSlug, SpeakerName),
            new SourceRef(SourceId, SourceUrl, SourceTitle, SourcePublisher, SourcePublishedOn),
            Kind, Text, SaidOn, Place,
            SpanStart is { } start && SpanEnd is { } end ? new Span(start, end) : null,
            StatementId, VariantCount, CreatedAt, UpdatedAt)
        {
            Sources = StatementSources is null ? null : JsonSerializer.Deserialize(StatementSources, AppJsonContext.Default.IReadOnlyListSourceRef),
        };
    }
}
