using Claims.Api.Extraction;

namespace Claims.Bench.Extraction;

/// <summary>A share: <c>Hits</c> of <c>Of</c>; "—" when there is nothing to divide by.</summary>
readonly record struct Ratio(int Hits, int Of)
{
    public static Ratio operator +(Ratio a, Ratio b) => new(a.Hits + b.Hits, a.Of + b.Of);

    public double? Value => Of == 0 ? null : (double)Hits / Of;

    public override string ToString() => Of == 0 ? "—" : $"{100.0 * Hits / Of:0.0} % ({Hits}/{Of})";

    /// <summary>The harmonic mean of a precision and a recall.</summary>
    public static string F1(Ratio precision, Ratio recall) =>
        precision.Value is { } p && recall.Value is { } r ? (p + r == 0 ? "0.0 %" : $"{200 * p * r / (p + r):0.0} %") : "—";
}

/// <summary>Gold and extracted spans of one kind, and how many of them pair exactly and by overlap.</summary>
readonly record struct SpanCounts(int Gold, int Extracted, int Exact, int Overlap)
{
    public static SpanCounts operator +(SpanCounts a, SpanCounts b) =>
        new(a.Gold + b.Gold, a.Extracted + b.Extracted, a.Exact + b.Exact, a.Overlap + b.Overlap);

    public Ratio ExactPrecision => new(Exact, Extracted);
    public Ratio ExactRecall => new(Exact, Gold);
    public Ratio OverlapPrecision => new(Overlap, Extracted);
    public Ratio OverlapRecall => new(Overlap, Gold);
}

/// <summary>What the measures of docs/extraction.md count, for an article, a set or all of them; counts add up.</summary>
sealed class QualityCounts
{
    public int Articles { get; set; }
    public SpanCounts Direct { get; set; }
    public SpanCounts Reported { get; set; }

    /// <summary>Found gold quotes with the right speaker, by the gold's attribution.</summary>
    public Ratio[] Speaker { get; } = new Ratio[Enum.GetValues<Attribution>().Length];

    /// <summary>Each extracted quote's confidence, and whether it pairs with a gold quote of its kind and has its speaker right.</summary>
    public List<(double Confidence, bool Right)> Graded { get; } = [];

    /// <summary>Extracted quotes at or above the threshold that pair with a gold quote and have its speaker right.</summary>
    public Ratio ConfidentAt(double threshold) => new(Graded.Count(g => g.Right && g.Confidence >= threshold), Graded.Count(g => g.Confidence >= threshold));

    /// <summary>Gold quotes that such confident, right extractions cover.</summary>
    public Ratio CoveredAt(double threshold) => new(Graded.Count(g => g.Right && g.Confidence >= threshold), Direct.Gold + Reported.Gold);

    /// <summary>Extracted quotes whose text is the body's text at their span, as the contract promises.</summary>
    public Ratio SpanText { get; set; }

    public Ratio AllSpeakers => Speaker.Aggregate((a, b) => a + b);

    public void Add(QualityCounts other)
    {
        Articles += other.Articles;
        Direct += other.Direct;
        Reported += other.Reported;
        for (var i = 0; i < Speaker.Length; i++) Speaker[i] += other.Speaker[i];
        Graded.AddRange(other.Graded);
        SpanText += other.SpanText;
    }
}
