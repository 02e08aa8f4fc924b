using Claims.Api.Extraction;

namespace Claims.Bench.Extraction;

/// <summary>
/// <c>extraction-quality</c>: runs the extractor on every article of the chosen sets and prints the measures of
/// docs/extraction.md per set and overall, as a Markdown table; <c>--details</c> first lists each miss, extra and wrong
/// speaker, article by article; <c>--articles 1-31</c> scores only the articles whose name begins with a number in that
/// range, so one part of a set can be tuned on while another is kept for validation.
/// </summary>
static class ExtractionQualityCommand
{
    public static int Run(Options options)
    {
        var sets = options.String("sets", "dev,seeds,test").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var thresholds = options.Fractions("threshold", [Confidence.High]);
        var range = ArticleRange.Parse(options.String("articles"));
        var details = options.Flag("details");
        options.RejectUnknown();

        var columns = new List<(string Name, QualityCounts Counts)>();
        var overall = new QualityCounts();
        foreach (var set in sets)
        {
            var articles = ExtractionSets.Load(set);
            if (articles is null)
            {
                Console.WriteLine($"Set '{set}' skipped: there is no folder {ExtractionSets.Folder(set)}.");
                continue;
            }
            var counts = new QualityCounts();
            foreach (var article in articles.Where(a => range?.Holds(a.Name) ?? true))
            {
                var notes = new List<string>();
                counts.Add(QualityScoring.Score(article, ArticleExtractor.Extract(article.Body), notes));
                if (details && notes.Count > 0) Console.WriteLine($"{set}/{article.Name}\n    {string.Join("\n    ", notes)}\n");
            }
            columns.Add((set, counts));
            overall.Add(counts);
        }
        if (columns.Count == 0) throw new BenchFailedException("none of the sets has a folder in bench/extraction/.");
        if (columns.Count > 1) columns.Add(("overall", overall));

        Console.WriteLine();
        PrintTable(columns, thresholds);
        return 0;
    }

    static void PrintTable(List<(string Name, QualityCounts Counts)> columns, IReadOnlyList<double> thresholds)
    {
        var rows = new List<(string Measure, Func<QualityCounts, string> Cell)>
        {
            ("articles", c => c.Articles.ToString()),
            ("gold quotes: direct / reported", c => $"{c.Direct.Gold} / {c.Reported.Gold}"),
            ("extracted: direct / reported", c => $"{c.Direct.Extracted} / {c.Reported.Extracted}"),
            ("extracted spans that hold their text", c => c.SpanText.ToString()),
            ("direct spans, exact: precision", c => c.Direct.ExactPrecision.ToString()),
            ("direct spans, exact: recall", c => c.Direct.ExactRecall.ToString()),
            ("direct spans, overlap: precision", c => c.Direct.OverlapPrecision.ToString()),
            ("direct spans, overlap: recall", c => c.Direct.OverlapRecall.ToString()),
            ("reported speech, overlap: precision", c => c.Reported.OverlapPrecision.ToString()),
            ("reported speech, overlap: recall", c => c.Reported.OverlapRecall.ToString()),
            ("reported speech, overlap: F1", c => Ratio.F1(c.Reported.OverlapPrecision, c.Reported.OverlapRecall)),
            ("reported speech, exact: precision", c => c.Reported.ExactPrecision.ToString()),
            ("reported speech, exact: recall", c => c.Reported.ExactRecall.ToString()),
            ("reported speech, exact: F1", c => Ratio.F1(c.Reported.ExactPrecision, c.Reported.ExactRecall)),
            ("speaker right, found quotes", c => c.AllSpeakers.ToString()),
        };
        foreach (var attribution in Enum.GetValues<Attribution>())
            rows.Add(($"speaker right, attributed by {attribution.ToString().ToLowerInvariant()}", c => c.Speaker[(int)attribution].ToString()));
        foreach (var threshold in thresholds)
        {
            rows.Add(($"precision at confidence ≥ {threshold:0.00}", c => c.ConfidentAt(threshold).ToString()));
            rows.Add(($"gold covered at confidence ≥ {threshold:0.00}", c => c.CoveredAt(threshold).ToString()));
        }

        Console.WriteLine($"| measure | {string.Join(" | ", columns.Select(c => c.Name))} |");
        Console.WriteLine($"|---|{string.Concat(columns.Select(_ => "--:|"))}");
        foreach (var (measure, cell) in rows)
            Console.WriteLine($"| {measure} | {string.Join(" | ", columns.Select(c => cell(c.Counts)))} |");
    }
}

/// <summary><c>--articles FIRST-LAST</c> (or one number): the articles whose name begins with a number in the range.</summary>
sealed record ArticleRange(int First, int Last)
{
    public static ArticleRange? Parse(string? text)
    {
        if (text is null) return null;
        var parts = text.Split('-');
        if (parts.Length is 1 or 2 && int.TryParse(parts[0], out var first) && int.TryParse(parts[^1], out var last) && first >= 0 && first <= last)
            return new ArticleRange(first, last);
        throw new OptionsException($"--articles must be a number or a range such as 1-31, not '{text}'.");
    }

    public bool Holds(string name)
    {
        var digits = name.TakeWhile(char.IsAsciiDigit).Count();
        return digits > 0 && int.TryParse(name.AsSpan(0, digits), out var number) && number >= First && number <= Last;
    }
}
