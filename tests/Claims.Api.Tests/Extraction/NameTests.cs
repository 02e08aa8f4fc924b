using Claims.Api.Extraction;
using Claims.Api.Quotes;
using Claims.Api.Speakers;

namespace Claims.Api.Tests.Extraction;

/// <summary>Names as news copy writes them: titles with an object, bodies with "of" and possessives, acronyms, capitals.</summary>
public sealed class NameTests
{
    [Fact]
    public void ATitleWithAnObjectLeavesTheNameItsLastWords()
    {
        var article = ArticleExtractor.Extract("French Minister for the Sea Odile Marchetti said Paris could accept a smaller cut.");

        Assert.Equal("Odile Marchetti", article.SpeakerOf("Paris could accept a smaller cut", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ATitleWithAnObjectAndNoNameIsNoName()
    {
        var article = ArticleExtractor.Extract("The Mayor of London said the scheme would be extended.");

        Assert.DoesNotContain(article.Speakers, s => s.Name == "London");
    }

    [Fact]
    public void ABodysNameKeepsItsOfAndItsPossessive()
    {
        var article = ArticleExtractor.Extract("The Friends of St Ninian's Hospice said it would tighten its controls.");

        Assert.Equal("Friends of St Ninian's Hospice", article.SpeakerOf("it would tighten its controls", QuoteKind.Paraphrase));
    }

    [Fact]
    public void AnAcronymInParenthesesIsTheSameBody()
    {
        var article = ArticleExtractor.Extract(
            "The cod stock is at its lowest level, according to the International Council for the Exploration of the Sea (ICES), which advises the EU.\n\n" +
            "ICES said the cut should be 30%.");

        var body = article.Speaker("International Council for the Exploration of the Sea");
        Assert.Equal(SpeakerKind.Organization, body.Kind);
        Assert.Equal(body.Name, article.SpeakerOf("The cod stock is at its lowest level", QuoteKind.Paraphrase));
        Assert.Equal(body.Name, article.SpeakerOf("the cut should be 30%", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ANameDescribedAsABodyIsABody()
    {
        var article = ArticleExtractor.Extract("Cuts would force 400 vessels to stay in port, Pescafed, the association of fishing companies, said in a statement.");

        Assert.Equal(SpeakerKind.Organization, article.Speaker("Pescafed").Kind);
        Assert.Equal("Pescafed", article.SpeakerOf("Cuts would force 400 vessels to stay in port", QuoteKind.Paraphrase));
    }

    [Fact]
    public void APersonDescribedByAJobInABodyIsStillAPerson()
    {
        var article = ArticleExtractor.Extract("Gail Hollins, 58, admitted fraud.\n\nHollins, a former bank clerk, had been the club's treasurer since 2014. She said she was ashamed.");

        Assert.Equal(SpeakerKind.Person, article.Speaker("Gail Hollins").Kind);
        Assert.Single(article.Speakers);
        Assert.Equal("Gail Hollins", article.SpeakerOf("she was ashamed", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ACompanyIsNamedByTheFirstWordOfItsName()
    {
        var article = ArticleExtractor.Extract("Veltra Semiconductor Corp. reported its results. Veltra said it had agreed to buy a Dutch rival.");

        Assert.Equal("Veltra Semiconductor", article.SpeakerOf("it had agreed to buy a Dutch rival", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ACountryInCapitalsIsNotAPronoun()
    {
        var article = ArticleExtractor.Extract("According to the US, the missiles violate the treaty.");

        Assert.Equal("US", article.SpeakerOf("the missiles violate the treaty", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ASurnameAfterAccordingToIsThePersonNotAPlace()
    {
        var article = ArticleExtractor.Extract("Glaciologist Katrin Obst led the survey. According to Obst, the main cause was the dry winter.");

        Assert.Equal("Katrin Obst", article.SpeakerOf("the main cause was the dry winter", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ASurnameAloneIsTheFirstPersonIntroducedWithIt()
    {
        var article = ArticleExtractor.Extract(
            "Marta Selin, the architect, has died. Her daughter, Anna Selin, said she died peacefully.\n\n\"I never wanted to build monuments,\" Selin told a newspaper in 2010.");

        Assert.Equal("Marta Selin", article.SpeakerOf("I never wanted to build monuments"));
    }

    [Fact]
    public void AForenameThatIsAlsoARoleWordOpensTheName()
    {
        var article = ArticleExtractor.Extract("Sussex coach Dean Fuller said his batsmen had been too passive.");

        Assert.Equal("Dean Fuller", article.SpeakerOf("his batsmen had been too passive", QuoteKind.Paraphrase));
    }

    [Fact]
    public void APronounRightAfterANameGivesItsGender()
    {
        var article = ArticleExtractor.Extract(
            "Ashworth boss Kit Mallory said she would not appeal against the red card shown to Jordan Pike.\n\n" +
            "Pike apologised on social media. 'Let the lads down today,' he wrote.");

        Assert.Equal("Jordan Pike", article.SpeakerOf("Let the lads down today"));
    }
}
