using Claims.Api.Quotes;

namespace Claims.Bench.Extraction;

/// <summary>
/// Pairs gold spans with extracted spans one to one: exactly (the same span), or by overlap (at least one shared code
/// point), as many pairs as possible, each gold span preferring the extracted span it shares most with.
/// </summary>
static class SpanMatching
{
    public static int Overlap(Span a, Span b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    /// <summary>For each gold span, the index of the extracted span paired with it, or -1.</summary>
    public static int[] Exact(IReadOnlyList<Span> gold, IReadOnlyList<Span> extracted)
    {
        var free = new Dictionary<Span, Queue<int>>();
        for (var e = 0; e < extracted.Count; e++)
        {
            if (!free.TryGetValue(extracted[e], out var same)) free[extracted[e]] = same = new Queue<int>();
            same.Enqueue(e);
        }
        return [.. gold.Select(g => free.TryGetValue(g, out var same) && same.TryDequeue(out var e) ? e : -1)];
    }

    /// <summary>
    /// For each gold span, the index of the extracted span paired with it, or -1: a maximum matching of the overlap graph
    /// (augmenting paths, Kuhn), so one extracted span that covers two gold quotes counts once, and no pair is lost to
    /// the order in which they are tried.
    /// </summary>
    public static int[] ByOverlap(IReadOnlyList<Span> gold, IReadOnlyList<Span> extracted)
    {
        var candidates = gold
            .Select(g => Enumerable.Range(0, extracted.Count).Where(e => Overlap(g, extracted[e]) > 0)
                .OrderByDescending(e => Overlap(g, extracted[e])).ToArray())
            .ToArray();
        var goldOf = Enumerable.Repeat(-1, extracted.Count).ToArray();
        for (var g = 0; g < gold.Count; g++) Augment(g, new bool[extracted.Count]);

        var pairs = Enumerable.Repeat(-1, gold.Count).ToArray();
        for (var e = 0; e < extracted.Count; e++)
            if (goldOf[e] >= 0) pairs[goldOf[e]] = e;
        return pairs;

        bool Augment(int g, bool[] tried)
        {
            foreach (var e in candidates[g])
            {
                if (tried[e]) continue;
                tried[e] = true;
                if (goldOf[e] < 0 || Augment(goldOf[e], tried))
                {
                    goldOf[e] = g;
                    return true;
                }
            }
            return false;
        }
    }
}
