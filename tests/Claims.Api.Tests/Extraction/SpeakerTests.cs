using Claims.Api.Extraction;
using Claims.Api.Speakers;

namespace Claims.Api.Tests.Extraction;

/// <summary>Speakers: fullest names, titles around them, surnames, titles and pronouns resolved, bodies that speak.</summary>
public sealed class SpeakerTests
{
    [Fact]
    public void AFullNameIntroducesAPersonWithTheTitlesBeforeIt()
    {
        var article = ArticleExtractor.Extract("NATO Secretary General Jens Stoltenberg said the alliance was ready.");

        var speaker = article.Speaker("Jens Stoltenberg");
        Assert.Equal(SpeakerKind.Person, speaker.Kind);
        Assert.Contains("NATO Secretary General", speaker.Titles);
    }

    [Fact]
    public void AnAppositiveAfterTheNameIsATitle()
    {
        var article = ArticleExtractor.Extract("Jens Stoltenberg, NATO's secretary general, said the alliance was ready.");

        Assert.Contains("NATO's secretary general", article.Speaker("Jens Stoltenberg").Titles);
    }

    [Fact]
    public void ALaterSurnameIsThePersonAlreadyIntroduced()
    {
        var article = ArticleExtractor.Extract("Jens Stoltenberg arrived in Brussels.\n\n“We will respond,” Stoltenberg said.");

        Assert.Equal("Jens Stoltenberg", article.SpeakerOf("We will respond"));
        Assert.Single(article.Speakers);
    }

    [Fact]
    public void ALaterTitleIsThePersonWhoHoldsIt()
    {
        var article = ArticleExtractor.Extract(
            "NATO Secretary-General Jens Stoltenberg met ministers.\n\n“We regret the demise of the treaty,” the Secretary-General said.");

        var quote = article.Quote("We regret the demise of the treaty");
        Assert.Equal("Jens Stoltenberg", article.SpeakerOf(quote));
        Assert.Equal(Attribution.Title, quote.Attribution);
    }

    [Fact]
    public void AnAbbreviatedTitleMatchesTheWordItStandsFor()
    {
        var article = ArticleExtractor.Extract("Gov. Harriet Lowe toured the coast.\n\n“We have 300 Guard members there,” the governor added.");

        Assert.Equal("Harriet Lowe", article.SpeakerOf("We have 300 Guard members there"));
    }

    [Fact]
    public void PronounsFollowTheGenderOfForenamesAndHonorifics()
    {
        var article = ArticleExtractor.Extract(
            "Foreign Minister Annalena Baerbock met Mr. Kovacs in Berlin.\n\n“We agreed on sanctions,” she said. “We did not agree on the timing,” he said.");

        Assert.Equal("Annalena Baerbock", article.SpeakerOf("We agreed on sanctions"));
        Assert.Equal("Kovacs", article.SpeakerOf("We did not agree on the timing"));
        Assert.Equal(Gender.Female, article.Speaker("Annalena Baerbock").Gender);
        Assert.Equal(Gender.Male, article.Speaker("Kovacs").Gender);
    }

    [Fact]
    public void APossessiveNearTheNameGivesThePronounItsGender()
    {
        var article = ArticleExtractor.Extract(
            "Robin Hale thanked her staff. Kim Loy thanked his team.\n\n“It was a long night,” she said.");

        Assert.Equal("Robin Hale", article.SpeakerOf("It was a long night"));
    }

    [Fact]
    public void APronounPrefersTheSubjectOfTheLastSentence()
    {
        var article = ArticleExtractor.Extract(
            "“We played well,” said manager Declan O'Neill.\n\nStriker Callum Reid scored twice on his first start. “I didn't sleep last night,” he said.");

        Assert.Equal("Callum Reid", article.SpeakerOf("I didn't sleep last night"));
    }

    [Theory]
    [InlineData("The ministry said", "Russian Ministry of Defence", SpeakerKind.Government)]
    [InlineData("NATO confirmed", "NATO", SpeakerKind.Organization)]
    [InlineData("The White House said in a statement", "White House", SpeakerKind.Government)]
    [InlineData("The Kremlin said", "Kremlin", SpeakerKind.Government)]
    public void OrganisationsAndGovernmentsSpeak(string cue, string name, SpeakerKind kind)
    {
        var article = ArticleExtractor.Extract($"The Russian Ministry of Defence held a briefing.\n\n{cue} that the missile complied with the treaty.");

        var quote = article.Quote("the missile complied with the treaty", Quotes.QuoteKind.Paraphrase);
        Assert.Equal(name, article.SpeakerOf(quote));
        Assert.Equal(kind, article.Speaker(name).Kind);
    }

    [Fact]
    public void ABodyNamedOnlyByDescriptionSpeaksUnderThatDescription()
    {
        var article = ArticleExtractor.Extract("The strike forced 14 vessels to divert, according to the port authority.");

        Assert.Equal("port authority", article.SpeakerOf("The strike forced 14 vessels to divert", Quotes.QuoteKind.Paraphrase));
    }

    [Fact]
    public void ASpokespersonSpeaksForTheBodyNamedWithIt()
    {
        var article = ArticleExtractor.Extract("Port Alden Regional Airport has cancelled all flights, a spokeswoman for the airport said.");

        Assert.Equal("Port Alden Regional Airport", article.SpeakerOf("Port Alden Regional Airport has cancelled all flights", Quotes.QuoteKind.Paraphrase));
    }

    [Fact]
    public void AnUnnamedPersonIsNoSpeaker()
    {
        var article = ArticleExtractor.Extract("Defence ministers met in Tallinn.\n\n“It's a signal, and signals matter,” said one Nordic diplomat.");

        Assert.Null(article.Quote("It's a signal, and signals matter").Speaker);
    }

    [Fact]
    public void ARelativeClauseBetweenSubjectAndVerbIsSkipped()
    {
        var article = ArticleExtractor.Extract(
            "Dr. Anita Bhose, a hydrologist who advised the Legislature, warned that the levees would not hold.");

        Assert.Equal("Anita Bhose", article.SpeakerOf("the levees would not hold", Quotes.QuoteKind.Paraphrase));
    }

    [Fact]
    public void ACapitalisedRoleBeforeAForenameIsATitle()
    {
        var article = ArticleExtractor.Extract("Student Jonas Weber, 23, was less sure: „Who do I ask when something goes wrong?“");

        Assert.Equal("Jonas Weber", article.SpeakerOf("Who do I ask when something goes wrong?"));
    }
}
