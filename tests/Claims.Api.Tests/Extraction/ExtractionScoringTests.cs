extern alias bench;

using Claims.Api.Extraction;
using Claims.Api.Quotes;
using Claims.Api.Speakers;
using bench::Claims.Bench.Extraction;

namespace Claims.Api.Tests.Extraction;

/// <summary>The extraction scorer's rules (bench/Claims.Bench/Extraction): how spans pair, how names compare, what counts.</summary>
public sealed class ExtractionScoringTests
{
    static Span S(int start, int end) => new(start, end);

    [Fact]
    public void SpansThatShareACharacterPairAndSpansThatOnlyTouchDoNot()
    {
        Assert.Equal([0, -1], SpanMatching.ByOverlap([S(0, 10), S(20, 30)], [S(9, 20)]));
        Assert.Equal([-1], SpanMatching.ByOverlap([S(0, 10)], [S(10, 20)]));
    }

    [Fact]
    public void OneExtractedSpanCoveringTwoGoldQuotesPairsWithOnlyOne()
    {
        Assert.Equal([0, -1], SpanMatching.ByOverlap([S(0, 10), S(12, 18)], [S(0, 20)]));
    }

    [Fact]
    public void EachGoldSpanPrefersTheExtractedSpanItSharesMostWith()
    {
        Assert.Equal([1], SpanMatching.ByOverlap([S(10, 20)], [S(0, 11), S(11, 20)]));
    }

    [Fact]
    public void ThePairingFindsAsManyPairsAsThereCanBe()
    {
        // Gold 0 shares most with extracted 0, the only span gold 1 overlaps: gold 0 must settle for extracted 1.
        Assert.Equal([1, 0], SpanMatching.ByOverlap([S(0, 10), S(8, 30)], [S(2, 10), S(0, 3)]));
    }

    [Fact]
    public void ExactPairingUsesEachExtractedSpanOnce()
    {
        Assert.Equal([1, -1, -1], SpanMatching.Exact([S(0, 5), S(5, 9), S(20, 25)], [S(0, 6), S(0, 5), S(20, 24)]));
        Assert.Equal([0, 1], SpanMatching.Exact([S(0, 5), S(7, 9)], [S(0, 5), S(7, 9), S(0, 5)]));
    }

    [Theory]
    [InlineData("Jens Stoltenberg", "jens  stoltenberg")]
    [InlineData("the Secretary-General", "Secretary General")]
    [InlineData("NATO", "NATO's")]
    [InlineData("The Foreign Ministry", "foreign ministry’s")]
    public void NamesCompareIgnoringCaseTheHyphensPossessivesAndSpaces(string gold, string extracted)
    {
        Assert.True(SpeakerNames.Match([gold], extracted));
    }

    [Fact]
    public void ASpeakerIsRightOnlyForAGoldNameOrWhenBothAreNull()
    {
        Assert.True(SpeakerNames.Match(["Jens Stoltenberg", "Stoltenberg"], "Stoltenberg"));
        Assert.False(SpeakerNames.Match(["Jens Stoltenberg"], "Stoltenberg"));
        Assert.False(SpeakerNames.Match(["Theresa Hart"], "Hart Theresa"));
        Assert.True(SpeakerNames.Match(null, null));
        Assert.False(SpeakerNames.Match(null, "a source"));
        Assert.False(SpeakerNames.Match(["NATO"], null));
        Assert.Equal("the", SpeakerNames.Normalize("The"));
    }

