using Claims.Api.Extraction;

namespace Claims.Api.Tests.Extraction;

/// <summary>Where spans start and end (docs/extraction.md), counted in Unicode code points.</summary>
public sealed class SpanTests
{
    [Fact]
    public void TheCommaBeforeTheClosingMarkBelongsToTheAttribution()
    {
        var article = ArticleExtractor.Extract("“We will respond,” Ann Lee said.");

        Assert.Equal(["We will respond"], article.Direct());
    }

    [Fact]
    public void AWholeSentenceQuoteKeepsItsFinalPunctuation()
    {
        var article = ArticleExtractor.Extract("“Are you sure?” Ann Lee asked. Ann Lee said: “We will win.”");

        Assert.Equal(["Are you sure?", "We will win."], article.Direct());
    }

    [Fact]
    public void AFragmentDropsTheFullStopInsideTheClosingMark()
    {
        var article = ArticleExtractor.Extract("Ann Lee said she did not consider the proposal “credible.”");

        Assert.Equal(["credible"], article.Direct());
    }

    [Fact]
    public void SpansCountCodePointsNotUtf16Units()
    {
        const string text = "🚢 𠀀 BlueStar Lines welcomed the deal: “Back to normal from Monday.”";
        var article = ArticleExtractor.Extract(text);

        var quote = article.Quote("Back to normal from Monday.");
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        Assert.Equal(quote.Text, string.Concat(codePoints[quote.Span.Start..quote.Span.End]));
        Assert.Equal(text.IndexOf("Back", StringComparison.Ordinal) - 2, quote.Span.Start);
    }

    [Fact]
    public void MentionAndCueSpansCountCodePointsToo()
    {
        const string text = "😀 “Yes,” Ann Lee said.";
        var article = ArticleExtractor.Extract(text);

        var quote = article.Quote("Yes");
        Assert.Equal(new Quotes.Span(17, 21), quote.Cue?.Span);
        Assert.Contains(article.Speaker("Ann Lee").Mentions, m => m.Span == new Quotes.Span(9, 16));
    }
}
