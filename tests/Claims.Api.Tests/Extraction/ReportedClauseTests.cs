using Claims.Api.Extraction;
using Claims.Api.Quotes;

namespace Claims.Api.Tests.Extraction;

/// <summary>Where a reported clause begins and ends in news copy's longer sentences.</summary>
public sealed class ReportedClauseTests
{
    [Fact]
    public void AParticipleAfterTheCueIsNoHalfOfTheClause()
    {
        var article = ArticleExtractor.Extract("The state will start the year without a budget, Gov. Dan Reyes said Monday, blaming the Senate.");

        Assert.Equal(["The state will start the year without a budget"], article.Reported());
    }

    [Fact]
    public void AClauseEndsWhereTheSpeakersNextActBegins()
    {
        var article = ArticleExtractor.Extract("Press secretary Dana Whit told reporters the White House had no objection, but declined to say more.");

        Assert.Equal(["the White House had no objection"], article.Reported());
    }

    [Fact]
    public void AStrayClosingMarkBeforeTheCueStillLeavesAClause()
    {
        var article = ArticleExtractor.Extract("The dockers' union met on Sunday.\n\nMembers voted 71% in favour of the deal,” the union said.");

        Assert.Contains("Members voted 71% in favour of the deal", article.Reported());
    }

    [Fact]
    public void TimesAndLateOnADayAreNoPartOfTheClauseBoundaries()
    {
        var article = ArticleExtractor.Extract(
            "Chief Ray Okon said crews arrived at 2:47 a.m. and found the building ablaze. The army said late on Thursday that three soldiers had been killed.");

        Assert.Contains("crews arrived at 2:47 a.m. and found the building ablaze", article.Reported());
        Assert.Contains("three soldiers had been killed", article.Reported());
    }

    [Fact]
    public void AClauseAfterAHearerSuchAsTheMeetingStartsAfterIt()
    {
        var article = ArticleExtractor.Extract("The head of planning, Ian Cross, told the meeting the homes would be split between rent and ownership.");

        Assert.Equal(["the homes would be split between rent and ownership"], article.Reported());
    }

    [Fact]
    public void DeclaringAStateIsAnActNotReportedSpeech()
    {
        var article = ArticleExtractor.Extract("Gov. Harriet Lowe has declared a state of emergency for six coastal counties.");

        Assert.Empty(article.Reported());
    }

    [Fact]
    public void AQuotationOpeningWithACapitalAfterADottedAbbreviationBeginsASentence()
    {
        var article = ArticleExtractor.Extract("“We are close,” Minister Henrik Vest said as he left at 6 a.m. “Nobody here wants to explain that.”");

        Assert.Contains("Nobody here wants to explain that.", article.Direct());
    }
}
