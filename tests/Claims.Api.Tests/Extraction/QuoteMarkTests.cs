using Claims.Api.Extraction;

namespace Claims.Api.Tests.Extraction;

/// <summary>Quotation marks: every house style pairs, apostrophes are not quotes, broken marks warn and never throw.</summary>
public sealed class QuoteMarkTests
{
    [Theory]
    [InlineData("“We will respond,” Smith said.")]
    [InlineData("\"We will respond,\" Smith said.")]
    [InlineData("‘We will respond,’ Smith said.")]
    [InlineData("'We will respond,' Smith said.")]
    [InlineData("«We will respond», Smith said.")]
    [InlineData("« We will respond », Smith said.")]
    [InlineData("»We will respond«, Smith said.")]
    [InlineData("„We will respond“, Smith said.")]
    [InlineData("‹We will respond›, Smith said.")]
    public void EveryHouseStyleOfQuotationMarksGivesTheSameQuote(string text)
    {
        var article = ArticleExtractor.Extract("Foreign Minister Anna Smith spoke on Monday.\n\n" + text);

        Assert.Equal("Anna Smith", article.SpeakerOf("We will respond"));
    }

    [Fact]
    public void AQuoteInsideAQuoteBelongsToTheOuterQuote()
    {
        var article = ArticleExtractor.Extract("“He told me, ‘Never,’ and I believed him,” Mary Jones said.");

        Assert.Equal(["He told me, ‘Never,’ and I believed him"], article.Direct());
    }

    [Fact]
    public void BritishSingleQuotesWithDoubleQuotesInsideNestOneLevel()
    {
        var article = ArticleExtractor.Extract("'I told him: \"Score two and you keep your place.\" He listened,' said coach Tom Reilly.");

        Assert.Equal(["I told him: \"Score two and you keep your place.\" He listened"], article.Direct());
    }

    [Fact]
    public void ApostrophesInsideSingleQuotesDoNotCloseThem()
    {
        var article = ArticleExtractor.Extract("'The students' union won't back down, not since the '90s,' said Ella Stone. 'It's ours.'");

        Assert.Equal(["The students' union won't back down, not since the '90s", "It's ours."], article.Direct());
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void AQuoteContinuedAcrossParagraphsIsOneSpanPerParagraphInOneGroup()
    {
        var article = ArticleExtractor.Extract(
            "Mayor Lena Fischer spoke at length.\n\n“The first thing we did was listen.\n\n“The second thing was to act,” she said.");

        var first = article.Quote("The first thing we did was listen.");
        var second = article.Quote("The second thing was to act");
        Assert.Equal(first.Group, second.Group);
        Assert.Equal("Lena Fischer", article.SpeakerOf(first));
        Assert.Equal("Lena Fischer", article.SpeakerOf(second));
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void AnOpeningMarkNeverClosedIsAWarningNotAFailure()
    {
        var article = ArticleExtractor.Extract("“We will respond, said Jan Novak.\n\nThe meeting ended.");

        var warning = Assert.Single(article.Warnings);
        Assert.Equal("unclosed-quote", warning.Code);
        Assert.Equal(0, warning.Span.Start);
    }

    [Fact]
    public void AClosingMarkThatOpensNothingIsAWarning()
    {
        var article = ArticleExtractor.Extract("Union members voted 71% in favour,” the union said.");

        Assert.Equal("unopened-quote", Assert.Single(article.Warnings).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("'''")]
    [InlineData("«»«")]
    [InlineData("“”“”")]
    [InlineData(":\n\n:")]
    [InlineData("He said: \"")]
    public void BrokenOrEmptyTextNeverThrows(string text)
    {
        var article = ArticleExtractor.Extract(text);

        Assert.All(article.Quotes, q => Assert.True(q.Span.Start <= q.Span.End));
    }
}
