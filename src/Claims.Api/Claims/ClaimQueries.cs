using Claims.Api.Quotes;
using Claims.Api.Sources;
using Claims.Api.Speakers;

namespace Claims.Api.Claims;

/// <summary>SQL shared by the claim endpoints. Statements that read what hangs off a claim find it through the <c>target</c> CTE (by id or slug).</summary>
static class ClaimQueries
{
    public const string Target = "target AS (SELECT id FROM claim WHERE id = @Id OR slug = @Slug)";

    public const string SelectStance = """
        SELECT st.id, st.position, st.said_on, st.context, st.created_at,
               sp.id AS speaker_id, sp.slug AS speaker_slug, sp.name AS speaker_name,
               q.id AS quote_id, q.kind AS quote_kind, q.text AS quote_text, q.said_on AS quote_said_on,
               src.id AS source_id, src.url AS source_url, src.title AS source_title, src.publisher AS source_publisher,
               src.published_on AS source_published_on
        FROM stance st
        JOIN speaker sp ON sp.id = st.speaker_id
        LEFT JOIN quote q ON q.id = st.quote_id
        LEFT JOIN source src ON src.id = q.source_id
        """;

    /// <summary>One row of <see cref="SelectStance"/>, flat as SQL returns it.</summary>
    public sealed class StanceRow
    {
        public Guid Id { get; init; }
        public StancePosition Position { get; init; }
        public DateOnly? SaidOn { get; init; }
        public string? Context { get; init; }
        public DateTime CreatedAt { get; init; }
        public Guid SpeakerId { get; init; }
        public string SpeakerSlug { get; init; } = "";
        public string SpeakerName { get; init; } = "";
        public Guid? QuoteId { get; init; }
        public QuoteKind? QuoteKind { get; init; }
        public string? QuoteText { get; init; }
        public DateOnly? QuoteSaidOn { get; init; }
        public Guid? SourceId { get; init; }
        public string? SourceUrl { get; init; }
        public string? SourceTitle { get; init; }
        public string? SourcePublisher { get; init; }
        public DateOnly? SourcePublishedOn { get; init; }

        public StanceResponse ToResponse() => new(
            Id,
            new SpeakerRef(SpeakerId, SpeakerSlug, SpeakerName),
            Position,
            SaidOn,
            Context,
            QuoteId is { } quoteId
                ? new EvidenceQuote(quoteId, QuoteKind!.Value, QuoteText!, QuoteSaidOn,
                    new SourceRef(SourceId!.Value, SourceUrl!, SourceTitle, SourcePublisher, SourcePublishedOn))
                : null,
            CreatedAt);
    }
}
