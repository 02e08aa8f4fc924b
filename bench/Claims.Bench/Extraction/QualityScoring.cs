using Claims.Api.Extraction;
using Claims.Api.Quotes;

namespace Claims.Bench.Extraction;

/// <summary>Scores what the extractor found in one article against its gold, and notes each miss, extra and wrong speaker.</summary>
static class QualityScoring
{
    public static QualityCounts Score(GoldArticle article, ExtractedArticle extracted, List<string> details)
    {
        var names = extracted.Speakers.ToDictionary(s => s.Id, s => s.Name);
        string? NameOf(ExtractedQuote quote) => quote.Speaker is { } id ? names.GetValueOrDefault(id, $"(no speaker {id})") : null;

        var counts = new QualityCounts { Articles = 1 };
        var bodyAt = CodePointOffsets(article.Body);
        foreach (var quote in extracted.Quotes)
        {
            var (start, end) = (quote.Span.Start, quote.Span.End);
            var holds = start >= 0 && start <= end && end < bodyAt.Length && article.Body[bodyAt[start]..bodyAt[end]] == quote.Text;
            counts.SpanText += new Ratio(holds ? 1 : 0, 1);
            if (!holds) details.Add($"bad span {Label(quote.Kind)} [{start}, {end}) does not hold “{GoldFile.Shorten(quote.Text)}”");
        }
        var right = new HashSet<ExtractedQuote>(ReferenceEqualityComparer.Instance);
        foreach (var kind in (QuoteKind[])[QuoteKind.Direct, QuoteKind.Paraphrase])
        {
            var gold = article.Gold.Where(q => q.Kind == kind).ToList();
            var found = extracted.Quotes.Where(q => q.Kind == kind).ToList();
            var exact = SpanMatching.Exact([.. gold.Select(q => q.Span)], [.. found.Select(q => q.Span)]);
            var pairs = SpanMatching.ByOverlap([.. gold.Select(q => q.Span)], [.. found.Select(q => q.Span)]);
            var spans = new SpanCounts(gold.Count, found.Count, exact.Count(e => e >= 0), pairs.Count(e => e >= 0));
            if (kind == QuoteKind.Direct) counts.Direct = spans;
            else counts.Reported = spans;

            var paired = new HashSet<int>(pairs.Where(e => e >= 0));
            for (var g = 0; g < gold.Count; g++)
            {
                var expected = gold[g];
                if (pairs[g] < 0)
                {
                    details.Add($"miss     {Label(kind)} “{GoldFile.Shorten(expected.Text)}” — {Who(expected)}");
                    continue;
                }
                var quote = found[pairs[g]];
                var speakerRight = SpeakerNames.Match(expected.Speaker, NameOf(quote));
                counts.Speaker[(int)expected.Attribution] += new Ratio(speakerRight ? 1 : 0, 1);
                if (speakerRight) right.Add(quote);
                else details.Add($"speaker  {Label(kind)} “{GoldFile.Shorten(expected.Text)}” — gold {Who(expected)}, found {NameOf(quote) ?? "null"}");
                if (exact[g] < 0)
                    details.Add($"span     {Label(kind)} gold “{GoldFile.Shorten(expected.Text)}”, found “{GoldFile.Shorten(quote.Text)}”");
            }
            for (var e = 0; e < found.Count; e++)
                if (!paired.Contains(e))
                    details.Add($"extra    {Label(kind)} “{GoldFile.Shorten(found[e].Text)}” — {NameOf(found[e]) ?? "null"}, confidence {found[e].Confidence:0.00}");
        }

        foreach (var quote in extracted.Quotes) counts.Graded.Add((quote.Confidence, right.Contains(quote)));
        return counts;
    }

    /// <summary>Where each code point of the body starts in its UTF-16 text, and where the body ends.</summary>
    static int[] CodePointOffsets(string body)
    {
        var offsets = new List<int>(body.Length + 1);
        for (var i = 0; i < body.Length; i += char.IsSurrogatePair(body, i) ? 2 : 1) offsets.Add(i);
        offsets.Add(body.Length);
        return [.. offsets];
    }

    static string Label(QuoteKind kind) => kind == QuoteKind.Direct ? "direct  " : "reported";

    static string Who(GoldQuote quote) =>
        $"{(quote.Speaker is { } names ? names[0] : "null")} ({quote.Attribution.ToString().ToLowerInvariant()})";
}
