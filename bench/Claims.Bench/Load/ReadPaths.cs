using Claims.Bench.Generation;

namespace Claims.Bench.Load;

/// <summary>
/// A read path under test, and the concrete requests that exercise it: GETs of <c>Urls</c>, or with <c>Bodies</c>, a POST
/// of each body (JSON) to its URL.
/// </summary>
sealed record ReadPath(string Name, string Route, IReadOnlyList<string> Urls, IReadOnlyList<string>? Bodies = null);

static class ReadPaths
{
    /// <summary>The paths measured by default; "match" is asked for by name (bench/README.md, "Claim matching").</summary>
    public static readonly string[] All = ["quotes", "claim", "graph", "search"];

    public static ReadPath Build(string name, Samples samples, int count, Random random)
    {
        var searchTerms = new SearchTerms(random, samples.Names);
        IReadOnlyList<string> Urls(IReadOnlyList<string> sample, Func<string, string> url) =>
            Enumerable.Range(0, count).Select(i => url(sample[i % sample.Count])).ToList();

        return name switch
        {
            "quotes" => new(name, "GET /v1/speakers/{slug}/quotes?limit=20",
                Urls(samples.SpeakerSlugs, slug => $"/v1/speakers/{slug}/quotes?limit=20")),
            "claim" => new(name, "GET /v1/claims/{slug}", Urls(samples.ClaimSlugs, slug => $"/v1/claims/{slug}")),
            "graph" => new(name, "GET /v1/claims/{slug}/graph?depth=3",
                Urls(samples.ClaimSlugs.Reverse().ToList(), slug => $"/v1/claims/{slug}/graph?depth=3")),
            "search" => new(name, "GET /v1/search?q={terms}&limit=20",
                Enumerable.Range(0, count).Select(_ => $"/v1/search?q={Uri.EscapeDataString(searchTerms.Next())}&limit=20").ToList()),
            // A quote's words as a sentence to match, its speaker as the hint: what a quote's claim suggestions ask.
            "match" => new(name, "GET /v1/claims/matches?text={sentence}&speaker={slug}",
                Urls(samples.Sentences.Select(s => $"/v1/claims/matches?text={Uri.EscapeDataString(s.Text)}&speaker={s.Speaker}").ToList(), url => url)),
            _ => throw new OptionsException($"Unknown path '{name}'; the paths are {string.Join(", ", All)}."),
        };
    }
}
