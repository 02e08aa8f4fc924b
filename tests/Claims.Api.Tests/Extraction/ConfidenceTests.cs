using Claims.Api.Extraction;

namespace Claims.Api.Tests.Extraction;

/// <summary>Confidence orders quotes by how sure their attribution is, and stays in [0, 1].</summary>
public sealed class ConfidenceTests
{
    [Fact]
    public void ANamedAdjacentCueIsAboveTheHighThresholdAndNoSpeakerIsFarBelow()
    {
        var article = ArticleExtractor.Extract("“We will respond,” Jens Stoltenberg said.\n\nThe hall emptied.\n\nIt rained.\n\nNobody spoke.\n\n“What are we going to do now?”");

        Assert.True(article.Quote("We will respond").Confidence >= Confidence.High);
        Assert.True(article.Quote("What are we going to do now?").Confidence < 0.5);
    }

    [Fact]
    public void APronounIsLessSureThanANameAndAnUnclosedQuoteLessSureStill()
    {
        var article = ArticleExtractor.Extract("Jens Stoltenberg arrived.\n\n“We will respond,” he said.\n\n“We will not mirror Russia, Stoltenberg said.");

        var pronoun = article.Quote("We will respond").Confidence;
        var named = ArticleExtractor.Extract("“We will respond,” Jens Stoltenberg said.").Quote("We will respond").Confidence;
        Assert.True(pronoun < named);
        Assert.All(article.Quotes, q => Assert.InRange(q.Confidence, 0, 1));
        Assert.Contains(article.Quotes, q => q.Confidence < pronoun);
    }
}
