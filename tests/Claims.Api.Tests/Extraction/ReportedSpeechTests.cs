using Claims.Api.Extraction;
using Claims.Api.Quotes;

namespace Claims.Api.Tests.Extraction;

/// <summary>Reported speech: the clause a cue introduces, without the cue, the speaker, "that" or the final stop.</summary>
public sealed class ReportedSpeechTests
{
    [Theory]
    [InlineData("Maria Ortiz said that the plan had failed.")]
    [InlineData("Maria Ortiz said the plan had failed.")]
    [InlineData("The plan had failed, Maria Ortiz said.")]
    [InlineData("The plan had failed, said Maria Ortiz.")]
    [InlineData("According to Maria Ortiz, the plan had failed.")]
    [InlineData("The plan had failed, according to Maria Ortiz.")]
    [InlineData("Maria Ortiz told reporters on Wednesday that the plan had failed.")]
    [InlineData("Maria Ortiz told reporters the plan had failed.")]
    [InlineData("Maria Ortiz warned that the plan had failed.")]
    [InlineData("Maria Ortiz said in a statement that the plan had failed.")]
    public void EveryReportedSpeechPatternGivesTheClauseAndItsSpeaker(string text)
    {
        var article = ArticleExtractor.Extract(text);

        var quote = article.Quote(text.StartsWith("The plan") ? "The plan had failed" : "the plan had failed", QuoteKind.Paraphrase);
        Assert.Equal("Maria Ortiz", article.SpeakerOf(quote));
    }

    [Fact]
    public void AWeakVerbWithoutThatIsNoReportedSpeech()
    {
        var article = ArticleExtractor.Extract("Maria Ortiz denied the allegations on Monday.");

        Assert.Empty(article.Reported());
    }

    [Fact]
    public void AClauseEndingInAQuotedFragmentEndsAfterTheClosingMark()
    {
        var article = ArticleExtractor.Extract("Jens Stoltenberg said that this step demonstrated the \"strength of NATO.\"");

        Assert.Equal(["this step demonstrated the \"strength of NATO.\""], article.Reported());
        Assert.Equal(["strength of NATO"], article.Direct());
    }

    [Fact]
    public void ADirectQuoteAfterTheCueIsNotAlsoReportedSpeech()
    {
        var article = ArticleExtractor.Extract("Maria Ortiz said: \"The plan has failed.\" \"We failed,\" she added.");

        Assert.Empty(article.Reported());
    }

    [Fact]
    public void AddingThatStartsASecondClauseOfTheSameSpeaker()
    {
        var article = ArticleExtractor.Extract("Maria Ortiz said the plan had failed, adding that a new one would follow in May.");

        Assert.Equal(["the plan had failed", "a new one would follow in May"], article.Reported());
        Assert.All(article.Quotes, q => Assert.Equal("Maria Ortiz", article.SpeakerOf(q)));
    }

    [Fact]
    public void ACueBetweenCommasSplitsTheClauseInTwo()
    {
        var article = ArticleExtractor.Extract("Graham Petts spoke last. The cost of the new signs, he said, would be borne by residents.");

        Assert.Equal(["The cost of the new signs", "would be borne by residents"], article.Reported());
        Assert.Single(article.Quotes.Select(q => q.Group).Distinct());
    }

    [Fact]
    public void TheDatelineIsNoPartOfTheClause()
    {
        var article = ArticleExtractor.Extract("BRUSSELS (Sputnik) - NATO seeks to avoid a new arms race, Jens Stoltenberg told reporters on Wednesday.");

        Assert.Equal(["NATO seeks to avoid a new arms race"], article.Reported());
    }

    [Fact]
    public void ACoordinatedReportingVerbSharesTheSentencesSubject()
    {
        var article = ArticleExtractor.Extract("Mining Minister Tomas Errazuriz declined to comment but said on Tuesday that the government would act.");

        Assert.Equal("Tomas Errazuriz", article.SpeakerOf("the government would act", QuoteKind.Paraphrase));
    }
}
