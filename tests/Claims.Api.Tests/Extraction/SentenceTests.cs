using Claims.Api.Extraction;
using Claims.Api.Quotes;

namespace Claims.Api.Tests.Extraction;

/// <summary>Sentences end at their full stop, not at an abbreviation's or an initial's.</summary>
public sealed class SentenceTests
{
    [Theory]
    [InlineData("U.S.")]
    [InlineData("U.K.")]
    [InlineData("Gov.")]
    [InlineData("Sen.")]
    [InlineData("Rep.")]
    [InlineData("Dr.")]
    [InlineData("Mr.")]
    [InlineData("Mrs.")]
    [InlineData("Ms.")]
    [InlineData("St.")]
    [InlineData("Gen.")]
    [InlineData("Lt.")]
    [InlineData("Col.")]
    [InlineData("No.")]
    public void AnAbbreviationDoesNotEndTheReportedClause(string abbreviation)
    {
        var article = ArticleExtractor.Extract($"Maria Ortiz said the letter reached {abbreviation} Brown on Monday.");

        Assert.Equal([$"the letter reached {abbreviation} Brown on Monday"], article.Reported());
    }

    [Theory]
    [InlineData("Jan. 5")]
    [InlineData("Feb. 12")]
    [InlineData("10 a.m. Tuesday")]
    [InlineData("4 p.m. Tuesday")]
    [InlineData("J. K. Rowling")]
    public void DatesTimesAndInitialsDoNotEndTheReportedClause(string words)
    {
        var article = ArticleExtractor.Extract($"Maria Ortiz said the vote was set for {words} at the latest.");

        Assert.Equal([$"the vote was set for {words} at the latest"], article.Reported());
    }

    [Fact]
    public void AnAbbreviationAtTheEndOfASentenceEndsItAndKeepsItsDot()
    {
        var article = ArticleExtractor.Extract("Maria Ortiz said the troops returned to the U.S. The war was over, she said.");

        Assert.Equal(["the troops returned to the U.S.", "The war was over"], article.Quotes.Where(q => q.Kind == QuoteKind.Paraphrase).Select(q => q.Text));
    }
}
