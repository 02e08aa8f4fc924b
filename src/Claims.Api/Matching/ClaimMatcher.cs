using System.Text.Json;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Reviews;
using Claims.Api.Speakers;

namespace Claims.Api.Matching;

/// <summary>
/// Which stored claims a sentence makes: the reusable matcher behind <c>/v1/claims/matches</c>, a quote's
/// <c>claimMatches</c>, and whatever else suggests claims (an article's drafts). Three round trips at most: the sentence's
/// lexemes with the feed's position (and the hint's speaker), the speaker's claims, and the page.
/// </summary>
public sealed class ClaimMatcher(NpgsqlDataSource db, ClaimIndex index, SemanticModel semantic)
{
    const string LexemesSql = """
        SELECT to_tsvector('english', @Text)::text AS lexemes, (SELECT coalesce(max(position), 0) FROM change) AS position
        """;

    const string AssertedSql = "SELECT claim_id FROM stance WHERE speaker_id = @Id AND position = 'asserts'";

    const string ClaimsSql = $"""
        SELECT c.id, c.slug, c.text, c.topics,
               (SELECT json_agg(json_build_object('publisherName', r.publisher_name, 'publisherSite', r.publisher_site,
                                                  'rating', r.rating, 'ratingText', r.rating_text) ORDER BY {ReviewStore.Order})
                FROM review r WHERE r.claim_id = c.id) AS ratings
        FROM claim c WHERE c.id = ANY(@Ids)
        """;

    /// <summary>The components of a match before fusion, for <see cref="MatchRanking"/>.</summary>
    async Task<(MatchCandidates Candidates, IReadOnlySet<Guid> Asserted, SpeakerRef? Speaker, bool Semantic)> CandidatesAsync(
        NpgsqlConnection conn, string text, string? speakerHint, MatchTuning tuning, CancellationToken ct)
    {
        var model = semantic.Model;
        var embedding = model is null ? null : Task.Run(() => model.Embed([text], ct)[0], ct);
        var (lexemes, position) = await conn.QuerySingleAsync<(string Lexemes, long Position)>(new CommandDefinition(LexemesSql, new { Text = text }, cancellationToken: ct));
        await index.CatchUpAsync(position, ct);
        var speaker = await SpeakerHints.ResolveAsync(conn, speakerHint, ct);
        IReadOnlySet<Guid> asserted = speaker is null ? new HashSet<Guid>()
            : (await conn.QueryAsync<Guid>(new CommandDefinition(AssertedSql, new { speaker.Id }, cancellationToken: ct))).ToHashSet();
        var vector = embedding is null ? null : await embedding;
        var candidates = index.Candidates(TsVectorText.Parse(lexemes), vector, (IReadOnlyCollection<Guid>)asserted, tuning);
        return (candidates, asserted, speaker, vector is not null);
    }

    /// <summary>The best <paramref name="limit"/> matches scoring at least <paramref name="threshold"/>, each with its claim.</summary>
    public async Task<MatchPage> MatchAsync(string text, string? speakerHint, int limit, float threshold, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var (candidates, asserted, speaker, usedVectors) = await CandidatesAsync(conn, text, speakerHint, MatchTuning.Default, ct);
        var ranked = MatchRanking.Rank(candidates, asserted, usedVectors, MatchTuning.Default).Where(m => m.Score >= threshold).Take(limit).ToList();
        var claims = (await conn.QueryAsync<ClaimRow>(new CommandDefinition(ClaimsSql, new { Ids = ranked.Select(m => m.ClaimId).ToArray() }, cancellationToken: ct)))
            .ToDictionary(c => c.Id);
        var items = ranked.Where(m => claims.ContainsKey(m.ClaimId))
            .Select(m => new ClaimMatch(claims[m.ClaimId].ToClaim(), Round(m.Score), Round(m.Lexical), m.Semantic is { } s ? Round(s) : null, m.AssertedBySpeaker))
            .ToList();
        return new MatchPage(items, speaker, usedVectors ? MatchMode.LexicalAndSemantic : MatchMode.Lexical);
    }

    static float Round(float score) => MathF.Round(score, 4);

    sealed class ClaimRow
    {
        public Guid Id { get; init; }
        public string Slug { get; init; } = "";
        public string Text { get; init; } = "";
        public string[] Topics { get; init; } = [];
        public string? Ratings { get; init; }

        public MatchedClaim ToClaim() => new(Id, Slug, Text, Topics,
            Ratings is null ? [] : JsonSerializer.Deserialize(Ratings, AppJsonContext.Default.IReadOnlyListReviewRating)!);
    }
}
