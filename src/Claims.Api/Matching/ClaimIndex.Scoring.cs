using System.Buffers;

namespace Claims.Api.Matching;

/// <summary>A claim worth ranking, with its BM25 score (0 when it shares no word) and its cosine similarity (null without a vector).</summary>
public readonly record struct MatchCandidate(Guid ClaimId, float Lexical, float? Semantic);

/// <summary>The candidates of one sentence, and the best lexical score among all claims, which lexical scores are scaled by.</summary>
public sealed record MatchCandidates(IReadOnlyList<MatchCandidate> Items, float BestLexical);

public sealed partial class ClaimIndex
{
    /// <summary>
    /// The best <see cref="MatchTuning.Pool"/> claims by words, the nearest as many by vector (when <paramref name="vector"/>
    /// is given), and the <paramref name="also"/> claims (the hinted speaker's), each with both scores.
    /// </summary>
    public MatchCandidates Candidates(IReadOnlyList<(string Lexeme, int Count)> lexemes, float[]? vector, IReadOnlyCollection<Guid> also, MatchTuning tuning) =>
        Read(() =>
        {
            var scores = ArrayPool<float>.Shared.Rent(entries.Count);
            var scoredSlots = ArrayPool<int>.Shared.Rent(entries.Count);
            Array.Clear(scores, 0, entries.Count);
            try
            {
                var scored = scoredSlots.AsSpan(0, lexical.Score(lexemes, tuning, scores, scoredSlots));
                var best = 0f;
                foreach (var slot in scored) best = Math.Max(best, scores[slot]);
                var near = vector is null || vectors is null ? [] : vectors.Nearest(vector, tuning.Pool).ToDictionary(n => n.Slot, n => n.Cosine);
                var chosen = Best(scored, scores, tuning.Pool).Concat(near.Keys)
                    .Concat(also.Select(id => slots.TryGetValue(id, out var slot) ? slot : -1).Where(slot => slot >= 0))
                    .Distinct().ToList();
                var far = chosen.Where(slot => !near.ContainsKey(slot)).ToList();
                var cosines = vector is null || vectors is null ? [] : far.Zip(vectors.Cosines(far, vector)).ToDictionary(c => c.First, c => c.Second);
                var items = chosen.Select(slot => new MatchCandidate(entries[slot]!.Id, scores[slot],
                    near.TryGetValue(slot, out var cosine) ? cosine : cosines.GetValueOrDefault(slot))).ToList();
                return new MatchCandidates(items, best);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scores);
                ArrayPool<int>.Shared.Return(scoredSlots);
            }
        });

    // The best count of the scored slots, without sorting them all: a common word scores most of a large index.
    static List<int> Best(ReadOnlySpan<int> scored, float[] scores, int count)
    {
        var best = new PriorityQueue<int, float>(count + 1);
        foreach (var slot in scored)
        {
            if (best.Count < count) best.Enqueue(slot, scores[slot]);
            else if (scores[slot] > scores[best.Peek()]) best.EnqueueDequeue(slot, scores[slot]);
        }
        return best.UnorderedItems.Select(item => item.Element).ToList();
    }
}

public sealed partial class ClaimIndex
{
    /// <summary>The BM25 score of each of <paramref name="ids"/> for the lexemes (0 for a claim that shares none, or is not indexed).</summary>
    public Dictionary<Guid, float> LexicalScores(IReadOnlyList<(string Lexeme, int Count)> lexemes, IEnumerable<Guid> ids, MatchTuning tuning) =>
        Read(() =>
        {
            var scores = ArrayPool<float>.Shared.Rent(entries.Count);
            var scored = ArrayPool<int>.Shared.Rent(entries.Count);
            Array.Clear(scores, 0, entries.Count);
            try
            {
                lexical.Score(lexemes, tuning, scores, scored);
                return ids.Distinct().ToDictionary(id => id, id => slots.TryGetValue(id, out var slot) ? scores[slot] : 0);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scores);
                ArrayPool<int>.Shared.Return(scored);
            }
        });
}
