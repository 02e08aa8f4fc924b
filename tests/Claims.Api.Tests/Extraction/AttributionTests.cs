using Claims.Api.Extraction;

namespace Claims.Api.Tests.Extraction;

/// <summary>Who said a direct quote: the cue after it, before it, around it, or the context.</summary>
public sealed class AttributionTests
{
    [Fact]
    public void ACueAfterTheQuoteNamesItsSpeaker()
    {
        var article = ArticleExtractor.Extract("“We will respond,” Jens Stoltenberg said.");

        var quote = article.Quote("We will respond");
        Assert.Equal("Jens Stoltenberg", article.SpeakerOf(quote));
        Assert.Equal(Attribution.Name, quote.Attribution);
        Assert.Equal("said", quote.Cue?.Text);
    }

    [Fact]
    public void AnInvertedCueAfterTheQuoteNamesItsSpeaker()
    {
        var article = ArticleExtractor.Extract("“We will respond,” said NATO Secretary General Jens Stoltenberg.");

        Assert.Equal("Jens Stoltenberg", article.SpeakerOf("We will respond"));
    }

    [Fact]
    public void ACueBeforeTheQuoteWithAColonNamesItsSpeaker()
    {
        var article = ArticleExtractor.Extract("Jens Stoltenberg told reporters: “We will respond.”");

        var quote = article.Quote("We will respond.");
        Assert.Equal("Jens Stoltenberg", article.SpeakerOf(quote));
        Assert.Equal("told reporters", quote.Cue?.Text);
    }

    [Fact]
    public void AQuoteInterruptedByItsCueIsOneUtteranceInTwoSpans()
    {
        var article = ArticleExtractor.Extract("Mary Okafor chairs the board. “I think so,” she said, “and we agreed.”");

        var first = article.Quote("I think so");
        var second = article.Quote("and we agreed.");
        Assert.Equal(first.Group, second.Group);
        Assert.Equal("Mary Okafor", article.SpeakerOf(second));
    }

    [Fact]
    public void AQuoteAfterItsAttributedSentenceInTheSameParagraphContinuesTheUtterance()
    {
        var article = ArticleExtractor.Extract("“I think so,” said Paul Adams. “We agreed.”");

        Assert.Equal(article.Quote("I think so").Group, article.Quote("We agreed.").Group);
        Assert.Equal("Paul Adams", article.SpeakerOf("We agreed."));
    }

    [Fact]
    public void AQuoteWithNoCueInTheNextParagraphIsTheSameSpeakerByContext()
    {
        var article = ArticleExtractor.Extract("“The maps are wrong,” Harold Jinks said.\n\n“Fix the maps first.”");

        var quote = article.Quote("Fix the maps first.");
        Assert.Equal("Harold Jinks", article.SpeakerOf(quote));
        Assert.Equal(Attribution.Context, quote.Attribution);
    }

    [Fact]
    public void AColonAfterTheSentencesSubjectIntroducesTheQuote()
    {
        var article = ArticleExtractor.Extract("Asked about Russia, Ilse Vandermeer was careful: “I am not going to name a country.”");

        Assert.Equal("Ilse Vandermeer", article.SpeakerOf("I am not going to name a country."));
    }

    [Theory]
    [InlineData("added")]
    [InlineData("noted")]
    [InlineData("stressed")]
    [InlineData("warned")]
    [InlineData("tweeted")]
    [InlineData("wrote")]
    [InlineData("posted")]
    [InlineData("asked")]
    [InlineData("replied")]
    [InlineData("explained")]
    [InlineData("insisted")]
    [InlineData("argued")]
    [InlineData("claimed")]
    [InlineData("announced")]
    [InlineData("confirmed")]
    [InlineData("denied")]
    [InlineData("acknowledged")]
    public void EveryReportingVerbOfTheLexiconAttributes(string verb)
    {
        var article = ArticleExtractor.Extract($"“It is over,” Sarah Lindqvist {verb}.");

        Assert.Equal("Sarah Lindqvist", article.SpeakerOf("It is over"));
    }

    [Fact]
    public void WentOnToSayIsOneCue()
    {
        var article = ArticleExtractor.Extract("Karl Berg opened the session. He went on to say: “The budget is final.”");

        var quote = article.Quote("The budget is final.");
        Assert.Equal("Karl Berg", article.SpeakerOf(quote));
        Assert.Equal("went on to say", quote.Cue?.Text);
    }

    [Fact]
    public void AFragmentInsideReportedSpeechIsADirectQuoteOfTheReportedSpeaker()
    {
        var article = ArticleExtractor.Extract("NATO confirmed that it had received the letter but did not consider the proposal “credible.”");

        var quote = article.Quote("credible");
        Assert.Equal("NATO", article.SpeakerOf(quote));
    }

    [Fact]
    public void ScareQuotesAndTitlesAreNotQuotations()
    {
        var article = ArticleExtractor.Extract("The so-called “peace plan” was published on Monday. Critics compared it to the film “Dune”.");

        Assert.Empty(article.Direct());
    }

    [Fact]
    public void AnInterviewLabelAttributesTheRestOfTheParagraph()
    {
        var article = ArticleExtractor.Extract(
            "An interview with NATO Secretary General Jens Stoltenberg.\n\nQ: Will you respond?\n\nSTOLTENBERG: We will respond. But we will not mirror Russia.");

        var answer = article.Quote("We will respond. But we will not mirror Russia.");
        Assert.Equal("Jens Stoltenberg", article.SpeakerOf(answer));
        Assert.Equal(Attribution.Label, answer.Attribution);
        var question = article.Quote("Will you respond?");
        Assert.Null(question.Speaker);
        Assert.Equal(Attribution.Label, question.Attribution);
    }

    [Fact]
    public void AnAnswerLabelIsTheInterviewee()
    {
        var article = ArticleExtractor.Extract(
            "PAUL HAVERFORD: Will there be enough gas?\n\nGRACE OKONJO: Yes.\n\nQ: Will you guarantee it?\n\nA: I will not make promises.");

        Assert.Equal("Grace Okonjo", article.SpeakerOf("I will not make promises."));
        Assert.Equal("Paul Haverford", article.SpeakerOf("Will there be enough gas?"));
    }

    [Fact]
    public void APassiveCueHasNoSpeaker()
    {
        var article = ArticleExtractor.Extract("“The deal is done,” it was said in Brussels.");

        Assert.Null(article.Quote("The deal is done").Speaker);
    }

    [Fact]
    public void AWholeQuoteWithNoCueAndNoContextHasNoSpeakerButCandidates()
    {
        var article = ArticleExtractor.Extract("Prime Minister Olga Petrova visited the flooded town.\n\nResidents were angry.\n\n\n“This was our garden ten minutes ago.”");

        var quote = article.Quote("This was our garden ten minutes ago.");
        Assert.Null(quote.Speaker);
        Assert.Equal(Attribution.None, quote.Attribution);
        Assert.Contains(quote.Candidates, c => article.Speakers.Single(s => s.Id == c.Speaker).Name == "Olga Petrova");
    }
}
