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
               q.statement_id, qs.quotes - 1 AS variant_count,
               sp.id AS speaker_id, sp.slug AS speaker_slug, sp.name AS speaker_name,
               src.id AS source_id, src.url AS source_url, src.title AS source_title, src.publisher AS source_publisher,
               src.published_on AS source_published_on
        """;

    const string From = """
        FROM quote q
        JOIN speaker sp ON sp.id = q.speaker_id
        JOIN source src ON src.id = q.source_id
        JOIN quote_statement qs ON qs.statement_id = q.statement_id
        """;

    /// <summary>A page of quotes, newest first; null when the query names a speaker that does not exist.</summary>
    public static async Task<Page<QuoteResponse>?> ListAsync(NpgsqlDataSource db, QuoteListQuery query, CancellationToken ct)
    {
        var speaker = IdOrSlug.Parse(query.Speaker ?? "");
        var entity = IdOrSlug.Parse(query.Entity ?? "");
        var (afterId, afterDate) = query.DateKeyset();

        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<QuoteRow>(new CommandDefinition(QuoteListSql.For(query, speaker), new
        {
            SpeakerId = speaker.Id,
            SpeakerSlug = speaker.Slug,
            EntityId = entity.Id,
            EntitySlug = entity.Slug,
            query.Source,
            query.Language,
            query.Publisher,
            query.From,
            query.To,
            query.Q,
            AfterId = afterId,
            AfterDate = afterDate,
            Take = query.Take() + 1,
        }, cancellationToken: ct))).AsList();
        if (query.Speaker is not null)
        {
            if (rows.Count == 0) return null;
            rows.RemoveAll(r => r.Id == Guid.Empty); // the speaker's row alone: none of its quotes match
        }
        return rows.ConvertAll(r => r.ToResponse()).ToPage(query.Take(), q => Cursor.FromDate(q.SaidOn, q.Id));
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
