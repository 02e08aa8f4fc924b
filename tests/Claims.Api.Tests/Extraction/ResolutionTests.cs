using Claims.Api.Extraction;
using Claims.Api.Quotes;

namespace Claims.Api.Tests.Extraction;

/// <summary>Titles, descriptions and pronouns resolved to the speaker the reader would take.</summary>
public sealed class ResolutionTests
{
    [Fact]
    public void ATitleTheLedeGivesAPersonStaysTheirs()
    {
        var article = ArticleExtractor.Extract(
            "Pharmacies will receive £210 million, the Health Secretary has said.\n\nWes Lang told the PA news agency the money was tied to reform.\n\n" +
            "Pay talks follow. By March the Health Secretary said a review would be complete.");

        Assert.Equal("Wes Lang", article.SpeakerOf("a review would be complete", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ALoneNounOfAKindOfBodyIsTheBodyNamedBeforeButNotSurely()
    {
        var article = ArticleExtractor.Extract("Members of the Train Drivers' Federation (TDF) will walk out on Monday, the union says.");

        var quote = article.Quote("Members of the Train Drivers' Federation (TDF) will walk out on Monday", QuoteKind.Paraphrase);
        Assert.Equal("Train Drivers' Federation", article.SpeakerOf(quote));
        Assert.True(quote.Confidence < Confidence.High);
    }

    [Fact]
    public void ADescriptionNamingNoBodyIsThatDescriptionNotTheLatestBody()
    {
        var article = ArticleExtractor.Extract("Northwind Airways grounded its fleet. A spokesperson for the airport said queues had cleared.");

        Assert.Equal("airport", article.SpeakerOf("queues had cleared", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ANationalityInATitleMustBeTheHoldersToo()
    {
        var article = ArticleExtractor.Extract(
            "French President Claire Mont and Italian President Paolo Ferri met in Brussels. Later the French president said the deal would be reviewed.");

        Assert.Equal("Claire Mont", article.SpeakerOf("the deal would be reviewed", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ProfessionsAreKnownByTheirEndings()
    {
        var article = ArticleExtractor.Extract("Mira Holt, a climatologist, presented the data. The climatologist said the trend was clear.");

        Assert.Equal("Mira Holt", article.SpeakerOf("the trend was clear", QuoteKind.Paraphrase));
    }

    [Fact]
    public void APronounAfterASpeakerInTheSameSentenceIsThatSpeaker()
    {
        var article = ArticleExtractor.Extract(
            "A resident of the Old Quarter, who gave only his first name, Arben, said he had counted 20 blasts. \"People were buying bread,\" he said.");

        Assert.Equal("Arben", article.SpeakerOf("People were buying bread"));
    }
}
