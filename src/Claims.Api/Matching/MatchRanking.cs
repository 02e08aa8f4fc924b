namespace Claims.Api.Matching;

/// <summary>One ranked match: the fused score and the two it was made of.</summary>
public readonly record struct RankedMatch(Guid ClaimId, float Score, float Lexical, float? Semantic, bool AssertedBySpeaker);

/// <summary>
/// Fuses the two rankings by normalised score mixing: the lexical score over the best claim's (so the best by words is 1),
/// mixed with the cosine similarity, which is already on a fixed scale. Unlike reciprocal rank fusion it keeps how far
/// apart candidates are, which a threshold needs. A claim the hinted speaker asserts gains <see cref="MatchTuning.SpeakerBoost"/>.
/// Without vectors (semantic matching off, or a claim not embedded yet) the lexical part stands alone.
/// </summary>
public static class MatchRanking
{
    public static List<RankedMatch> Rank(MatchCandidates candidates, IReadOnlySet<Guid> asserted, bool semantic, MatchTuning tuning)
    {
        var lexicalWeight = semantic ? tuning.LexicalWeight : 1;
        return candidates.Items
            .Select(c =>
            {
                var lexical = candidates.BestLexical > 0 ? c.Lexical / candidates.BestLexical : 0;
                var score = lexicalWeight * lexical + (1 - lexicalWeight) * Math.Max(0, c.Semantic ?? 0);
                var byHint = asserted.Contains(c.ClaimId);
                return new RankedMatch(c.ClaimId, score + (byHint ? tuning.SpeakerBoost : 0), lexical, c.Semantic, byHint);
            })
            .Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score).ThenBy(m => m.ClaimId)
            .ToList();
    }
}
