using System.Net;
using Claims.Api.Extraction;
using Claims.Api.Quotes;
using Claims.Api.Seeding;
using Claims.Api.Sources;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

/// <summary>An article already stored is read against what is stored: its source reused, its stored quotes in the draft, nothing twice.</summary>
public sealed class StoredSourceDraftTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static readonly SeedKnowledgeBase Seed = SeedLoader.Read();

    public static TheoryData<string> SeedReports => new(Seed.Sources.Select(s => s.Url));

    static object SeedArticle(SeedSource source) => new
    {
        url = source.Url, publisher = source.Publisher, publishedOn = source.PublishedOn, language = source.Language,
        body = SeedLoader.ReadDocument(source.File),
    };

    static void AssertHoldsEveryDirectQuotationOfStoltenberg(ExtractionDraft draft, string url)
    {
        var expected = Seed.Quotes.Where(q => q is { Speaker: Seeded.Stoltenberg, Kind: "direct" } && q.Source == url).ToList();
        Assert.NotEmpty(expected);
        foreach (var seeded in expected)
        {
            var quote = Assert.Single(draft.Quotes, q => q.Span.Start == seeded.Span!.Start && q.Span.End == seeded.Span.End && q.Kind == QuoteKind.Direct);
            Assert.Equal(seeded.Text, quote.Text);
            Assert.Equal((DraftQuoteStatus.Stored, seeded.Id), (quote.Status, quote.QuoteId));
            var speaker = draft.Speakers.Single(s => s.Number == quote.Speaker);
            Assert.Equal((Seeded.Stoltenberg, "Jens Stoltenberg"), (speaker.Match?.Slug, speaker.Match?.Name));
        }
    }

    [Theory]
    [MemberData(nameof(SeedReports))]
    public async Task PostingASeedReportHoldsEveryDirectQuotationOfStoltenbergExactly(string url)
    {
        var source = Seed.Sources.Single(s => s.Url == url);

        var draft = await (await api.Writer().PostJsonAsync("/v1/extractions", SeedArticle(source))).ReadAsync<ExtractionDraft>(HttpStatusCode.Created);

        Assert.Equal(source.Id, draft.Source.SourceId);
        AssertHoldsEveryDirectQuotationOfStoltenberg(draft, url);
    }

    [Theory]
    [MemberData(nameof(SeedReports))]
    public async Task ReadingAStoredSourceByIdHoldsEveryDirectQuotationOfStoltenbergExactly(string url)
    {
        var source = Seed.Sources.Single(s => s.Url == url);

        var draft = await (await api.Writer().PostJsonAsync("/v1/extractions", new { sourceId = source.Id })).ReadAsync<ExtractionDraft>(HttpStatusCode.Created);

        Assert.Equal((source.Id, url, SeedLoader.ReadDocument(source.File)), (draft.Source.SourceId, draft.Source.Url, draft.Source.Body));
        AssertHoldsEveryDirectQuotationOfStoltenberg(draft, url);
    }

    [Theory]
    [MemberData(nameof(SeedReports))]
    public async Task EveryStoredQuoteOfTheSourceIsInTheDraftAndNoNewOneRepeatsOne(string url)
    {
        var source = Seed.Sources.Single(s => s.Url == url);
        var writer = api.Writer();
        var draft = await (await writer.PostJsonAsync("/v1/extractions", new { sourceId = source.Id })).ReadAsync<ExtractionDraft>(HttpStatusCode.Created);
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var result = await (await writer.CommitAsync(draft)).ReadAsync<CommitResult>();

        var stored = draft.Quotes.Where(q => q.Status == DraftQuoteStatus.Stored).ToList();
        Assert.Equal(Seed.Quotes.Where(q => q.Source == url).Select(q => q.Id).Order(), stored.Select(q => q.QuoteId!.Value).Order());
        Assert.DoesNotContain(draft.Quotes, q => q.Status == DraftQuoteStatus.Pending
            && stored.Any(s => s.Kind == q.Kind && s.Span.Start < q.Span.End && q.Span.Start < s.Span.End));
        Assert.Equal((CommittedAction.Unchanged, 0, 0), (result.Source.Action, result.Speakers.Count, result.Quotes.Count));
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    [Fact]
    public async Task AStoredUrlWithAnotherTextIsAConflictNamingTheStoredSource()
    {
        var source = Seed.Sources[0];
        var before = await Drafts.StateAsync(api);

        var problem = await (await api.Writer().PostJsonAsync("/v1/extractions", new { url = source.Url, body = "Another text entirely." }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(source.Id.ToString(), problem.GetProperty("sourceId").GetString());
        Assert.Contains("sourceId", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await Drafts.StateAsync(api));
    }

    [Fact]
    public async Task AStoredSourceWithoutTextIsReusedAndTheCommitFillsItIn()
    {
        var writer = api.Writer();
        var url = Drafts.NewUrl();
        var stored = await (await writer.PostJsonAsync("/v1/sources", new { url, publisher = "Stored Wire" })).ReadAsync<SourceDetail>(HttpStatusCode.Created);

        var draft = await writer.NewDraftAsync(url: url);
        draft = await writer.AddQuoteAsync(draft, "We will build the bridge", Seeded.Stoltenberg);
        var result = await (await writer.CommitAsync(draft)).ReadAsync<CommitResult>();

        Assert.Equal((stored.Id, "Stored Wire", "A bridge"), (draft.Source.SourceId, draft.Source.Publisher, draft.Source.Title));
        Assert.Equal((stored.Id, CommittedAction.Updated), (result.Source.Id, result.Source.Action));
        var filled = await (await api.Reader().GetAsync($"/v1/sources/{stored.Id}")).ReadAsync<SourceDetail>();
        Assert.Equal((Drafts.Body, "Stored Wire", "A bridge"), (filled.Body, filled.Publisher, filled.Title));
    }
}
