using Claims.Api.Extraction;
using Claims.Api.Quotes;
using Claims.Api.Seeding;

namespace Claims.Api.Tests.Extraction;

/// <summary>The two seed reports: every direct quotation of Stoltenberg stored from them is found, with his name.</summary>
public sealed class SeedReportTests
{
    [Fact]
    public void EveryDirectQuotationOfStoltenbergInTheSeedKnowledgeBaseLiesInsideADirectQuoteAttributedToHim()
    {
        var seed = SeedLoader.Read();
        var stoltenberg = seed.Quotes.Where(q => q.Speaker == "jens-stoltenberg" && q.Kind == "direct").ToList();
        Assert.NotEmpty(stoltenberg);

        foreach (var source in seed.Sources)
        {
            var article = ArticleExtractor.Extract(SeedLoader.ReadDocument(source.File));
            var his = article.Quotes.Where(q => q.Kind == QuoteKind.Direct && article.SpeakerOf(q) == "Jens Stoltenberg").ToList();
            Assert.All(stoltenberg.Where(q => q.Source == source.Url), stored =>
                Assert.Contains(his, q => q.Span.Start <= stored.Span!.Start && stored.Span.End <= q.Span.End));
        }
    }

    [Theory]
    [InlineData("000_c804dac4115a1700.txt", "keep tensions down")]
    [InlineData("000_c804dac4115a1700.txt", "strength of NATO")]
    public void SeedQuotesEndWhereTheConventionSays(string file, string ending)
    {
        var article = ArticleExtractor.Extract(SeedLoader.ReadDocument(file));

        Assert.Contains(article.Quotes, q => q.Kind == QuoteKind.Direct && q.Text.EndsWith(ending, StringComparison.Ordinal));
    }
}
