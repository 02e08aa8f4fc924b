using Claims.Api.Extraction;
using Claims.Api.Quotes;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

public sealed class StoredQuoteAlignmentTests
{
    const string Body = "\"We agreed on every step. […] And then we agreed on the way forward. And we will go on,\" he said.";

    static Span SpanOf(string text) => new(Body.IndexOf(text, StringComparison.Ordinal), Body.IndexOf(text, StringComparison.Ordinal) + text.Length);

    static DraftQuotation Extracted(string text, QuoteKind kind = QuoteKind.Direct) =>
        new(0, kind, text, SpanOf(text), 1, [], new Cue("he said", SpanOf("he said")), Attribution.Pronoun, 0.9, 3, DraftQuoteStatus.Pending);

    static DraftQuotation Stored(string text, QuoteKind kind = QuoteKind.Direct) =>
        new(0, kind, text, SpanOf(text), 2, [], null, Attribution.None, 1, 0, DraftQuoteStatus.Stored, Guid.NewGuid());

    [Fact]
    public void AnExtractedQuoteIsShownAsTheStoredQuotesItOverlapsAndWhatTheyLeaveOutStaysNew()
    {
        var whole = Extracted("We agreed on every step. […] And then we agreed on the way forward. And we will go on");
        var first = Stored("We agreed on every step.");
        var second = Stored("And then we agreed on the way forward.");

        var quotes = StoredQuoteAlignment.LineUp(new BodyText(Body), [whole], [second, first]);

        Assert.Equal(
            [(1, "We agreed on every step.", DraftQuoteStatus.Stored), (2, "And then we agreed on the way forward.", DraftQuoteStatus.Stored),
             (3, "And we will go on", DraftQuoteStatus.Pending)],
            quotes.Select(q => (q.Number, q.Text, q.Status)));
        Assert.All(quotes, q => Assert.Equal((3, "he said", Attribution.Pronoun), (q.Group, q.Cue?.Text, q.Attribution)));
        Assert.Equal((first.QuoteId, 2), (quotes[0].QuoteId, quotes[0].Speaker));
        Assert.Equal((1, 0.9), (quotes[2].Speaker, quotes[2].Confidence));
    }

    [Fact]
    public void StoredQuotesTheExtractorMissedAreInTheDraftAndQuotesOfAnotherKindAreNotLinedUp()
    {
        var paraphrase = Extracted("We agreed on every step.", QuoteKind.Paraphrase);
        var stored = Stored("We agreed on every step.");
        var missed = Stored("And we will go on");

        var quotes = StoredQuoteAlignment.LineUp(new BodyText(Body), [paraphrase], [stored, missed]);

        Assert.Equal(
            [(QuoteKind.Direct, DraftQuoteStatus.Stored), (QuoteKind.Paraphrase, DraftQuoteStatus.Pending), (QuoteKind.Direct, DraftQuoteStatus.Stored)],
            quotes.Select(q => (q.Kind, q.Status)));
        Assert.Equal((4, 3, 5), (quotes[0].Group, quotes[1].Group, quotes[2].Group));
    }

    [Theory]
    [InlineData(" ,  ", null)]
    [InlineData(" […] ", null)]
    [InlineData(". And we will go on, ", "And we will go on")]
    [InlineData("… 42 ", "42")]
    public void ALeftoverIsTrimmedAsSpansAreAndKeptOnlyWithALetterOrDigit(string text, string? kept)
    {
        var body = new BodyText($"x{text}y");

        var span = body.Trim(new Span(1, 1 + text.Length));

        Assert.Equal(kept, span is null ? null : body.At(span));
    }

    [Fact]
    public void ABodyIsAddressedInCodePoints()
    {
        var body = new BodyText("🌉 A 🌉 bridge, a bridge.");

        Assert.Equal(23, body.Length);
        Assert.Equal("bridge", body.At(new Span(6, 12)));
        Assert.Equal(new Span(16, 22), body.Find("bridge", 15));
        Assert.Equal(new Span(6, 12), body.Find("bridge", 0));
        Assert.Null(body.Find("tunnel", 0));
        Assert.Equal(19, BodyText.CodePoints("🌉 A 🌉 bridge, a bri"));
    }
}
