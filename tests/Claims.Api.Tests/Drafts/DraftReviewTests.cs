using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Claims.Api.Extraction;
using Claims.Api.Quotes;
using Claims.Api.Seeding;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

/// <summary>A reviewer corrects a draft: quotes accepted, rejected, re-spanned, re-attributed or added; speakers matched or made new.</summary>
public sealed class DraftReviewTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Quote = "We will build the bridge";
    static readonly Span QuoteSpan = new(Drafts.Body.IndexOf(Quote, StringComparison.Ordinal), Drafts.Body.IndexOf(Quote, StringComparison.Ordinal) + Quote.Length);

    /// <summary>A draft with a pending quote of the test's, and the quote's number.</summary>
    static async Task<(ExtractionDraft, int)> DraftWithQuoteAsync(HttpClient writer)
    {
        var draft = await writer.AddQuoteAsync(await writer.NewDraftAsync(), Quote, null, "pending");
        return (draft, draft.Added().Number);
    }

    static DraftQuotation QuoteOf(ExtractionDraft draft, int number) => draft.Quotes.Single(q => q.Number == number);

    static Task<HttpResponseMessage> PatchQuoteAsync(HttpClient writer, ExtractionDraft draft, int number, string json) =>
        writer.MergePatchAsync($"/v1/extractions/{draft.Id}/quotes/{number}", json);

    [Fact]
    public async Task AQuoteAddedByTextTakesItsSpanInTheBodyAndIsAccepted()
    {
        var writer = api.Writer();
        var draft = await writer.AddQuoteAsync(await writer.NewDraftAsync(), Quote, Seeded.Stoltenberg);

        var quote = draft.Added();
        Assert.Equal((QuoteSpan, Quote, DraftQuoteStatus.Accepted, QuoteKind.Direct), (quote.Span, quote.Text, quote.Status, quote.Kind));
        var speaker = draft.Speakers.Single(s => s.Number == quote.Speaker);
        Assert.Equal(Seeded.Stoltenberg, speaker.Match?.Slug);
    }

    [Fact]
    public async Task AQuoteAddedBySpanTakesTheBodysText()
    {
        var writer = api.Writer();
        var draft = await writer.NewDraftAsync();

        draft = await (await writer.PostJsonAsync($"/v1/extractions/{draft.Id}/quotes", new { span = QuoteSpan, kind = "paraphrase" }))
            .ReadAsync<ExtractionDraft>();

        Assert.Equal((Quote, QuoteKind.Paraphrase), (draft.Added().Text, draft.Added().Kind));
    }

    [Fact]
    public async Task AReviewerAcceptsAQuoteAndGivesItAStoredSpeakerOrADraftOne()
    {
        var writer = api.Writer();
        var (draft, n) = await DraftWithQuoteAsync(writer);

        var accepted = await (await PatchQuoteAsync(writer, draft, n, """{"status": "accepted", "speaker": "nato"}""")).ReadAsync<ExtractionDraft>();
        var nato = accepted.Speakers.Single(s => s.Match?.Slug == Seeded.Nato);
        Assert.Equal((DraftQuoteStatus.Accepted, nato.Number, SpeakerKind.Organization), (QuoteOf(accepted, n).Status, QuoteOf(accepted, n).Speaker, nato.Kind));

        var unattributed = await (await PatchQuoteAsync(writer, accepted, n, """{"speaker": null}""")).ReadAsync<ExtractionDraft>();
        Assert.Null(QuoteOf(unattributed, n).Speaker);
        var again = await (await PatchQuoteAsync(writer, unattributed, n, $$"""{"speaker": {{nato.Number}}, "status": "rejected"}""")).ReadAsync<ExtractionDraft>();
        Assert.Equal((nato.Number, DraftQuoteStatus.Rejected), (QuoteOf(again, n).Speaker, QuoteOf(again, n).Status));
    }

    [Fact]
    public async Task ANewSpanTakesTheBodysTextAndANewTextFindsItsSpan()
    {
        var writer = api.Writer();
        var (draft, n) = await DraftWithQuoteAsync(writer);

        var shorter = await (await PatchQuoteAsync(writer, draft, n, $$$"""{"span": {"start": {{{QuoteSpan.Start}}}, "end": {{{QuoteSpan.Start + 7}}}}}"""))
            .ReadAsync<ExtractionDraft>();
        Assert.Equal("We will", QuoteOf(shorter, n).Text);

        var both = await (await PatchQuoteAsync(writer, shorter, n, $$$"""{"text": "the bridge", "span": {"start": {{{QuoteSpan.End - 10}}}, "end": {{{QuoteSpan.End}}}}}"""))
            .ReadAsync<ExtractionDraft>();
        Assert.Equal("the bridge", QuoteOf(both, n).Text);

        // "The bridge opens" also holds the words, further on: the occurrence nearest the quote is taken.
        var byText = await (await PatchQuoteAsync(writer, both, n, """{"text": "bridge"}""")).ReadAsync<ExtractionDraft>();
        Assert.Equal(new Span(QuoteSpan.End - 6, QuoteSpan.End), QuoteOf(byText, n).Span);
    }

    [Theory]
    [InlineData("""{"span": {"start": 5, "end": 5000}}""", "span")]
    [InlineData("""{"span": {"start": 9, "end": 3}}""", "span")]
    [InlineData("""{"text": "a bridge too far"}""", "text")]
    [InlineData("""{"text": "We will", "span": {"start": 0, "end": 7}}""", "text")]
    [InlineData("""{"speaker": 99}""", "speaker")]
    [InlineData("""{"speaker": "no-such-speaker"}""", "speaker")]
    [InlineData("""{"speaker": true}""", "speaker")]
    [InlineData("""{"status": "stored"}""", "status")]
    [InlineData("""{"status": "maybe"}""", "status")]
    public async Task ABadEditIsRefusedNamingItsFieldAndChangesNothing(string patch, string field)
    {
        var writer = api.Writer();
        var (draft, n) = await DraftWithQuoteAsync(writer);
        var before = await writer.GetAsync($"/v1/extractions/{draft.Id}");

        await (await PatchQuoteAsync(writer, draft, n, patch)).AssertProblemAsync(HttpStatusCode.BadRequest, field);

        Assert.Equal(before.Headers.ETag, (await writer.GetAsync($"/v1/extractions/{draft.Id}")).Headers.ETag);
    }

    [Fact]
    public async Task AnUnknownQuoteOrSpeakerNumberIsNotFound()
    {
        var writer = api.Writer();
        var (draft, n) = await DraftWithQuoteAsync(writer);

        await (await PatchQuoteAsync(writer, draft, n + 7, """{"status": "accepted"}""")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.MergePatchAsync($"/v1/extractions/{draft.Id}/speakers/{draft.Speakers.Count + 7}", """{"name": "X"}""")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnAddedQuoteNeedsASpanOrATextInTheBody()
    {
        var writer = api.Writer();
        var draft = await writer.NewDraftAsync();

        await (await writer.PostJsonAsync($"/v1/extractions/{draft.Id}/quotes", new { kind = "direct" })).AssertProblemAsync(HttpStatusCode.BadRequest, "span");
        await (await writer.PostJsonAsync($"/v1/extractions/{draft.Id}/quotes", new { text = "Not there." })).AssertProblemAsync(HttpStatusCode.BadRequest, "text");
    }

    [Fact]
    public async Task TheSameQuotationTwiceIsAConflict()
    {
        var writer = api.Writer();
        var draft = await writer.AddQuoteAsync(await writer.NewDraftAsync(), Quote, Seeded.Stoltenberg);

        await (await writer.PostJsonAsync($"/v1/extractions/{draft.Id}/quotes", new { text = Quote, speaker = Seeded.Stoltenberg }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var other = await writer.AddQuoteAsync(draft, Quote, Seeded.Nato);
        Assert.Equal(2, other.Quotes.Count(q => q.Text == Quote));
    }

    [Fact]
    public async Task AnEditWithAStaleETagIsAPreconditionFailure()
    {
        var writer = api.Writer();
        var (draft, n) = await DraftWithQuoteAsync(writer);
        var etag = (await writer.GetAsync($"/v1/extractions/{draft.Id}")).Headers.ETag!.ToString();
        var edited = await PatchQuoteAsync(writer, draft, n, """{"status": "accepted"}""");
        Assert.NotEqual(etag, edited.Headers.ETag?.ToString());

        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/v1/extractions/{draft.Id}/quotes/{n}")
        {
            Content = new StringContent("""{"status": "rejected"}""", Encoding.UTF8, "application/merge-patch+json"),
            Headers = { IfMatch = { EntityTagHeaderValue.Parse(etag) } },
        };
        await (await writer.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var current = new HttpRequestMessage(HttpMethod.Patch, $"/v1/extractions/{draft.Id}/quotes/{n}")
        {
            Content = new StringContent("""{"status": "rejected"}""", Encoding.UTF8, "application/merge-patch+json"),
            Headers = { IfMatch = { edited.Headers.ETag! } },
        };
        Assert.Equal(DraftQuoteStatus.Rejected, QuoteOf(await (await writer.SendAsync(current)).ReadAsync<ExtractionDraft>(), n).Status);
    }

    [Fact]
    public async Task APatchThatIsNotAMergePatchIsUnsupported()
    {
        var writer = api.Writer();
        var (draft, n) = await DraftWithQuoteAsync(writer);

        var response = await writer.PatchAsync($"/v1/extractions/{draft.Id}/quotes/{n}", new StringContent("{}", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task AStoredQuoteIsChangedInTheKnowledgeBaseNotInTheDraft()
    {
        var writer = api.Writer();
        var draft = await (await writer.PostJsonAsync("/v1/extractions", new { sourceId = SeedLoader.Read().Sources[0].Id }))
            .ReadAsync<ExtractionDraft>(HttpStatusCode.Created);
        var stored = draft.Quotes.First(q => q.Status == DraftQuoteStatus.Stored);

        var problem = await (await PatchQuoteAsync(writer, draft, stored.Number, """{"status": "rejected"}""")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains($"/v1/quotes/{stored.QuoteId}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ASpeakerIsMatchedToAStoredOneOrMadeNew()
    {
        var writer = api.Writer();
        var draft = await writer.NewDraftAsync();

        var added = await (await writer.PostJsonAsync($"/v1/extractions/{draft.Id}/speakers",
            new { name = "Ana Ruiz", kind = "person", titles = new[] { "Minister of Transport" } })).ReadAsync<ExtractionDraft>();
        var ana = added.Speakers.MaxBy(s => s.Number)!;
        Assert.Equal(("Ana Ruiz", (SpeakerRef?)null), (ana.Name, ana.Match));
        Assert.Equal(["Minister of Transport"], ana.Titles);

        var matched = await (await writer.MergePatchAsync($"/v1/extractions/{draft.Id}/speakers/{ana.Number}", """{"match": "jens-stoltenberg"}"""))
            .ReadAsync<ExtractionDraft>();
        Assert.Equal(Seeded.Stoltenberg, matched.Speakers.Single(s => s.Number == ana.Number).Match?.Slug);

        var madeNew = await (await writer.MergePatchAsync($"/v1/extractions/{draft.Id}/speakers/{ana.Number}", """{"match": null, "kind": "organization"}"""))
            .ReadAsync<ExtractionDraft>();
        var made = madeNew.Speakers.Single(s => s.Number == ana.Number);
        Assert.Equal(("Ana Ruiz", (SpeakerRef?)null, SpeakerKind.Organization), (made.Name, made.Match, made.Kind));

        await (await writer.MergePatchAsync($"/v1/extractions/{draft.Id}/speakers/{ana.Number}", """{"match": "nobody-at-all"}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "match");
        await (await writer.MergePatchAsync($"/v1/extractions/{draft.Id}/speakers/{ana.Number}", """{"name": ""}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await writer.PostJsonAsync($"/v1/extractions/{draft.Id}/speakers", new { kind = "person" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "name");
    }
}
