using System.Net;
using Claims.Api.Extraction;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Sources;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

/// <summary>A reviewed draft commits once, in one transaction, through the normal tables; or not at all.</summary>
public sealed class DraftCommitTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    // Stoltenberg's words as TASS rendered them, retold: the seed's Sputnik rendering is another variant of the statement.
    const string Retold = "NATO chief Jens Stoltenberg was blunt. \"We want to avoid or prevent a new arms race, and therefore we also look " +
                          "into what more we can do related to arms control,\" he said. A minister, Ana Ruiz, added: \"Talks go on.\"";

    const string ArmsRace = "We want to avoid or prevent a new arms race, and therefore we also look into what more we can do related to arms control";

    [Fact]
    public async Task ACommitWritesTheSourceTheNewSpeakersAndTheAcceptedQuotesWithTheirEvents()
    {
        var writer = api.Writer();
        var draft = await writer.NewDraftAsync(Retold);
        (draft, var words) = await writer.AcceptAsync(draft, ArmsRace, Seeded.Stoltenberg);
        draft = await (await writer.PostJsonAsync($"/v1/extractions/{draft.Id}/speakers", new { name = "Ana Ruiz", titles = new[] { "Minister" } })).ReadAsync<ExtractionDraft>();
        (draft, var talks) = await writer.AcceptAsync(draft, "Talks go on.", draft.Speakers.MaxBy(s => s.Number)!.Number);
        draft = await writer.AddQuoteAsync(draft, "NATO chief Jens Stoltenberg was blunt.", null, "rejected");
        var head = (await DatabaseState.CountsAsync(api.ConnectionString, "change"))[0];

        var result = await (await writer.CommitAsync(draft)).ReadAsync<CommitResult>();

        Assert.Equal(CommittedAction.Created, result.Source.Action);
        var source = await (await api.Reader().GetAsync(result.Source.Location)).ReadAsync<SourceDetail>();
        Assert.Equal((draft.Source.Url, Retold, "Example Wire"), (source.Url, source.Body, source.Publisher));
        var created = Assert.Single(result.Speakers);
        var speaker = await (await api.Reader().GetAsync(created.Location)).ReadAsync<SpeakerResponse>();
        Assert.Equal(("ana-ruiz", "Ana Ruiz", "Minister", SpeakerKind.Person), (speaker.Slug, speaker.Name, speaker.Title, speaker.Kind));
        Assert.Equal([words, talks], result.Quotes.Select(q => q.Number).Order());
        foreach (var committed in result.Quotes)
        {
            var quote = await (await api.Reader().GetAsync(committed.Location)).ReadAsync<QuoteResponse>();
            var inDraft = draft.Quotes.Single(q => q.Number == committed.Number);
            Assert.Equal((inDraft.Text, inDraft.Span, source.Id, new DateOnly(2024, 3, 5)), (quote.Text, quote.Span!, quote.Source.Id, quote.SaidOn!.Value));
        }
        // One event each for the source, the speaker and two quotes: the triggers wrote them, as on any write.
        Assert.Equal(head + 4, (await DatabaseState.CountsAsync(api.ConnectionString, "change"))[0]);
    }

    [Fact]
    public async Task ACommittedQuoteThatRendersAStoredStatementJoinsIt()
    {
        var writer = api.Writer();
        var (draft, _) = await writer.AcceptAsync(await writer.NewDraftAsync(Retold), ArmsRace, Seeded.Stoltenberg);

        var result = await (await writer.CommitAsync(draft)).ReadAsync<CommitResult>();

        var quote = await (await api.Reader().GetAsync(Assert.Single(result.Quotes).Location)).ReadAsync<QuoteResponse>();
        Assert.True(quote.VariantCount >= 2, $"variantCount {quote.VariantCount}");
        var variants = await (await api.Reader().GetAsync($"/v1/quotes/{quote.Id}/variants")).ReadAsync<Page<QuoteResponse>>();
        Assert.Contains(variants.Items, v => v.Source.Url == Seeded.SputnikUrl);
    }

    [Fact]
    public async Task ASecondCommitAnswersTheSameAndChangesNothing()
    {
        var writer = api.Writer();
        var draft = await writer.AddQuoteAsync(await writer.NewDraftAsync(), "We will build the bridge", Seeded.Stoltenberg);
        var first = await (await writer.CommitAsync(draft)).Content.ReadAsStringAsync();
        var before = await Drafts.StateAsync(api);

        var second = await writer.CommitAsync(draft, new { minConfidence = 0 });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first, await second.Content.ReadAsStringAsync());
        Assert.Equal(before, await Drafts.StateAsync(api));
        var committed = await (await api.Reader().GetAsync($"/v1/extractions/{draft.Id}")).ReadAsync<ExtractionDraft>();
        Assert.Equal(DraftStatus.Committed, committed.Status);
        Assert.Equal(DraftQuoteStatus.Stored, committed.Added().Status);
        Assert.NotNull(committed.Source.SourceId);
    }

    [Fact]
    public async Task ACommittedDraftIsNotEdited()
    {
        var writer = api.Writer();
        var draft = await writer.AddQuoteAsync(await writer.NewDraftAsync(), "We will build the bridge", Seeded.Stoltenberg);
        await writer.CommitAsync(draft);

        await (await writer.MergePatchAsync($"/v1/extractions/{draft.Id}/quotes/{draft.Added().Number}", """{"status": "rejected"}""")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await writer.PostJsonAsync($"/v1/extractions/{draft.Id}/quotes", new { text = "bridge" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnAcceptedQuoteWithoutASpeakerIsRefusedNamingItAndNothingIsWritten()
    {
        var writer = api.Writer();
        var draft = await writer.AddQuoteAsync(await writer.NewDraftAsync(), "We will build the bridge", null);
        var before = await Drafts.StateAsync(api);

        await (await writer.CommitAsync(draft)).AssertProblemAsync(HttpStatusCode.BadRequest, $"quotes/{draft.Added().Number}/speaker");

        Assert.Equal(before, await Drafts.StateAsync(api));
    }

    [Fact]
    public async Task MinConfidenceCommitsThePendingQuotesWithASpeakerToo()
    {
        var writer = api.Writer();
        var draft = await writer.AddQuoteAsync(await writer.NewDraftAsync(), "We will build the bridge", Seeded.Stoltenberg, "pending");
        var attributed = draft.Added().Number;
        draft = await writer.AddQuoteAsync(draft, "The bridge opens in May.", null, "pending");

        await (await writer.CommitAsync(draft, new { minConfidence = 2 })).AssertProblemAsync(HttpStatusCode.BadRequest, "minConfidence");
        var result = await (await writer.CommitAsync(draft, new { minConfidence = 0.5 })).ReadAsync<CommitResult>();

        Assert.Contains(result.Quotes, q => q.Number == attributed);
        Assert.DoesNotContain(result.Quotes, q => q.Number == draft.Added().Number);
    }

    [Fact]
    public async Task ADraftWhoseSourceChangedMeanwhileIsAConflictAndNothingIsWritten()
    {
        var writer = api.Writer();
        var url = Drafts.NewUrl();
        var stored = await (await writer.PostJsonAsync("/v1/sources", new { url, body = Drafts.Body })).ReadAsync<SourceDetail>(HttpStatusCode.Created);
        var draft = await writer.AddQuoteAsync(await writer.NewDraftAsync(url: url), "We will build the bridge", Seeded.Stoltenberg);
        Assert.Equal(stored.Id, draft.Source.SourceId);
        await writer.PutJsonAsync($"/v1/sources/{stored.Id}", new { url, body = Drafts.Body + " Updated." });
        var before = await Drafts.StateAsync(api);

        await (await writer.CommitAsync(draft)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, await Drafts.StateAsync(api));
    }

    [Fact]
    public async Task ADraftWhoseSourceWasDeletedMeanwhileIsAConflictAndNothingIsWritten()
    {
        var writer = api.Writer();
        var url = Drafts.NewUrl();
        var stored = await (await writer.PostJsonAsync("/v1/sources", new { url, body = Drafts.Body })).ReadAsync<SourceDetail>(HttpStatusCode.Created);
        var draft = await writer.AddQuoteAsync(await writer.NewDraftAsync(url: url), "We will build the bridge", Seeded.Stoltenberg);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/sources/{stored.Id}")).StatusCode);
        var before = await Drafts.StateAsync(api);

        await (await writer.CommitAsync(draft)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, await Drafts.StateAsync(api));
    }

    [Fact]
    public async Task ADraftOfANewUrlThatWasStoredMeanwhileIsAConflictAndNothingIsWritten()
    {
        var writer = api.Writer();
        var draft = await writer.AddQuoteAsync(await writer.NewDraftAsync(), "We will build the bridge", Seeded.Stoltenberg);
        await writer.PostJsonAsync("/v1/sources", new { url = draft.Source.Url });
        var before = await Drafts.StateAsync(api);

        await (await writer.CommitAsync(draft)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, await Drafts.StateAsync(api));
    }

    [Fact]
    public async Task ACommitNeedsTheKey()
    {
        var draft = await api.Writer().NewDraftAsync();

        await (await api.Reader().CommitAsync(draft)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
