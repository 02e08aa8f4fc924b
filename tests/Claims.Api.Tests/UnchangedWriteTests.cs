using System.Net;
using System.Text.Json;
using Claims.Api.Changes;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

/// <summary>A PUT or PATCH that changes nothing changes nothing: the same updatedAt and ETag, and no event in the feed.</summary>
public sealed class UnchangedWriteTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task WritesOfWhatIsAlreadyStoredLeaveEveryResourceAsItWas()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Unchanged Speaker");
        var source = await writer.NewSourceAsync();
        var quote = await writer.NewQuoteAsync(speaker.Id, source, "We will build it.");
        var claim = await writer.NewClaimAsync("Unchanged claim");
        var entity = await (await writer.PostJsonAsync("/v1/entities", new { name = "Unchanged Entity", aliases = new[] { "UE" } }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var review = await writer.NewReviewAsync(claim.Slug, new { url = "https://misbar.com/unchanged", ratingText = "false", title = "A check", text = "The article." });

        var writes = new (string Url, object Put, string Patch)[]
        {
            ($"/v1/speakers/{speaker.Slug}", new { name = "Unchanged Speaker" }, """{"name": "Unchanged Speaker"}"""),
            ($"/v1/sources/{source.Id}", new { url = source.Url, publisher = source.Publisher, publishedOn = source.PublishedOn, language = source.Language, body = source.Body },
                """{"language": "en"}"""),
            ($"/v1/quotes/{quote.Id}", new { speakerId = speaker.Id, sourceId = source.Id, text = quote.Text, span = quote.Span }, """{"text": "We will build it."}"""),
            ($"/v1/claims/{claim.Slug}", new { text = "Unchanged claim" }, """{"topics": []}"""),
            ($"/v1/entities/{entity.GetProperty("slug").GetString()}", new { name = "Unchanged Entity", aliases = new[] { "UE" } }, "{}"),
            ($"/v1/claims/{claim.Slug}/reviews/{review.Id}", new
            {
                url = review.Url, ratingText = review.RatingText, language = review.Language, reviewedOn = review.ReviewedOn, title = review.Title,
                text = review.Text,
            }, ""),
        };
        foreach (var (url, put, patch) in writes)
        {
            var (before, etag) = await ReadAsync(url);
            var head = await HeadAsync();

            Assert.Equal(HttpStatusCode.OK, (await writer.PutJsonAsync(url, put)).StatusCode);
            if (patch.Length > 0) Assert.Equal(HttpStatusCode.OK, (await writer.MergePatchAsync(url, patch)).StatusCode);

            var (after, etagAfter) = await ReadAsync(url);
            Assert.Equal(before.GetProperty("updatedAt").GetString(), after.GetProperty("updatedAt").GetString());
            Assert.Equal(etag, etagAfter);
            Assert.Empty((await (await api.Reader().GetAsync($"/v1/changes?after={head}")).ReadAsync<ChangesPage>()).Items);
        }
    }

    [Fact]
    public async Task AWriteThatChangesOneFieldStillMovesTheTagAndAppendsAnEvent()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Changing Speaker");
        var url = $"/v1/speakers/{speaker.Slug}";
        var (before, etag) = await ReadAsync(url);
        var head = await HeadAsync();

        Assert.Equal(HttpStatusCode.OK, (await writer.MergePatchAsync(url, """{"title": "Mayor"}""")).StatusCode);

        var (after, etagAfter) = await ReadAsync(url);
        Assert.NotEqual(before.GetProperty("updatedAt").GetString(), after.GetProperty("updatedAt").GetString());
        Assert.NotEqual(etag, etagAfter);
        var events = (await (await api.Reader().GetAsync($"/v1/changes?after={head}")).ReadAsync<ChangesPage>()).Items;
        Assert.Equal([("speaker", speaker.Id, "update")], events.Select(e => (e.Resource, e.Id, e.Operation)));
    }

    async Task<(JsonElement Body, string ETag)> ReadAsync(string url)
    {
        var response = await api.Reader().GetAsync(url);
        return (await response.ReadAsync<JsonElement>(), response.Headers.ETag!.ToString());
    }

    async Task<long> HeadAsync()
    {
        var page = new ChangesPage([], 0);
        do page = await (await api.Reader().GetAsync($"/v1/changes?after={page.Next}&limit=1000")).ReadAsync<ChangesPage>();
        while (page.Items.Count == 1000);
        return page.Next;
    }
}