    [Fact]
    public void AnArticleIsScoredByKindSpeakerAndConfidence()
    {
        const string body = "“We will respond,” Stoltenberg said. He said that Russia was to blame. “Never,” a source said.";
        var gold = new GoldArticle("a", body,
        [
            new GoldQuote(QuoteKind.Direct, S(1, 16), "We will respond", ["Jens Stoltenberg", "Stoltenberg"], Attribution.Name, 1),
            new GoldQuote(QuoteKind.Paraphrase, S(50, 69), "Russia was to blame", ["Jens Stoltenberg", "Stoltenberg"], Attribution.Pronoun, 2),
            new GoldQuote(QuoteKind.Direct, S(72, 77), "Never", null, Attribution.None, 3),
        ]);
        var speaker = new ExtractedSpeaker(1, "Jens Stoltenberg", SpeakerKind.Person, [], Gender.Male, []);
        ExtractedQuote Quote(int id, QuoteKind kind, Span span, int? who, double confidence) =>
            new(id, kind, span, body[span.Start..span.End], who, [], null, Attribution.Name, confidence, id);
        var extracted = new ExtractedArticle([speaker],
        [
            Quote(1, QuoteKind.Direct, S(1, 16), 1, 0.95),
            Quote(2, QuoteKind.Paraphrase, S(45, 69), 1, 0.95),
            Quote(3, QuoteKind.Direct, S(72, 77), 1, 0.5),
            Quote(4, QuoteKind.Direct, S(40, 49), null, 0.99),
        ], []);
        var details = new List<string>();

        var counts = QualityScoring.Score(gold, extracted, details);

        Assert.Equal(new SpanCounts(Gold: 2, Extracted: 3, Exact: 2, Overlap: 2), counts.Direct);
        Assert.Equal(new SpanCounts(Gold: 1, Extracted: 1, Exact: 0, Overlap: 1), counts.Reported);
        Assert.Equal(new Ratio(1, 1), counts.Speaker[(int)Attribution.Name]);
        Assert.Equal(new Ratio(1, 1), counts.Speaker[(int)Attribution.Pronoun]);
        Assert.Equal(new Ratio(0, 1), counts.Speaker[(int)Attribution.None]);
        Assert.Equal(new Ratio(2, 3), counts.ConfidentAt(0.9));
        Assert.Equal(new Ratio(2, 3), counts.CoveredAt(0.9));
        Assert.Equal(new Ratio(4, 4), counts.SpanText);
        Assert.Equal(
        [
            "speaker  direct   “Never” — gold null (none), found Jens Stoltenberg",
            "extra    direct   “said that” — null, confidence 0.99",
            "span     reported gold “Russia was to blame”, found “that Russia was to blame”",
        ], details);
    }

    [Fact]
    public void AnArticleRangeHoldsTheNamesThatBeginWithANumberInIt()
    {
        var range = ArticleRange.Parse("1-31")!;

        Assert.True(range.Holds("01_wire-us-flood-relief"));
        Assert.True(range.Holds("001_2796f1e09e6594a3"));
        Assert.True(range.Holds("31_conflict"));
        Assert.False(range.Holds("32_press-conference"));
        Assert.False(range.Holds("000_c804dac4115a1700"));
        Assert.False(range.Holds("an-article-without-a-number"));
        Assert.Equal(new ArticleRange(7, 7), ArticleRange.Parse("7"));
        Assert.Null(ArticleRange.Parse(null));
        Assert.Throws<bench::Claims.Bench.OptionsException>(() => ArticleRange.Parse("31-1"));
    }

    [Fact]
    public void AnExtractedSpanThatDoesNotHoldItsTextIsCountedAndListed()
    {
        const string body = "😀 “Yes,” she said.";
        var gold = new GoldArticle("b", body, [new GoldQuote(QuoteKind.Direct, S(3, 6), "Yes", null, Attribution.None, 1)]);
        // Counted in UTF-16 units, the span lands one place late after the emoji.
        var extracted = new ExtractedArticle([], [new ExtractedQuote(1, QuoteKind.Direct, S(4, 7), "Yes", null, [], null, Attribution.None, 0.5, 1)], []);
        var details = new List<string>();

        var counts = QualityScoring.Score(gold, extracted, details);

        Assert.Equal(new Ratio(0, 1), counts.SpanText);
        Assert.Contains("bad span direct   [4, 7) does not hold “Yes”", details);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("seeds")]
    [InlineData("test")]
    public void TheGoldOfEachSetHoldsAndAPerfectExtractionOfItScoresFullMarks(string set)
    {
        var articles = ExtractionSets.Load(set)!;

        var counts = new QualityCounts();
        foreach (var article in articles)
        {
            var names = article.Gold.Select(q => q.Speaker?[0]).OfType<string>().Distinct().ToList();
            var speakers = names.Select((name, i) => new ExtractedSpeaker(i, name, SpeakerKind.Person, [], null, [])).ToList();
            var quotes = article.Gold.Select((q, i) => new ExtractedQuote(i, q.Kind, q.Span, q.Text,
                q.Speaker is null ? null : names.IndexOf(q.Speaker[0]), [], null, q.Attribution, 1.0, q.Group)).ToList();
            var details = new List<string>();
            counts.Add(QualityScoring.Score(article, new ExtractedArticle(speakers, quotes, []), details));
            Assert.Empty(details);
        }

        Assert.NotEmpty(articles);
        Assert.Equal(counts.Direct.Gold, counts.Direct.Exact);
        Assert.Equal(counts.Reported.Gold, counts.Reported.Exact);
        Assert.Equal(counts.AllSpeakers.Of, counts.AllSpeakers.Hits);
        Assert.Equal(counts.CoveredAt(0.9).Of, counts.CoveredAt(0.9).Hits);
        Assert.Equal(counts.SpanText.Of, counts.SpanText.Hits);
    }
}
