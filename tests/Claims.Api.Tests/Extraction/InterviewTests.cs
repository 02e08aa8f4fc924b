using Claims.Api.Extraction;

namespace Claims.Api.Tests.Extraction;

/// <summary>Q and A interviews: the introduction says who asks and who answers.</summary>
public sealed class InterviewTests
{
    private const string QuestionsAndAnswers = """
        Transport Minister Helena Vries wants every city bus to be electric by 2032. She spoke to our correspondent Martin Oduya in her office.

        Q: Minister, is 2032 realistic?

        A: It is ambitious, but it is realistic.

        Q: What if a city misses the deadline?

        A: Then we will help it, not punish it.
        """;

    [Fact]
    public void QuestionsAreTheNamedInterviewersAndAnswersTheIntervieweesButNotSurely()
    {
        var article = ArticleExtractor.Extract(QuestionsAndAnswers);

        Assert.Equal("Martin Oduya", article.SpeakerOf("Minister, is 2032 realistic?"));
        Assert.Equal("Helena Vries", article.SpeakerOf("It is ambitious, but it is realistic."));
        Assert.All(article.Quotes.Where(q => q.Attribution == Attribution.Label), q => Assert.True(q.Confidence < Confidence.High));
    }

    [Fact]
    public void AnInterviewerByTheWordByAsksTheQuestions()
    {
        var article = ArticleExtractor.Extract(
            "The following interview with union leader Rosa Lind was conducted by Paul Acre.\n\nQ: Will you strike?\n\nA: If we must, yes.");

        Assert.Equal("Paul Acre", article.SpeakerOf("Will you strike?"));
        Assert.Equal("Rosa Lind", article.SpeakerOf("If we must, yes."));
    }

    [Fact]
    public void AnInterviewerWithLinesOfTheirOwnAsksNoneOfTheQuestionLines()
    {
        var article = ArticleExtractor.Extract("""
            An interview with Energy Minister Grace Oko. The presenter is Paul Haver.

            HAVER: Will there be enough gas?

            OKO: Yes.

            Viewers' questions were put by the producer.

            Q: What is the Government doing for people like me?
            """);

        Assert.Equal("Paul Haver", article.SpeakerOf("Will there be enough gas?"));
        Assert.Null(article.SpeakerOf("What is the Government doing for people like me?"));
    }
}
