using Claims.Api.Extraction;
using Claims.Api.Quotes;

namespace Claims.Api.Tests.Extraction;

/// <summary>Spokespeople speak for their body, and a later pronoun or "the spokesperson" is still that body.</summary>
public sealed class SpokespersonTests
{
    [Fact]
    public void APronounAfterASpokeswomanIsHerBody()
    {
        var article = ArticleExtractor.Extract(
            "Glaciologist Karl Obst measured the ice. A spokeswoman for the Alpine Lift Company said the season would start as planned. " +
            "»We no longer need the glacier«, she said.");

        Assert.Equal("Alpine Lift Company", article.SpeakerOf("We no longer need the glacier"));
    }

    [Fact]
    public void TheSpokespersonLaterIsTheBodyTheyFirstSpokeFor()
    {
        var article = ArticleExtractor.Extract(
            "A Department for Transport spokesperson said the strike was unnecessary. Tom Reed, a commuter, said he would work from home. " +
            "Ministers want talks as soon as possible, the spokesperson added.");

        Assert.Equal("Department for Transport", article.SpeakerOf("Ministers want talks as soon as possible", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ANameBeforeSpokespersonThatIsNoPersonsIsABody()
    {
        var article = ArticleExtractor.Extract("An NHS Wales spokesperson said waiting times had fallen.");

        Assert.Equal("NHS Wales", article.SpeakerOf("waiting times had fallen", QuoteKind.Paraphrase));
    }

    [Fact]
    public void APersonsSpokesmanSpeaksForThatPerson()
    {
        var article = ArticleExtractor.Extract(
            "The Hungarian prime minister, Zoltan Kiss, did not sign. According to his spokesman, Hungary would \"never accept quotas\".");

        Assert.Equal("Zoltan Kiss", article.SpeakerOf("Hungary would \"never accept quotas\"", QuoteKind.Paraphrase));
    }
}
