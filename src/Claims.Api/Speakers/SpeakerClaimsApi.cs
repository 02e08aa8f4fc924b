using System.Text.Json;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Reviews;

namespace Claims.Api.Speakers;

/// <summary>The claims a speaker asserts or disputes.</summary>
public static class SpeakerClaimsApi
{
    public static void MapSpeakerClaims(this RouteGroupBuilder group) =>
        group.MapGet("/{idOrSlug}/claims", ListSpeakerClaims).WithName(nameof(ListSpeakerClaims)).Validate<SpeakerClaimListQuery>()
            .WithSummary("Lists the claims a speaker asserts or disputes, most recently said first (undated last), each with the " +
                         "speaker's stance (position, when, in what context) and its reviews' ratings.");

    // The first statement tells an unknown speaker from one who holds no claims, in the same round trip. The order is
    // that of the stance_speaker_said index, or of stance_speaker_position_said with a position.
    const string Sql = $"""
        SELECT id FROM speaker WHERE id = @Id OR slug = @Slug;
        SELECT c.id, c.slug, c.text, c.topics,
               st.id AS stance_id, st.position, st.said_on, st.context, st.quote_id,
               (SELECT json_agg(json_build_object('publisherName', r.publisher_name, 'publisherSite', r.publisher_site,
                                                  'rating', r.rating, 'ratingText', r.rating_text) ORDER BY {ReviewStore.Order})
                FROM review r WHERE r.claim_id = c.id) AS ratings
        FROM stance st
        JOIN claim c ON c.id = st.claim_id
        WHERE st.speaker_id = (SELECT id FROM speaker WHERE id = @Id OR slug = @Slug)
          AND (@Position::text IS NULL OR st.position = @Position)
          AND (@AfterId::uuid IS NULL
               OR (coalesce(st.said_on, '-infinity'::date), st.id) < (coalesce(@AfterDate::date, '-infinity'::date), @AfterId))
        ORDER BY coalesce(st.said_on, '-infinity'::date) DESC, st.id DESC
        LIMIT @Take
        """;

    static async Task<Results<Ok<Page<SpeakerClaim>>, NotFound>> ListSpeakerClaims(
        string idOrSlug, [AsParameters] SpeakerClaimListQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        var speaker = IdOrSlug.Parse(idOrSlug);
        var (afterId, afterDate) = query.DateKeyset();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition(Sql, new
        {
            speaker.Id,
            speaker.Slug,
            Position = query.Position?.ToLowerInvariant(),
            AfterId = afterId,
            AfterDate = afterDate,
            Take = query.Take() + 1,
        }, cancellationToken: ct));
        var speakerFound = (await results.ReadAsync<Guid>()).Any();
        var rows = await results.ReadAsync<SpeakerClaimRow>();
        if (!speakerFound) return TypedResults.NotFound();
        return TypedResults.Ok(rows.Select(r => r.ToResponse()).ToList().ToPage(query.Take(), c => Cursor.FromDate(c.Stance.SaidOn, c.Stance.Id)));
    }

    /// <summary>One row of the list, flat as SQL returns it.</summary>
    sealed class SpeakerClaimRow
    {
        public Guid Id { get; init; }
        public string Slug { get; init; } = "";
        public string Text { get; init; } = "";
        public string[] Topics { get; init; } = [];
        public Guid StanceId { get; init; }
        public StancePosition Position { get; init; }
        public DateOnly? SaidOn { get; init; }
        public string? Context { get; init; }
        public Guid? QuoteId { get; init; }
        public string? Ratings { get; init; }

        public SpeakerClaim ToResponse() => new(
            Id, Slug, Text, Topics,
            new SpeakerStance(StanceId, Position, SaidOn, Context, QuoteId),
            Ratings is null ? [] : JsonSerializer.Deserialize(Ratings, AppJsonContext.Default.IReadOnlyListReviewRating)!);
    }
}
