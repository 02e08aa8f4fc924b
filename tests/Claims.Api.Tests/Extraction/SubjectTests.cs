using Claims.Api.Extraction;
using Claims.Api.Quotes;

namespace Claims.Api.Tests.Extraction;

/// <summary>Who a cue's subject is when news copy describes rather than names it, or sets it off with asides.</summary>
public sealed class SubjectTests
{
    [Fact]
    public void APersonOfABodyInAPlaceIsThePersonNotTheBody()
    {
        var article = ArticleExtractor.Extract(
            "Lead engineer Tomas Varga of the Institute of Bridge Studies in Linz said the cables had corroded.");

        Assert.Equal("Tomas Varga", article.SpeakerOf("the cables had corroded", QuoteKind.Paraphrase));
    }

    [Fact]
    public void AnAsideBetweenCommasLeavesTheSubjectBeforeIt()
    {
        var article = ArticleExtractor.Extract(
            "The Northern Front has denied the attack. A spokesman for the group, reached by phone, said the army had fired first.");

        Assert.Equal("Northern Front", article.SpeakerOf("the army had fired first", QuoteKind.Paraphrase));
    }

    [Fact]
    public void OneOfAGroupIsSomebodyNobodyNamed()
    {
        var article = ArticleExtractor.Extract(
            "Talks will resume on Friday, one of the officials said. The plan has been shelved, two government sources told Meridian.");

        Assert.Null(article.SpeakerOf("Talks will resume on Friday", QuoteKind.Paraphrase));
        Assert.Null(article.SpeakerOf("The plan has been shelved", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ARoleQualifiedByAPhraseIsSomebody()
    {
        var article = ArticleExtractor.Extract("Ines Faro chaired the meeting. One diplomat from a southern member state said the text was too weak.");

        Assert.Null(article.SpeakerOf("the text was too weak", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ANameSetOffByCommasBeforeTheVerbIsTheSubject()
    {
        var article = ArticleExtractor.Extract("A baker in the market square, who gave only his first name, Arben, said he had heard three blasts.");

        Assert.Equal("Arben", article.SpeakerOf("he had heard three blasts", QuoteKind.Paraphrase));
    }

    [Fact]
    public void TheRoleOfABodyFollowedByANameIsThatPerson()
    {
        var article = ArticleExtractor.Extract("“We will appeal,” said the chairman of the Riverside Residents Association, Colin Mayhew, a retired pilot.");

        Assert.Equal("Colin Mayhew", article.SpeakerOf("We will appeal"));
    }

    [Fact]
    public void ABodysStatementIntroducedByAColonIsThatBodys()
    {
        var article = ArticleExtractor.Extract("The Orbital Research Agency published the images.\n\nThe agency's statement was cautious: “The images are preliminary.”");

        Assert.Equal("Orbital Research Agency", article.SpeakerOf("The images are preliminary."));
    }

    [Fact]
    public void PluralRolesOpeningTheSentenceWithARelativeClauseSpeakForNobodyInParticular()
    {
        var article = ArticleExtractor.Extract("Two councillors who voted in favour, speaking afterwards, said they had done so reluctantly.");

        Assert.Null(article.SpeakerOf("they had done so reluctantly", QuoteKind.Paraphrase));
    }

    [Fact]
    public void ADescribedPersonWithARelativeClauseIsSomebodyAndHerPronounToo()
    {
        var article = ArticleExtractor.Extract(
            "Police spokeswoman Sgt. Dana Ruiz said two men had been arrested.\n\n" +
            "A woman who lives nearby, and who asked not to be named, said she saw a car speed away.\n\n\"It was going very fast,\" she said.");

        Assert.Null(article.SpeakerOf("she saw a car speed away", QuoteKind.Paraphrase));
        Assert.Null(article.SpeakerOf("It was going very fast"));
    }

    [Fact]
    public void ALowercaseTitleBeforeAnAbbreviatedOneLetsTheClauseBeforeItBeReportedSpeech()
    {
        var article = ArticleExtractor.Extract("Two men are being held, police spokeswoman Sgt. Dana Ruiz said Sunday.");

        Assert.Equal("Dana Ruiz", article.SpeakerOf("Two men are being held", QuoteKind.Paraphrase));
    }
}
