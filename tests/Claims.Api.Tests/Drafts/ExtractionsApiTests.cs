using System.Net;
using Claims.Api.Extraction;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

public sealed class ExtractionsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task PostingAnArticleKeepsADraftThatReadsBackWithItsETag()
    {
        var url = Drafts.NewUrl();
        var response = await api.Writer().PostJsonAsync("/v1/extractions", Drafts.Article(url: url));
        var created = await response.ReadAsync<ExtractionDraft>(HttpStatusCode.Created);

        Assert.Equal($"/v1/extractions/{created.Id}", response.Headers.Location?.ToString());
        Assert.Equal((DraftStatus.Open, url, "Example Wire", new DateOnly(2024, 3, 5), "en", "A bridge", Drafts.Body, (Guid?)null),
            (created.Status, created.Source.Url, created.Source.Publisher, created.Source.PublishedOn, created.Source.Language,
                created.Source.Title, created.Source.Body, created.Source.SourceId));
        var read = await api.Reader().GetAsync($"/v1/extractions/{created.Id}");
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);
        Assert.Equal(await response.Content.ReadAsStringAsync(), await read.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APreviewAnswersTheDraftWithoutAKeyAndStoresNothing()
    {
        var before = await Drafts.StateAsync(api);

        var preview = await (await api.Reader().PostJsonAsync("/v1/extractions/preview", Drafts.Article()))
            .ReadAsync<ExtractionDraft>();

        Assert.Equal((null, DraftStatus.Preview, Drafts.Body), (preview.Id, preview.Status, preview.Source.Body));
        Assert.Equal(before, await Drafts.StateAsync(api));
    }

    [Fact]
    public async Task KeepingADraftNeedsTheKey()
    {
        await (await api.Reader().PostJsonAsync("/v1/extractions", Drafts.Article())).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnArticleWithNoQuotesIsADraftWithNone()
    {
        var draft = await api.Writer().NewDraftAsync("The weather was mild. Markets were closed for the holiday.");

        Assert.Empty(draft.Quotes);
        Assert.Equal(DraftStatus.Open, draft.Status);
    }

    [Fact]
    public async Task SpansAndLengthsCountCodePoints()
    {
        const string body = "🌉 A bridge. We will build it. 🌉";
        var writer = api.Writer();
        var draft = await writer.AddQuoteAsync(await writer.NewDraftAsync(body), "We will build it.", null);

        Assert.Equal(31, draft.Source.BodyLength);
        Assert.Equal(new Span(12, 29), draft.Added().Span);
    }

    [Fact]
    public async Task DraftsAreListedNewestFirstAndByStatus()
    {
        var writer = api.Writer();
        var older = await writer.NewDraftAsync();
        var newer = await writer.NewDraftAsync();
        await writer.CommitAsync(older);

        var open = await api.Reader().WalkAsync<ExtractionSummary>("/v1/extractions?status=open&limit=1");
        var all = await api.Reader().WalkAsync<ExtractionSummary>("/v1/extractions?limit=2");

        Assert.Contains(open, d => d.Id == newer.Id);
        Assert.DoesNotContain(open, d => d.Id == older.Id);
        Assert.True(all.FindIndex(d => d.Id == newer.Id) < all.FindIndex(d => d.Id == older.Id));
        Assert.Equal(DraftStatus.Committed, all.Single(d => d.Id == older.Id).Status);
    }

    [Fact]
    public async Task DeletingADraftForgetsItAndNothingElse()
    {
        var writer = api.Writer();
        var draft = await writer.NewDraftAsync();
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/extractions/{draft.Id}")).StatusCode);

        await (await api.Reader().GetAsync($"/v1/extractions/{draft.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    [Fact]
    public async Task AnUnknownDraftIsNotFound()
    {
        await (await api.Reader().GetAsync($"/v1/extractions/{Guid.CreateVersion7()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.Writer().CommitAsync(new ExtractionDraft(Guid.CreateVersion7(), DraftStatus.Open, null!, [], [], [])))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
