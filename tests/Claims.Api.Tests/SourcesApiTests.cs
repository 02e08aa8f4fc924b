using System.Net;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Sources;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class SourcesApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ASourceKeepsItsFullText()
    {
        var writer = api.Writer();
        var created = await writer.NewSourceAsync("Full text — with “typography” and a damaged \uFFFD dash.");

        var read = await (await api.Reader().GetAsync($"/v1/sources/{created.Id}")).ReadAsync<SourceDetail>();

        Assert.Equal(created.Body, read.Body);
        Assert.Equal(("Example News", new DateOnly(2021, 3, 4), "en"), (read.Publisher, read.PublishedOn, read.Language));
        Assert.Equal(read.Body.Length, read.BodyLength);
    }

    [Fact]
    public async Task ASourceWithOnlyAUrlIsAccepted()
    {
        var source = await (await api.Writer().PostJsonAsync("/v1/sources", new { url = "https://example.org/minimal" }))
            .ReadAsync<SourceDetail>(HttpStatusCode.Created);

        Assert.Equal("", source.Body);
        Assert.Null(source.PublishedOn);
    }

    [Fact]
    public async Task ASecondSourceWithTheSameUrlIsAConflict()
    {
        var response = await api.Writer().PostJsonAsync("/v1/sources", new { url = Seeded.TassUrl });
        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task UpdatingASourceReplacesItsFields()
    {
        var writer = api.Writer();
        var source = await writer.NewSourceAsync();

        var updated = await (await writer.PutJsonAsync($"/v1/sources/{source.Id}",
            new { url = source.Url, publisher = "Renamed", body = "Another text." })).ReadAsync<SourceDetail>();

        Assert.Equal(("Renamed", "Another text.", (DateOnly?)null), (updated.Publisher, updated.Body, updated.PublishedOn));
        await (await writer.PutJsonAsync($"/v1/sources/{Guid.CreateVersion7()}", new { url = "https://example.org/x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ANewBodyThatWouldBreakAQuotesSpanIsAConflictAndChangesNothing()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var source = await writer.NewSourceAsync();
        await writer.NewQuoteAsync(speaker.Id, source, "We will build it.");

        var response = await writer.PutJsonAsync($"/v1/sources/{source.Id}", new { url = source.Url, body = "Rewritten entirely." });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(source.Body, (await (await writer.GetAsync($"/v1/sources/{source.Id}")).ReadAsync<SourceDetail>()).Body);
    }

    [Fact]
    public async Task OnlyASourceWithoutQuotesCanBeDeleted()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var quoted = await writer.NewSourceAsync();
        await writer.NewQuoteAsync(speaker.Id, quoted, "We will build it.");
        var unquoted = await writer.NewSourceAsync();

        await (await writer.DeleteAsync($"/v1/sources/{quoted.Id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/sources/{unquoted.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/v1/sources/{unquoted.Id}")).StatusCode);
    }

    [Fact]
    public async Task SourcesCanBeListedByPublisherAndDate()
    {
        var page = await (await api.Reader().GetAsync("/v1/sources?publisher=TASS&from=2020-02-01&to=2020-02-29")).ReadAsync<Page<SourceResponse>>();

        var tass = Assert.Single(page.Items);
        Assert.Equal(Seeded.TassUrl, tass.Url);
        Assert.True(tass.BodyLength > 1000);
    }

    [Fact]
    public async Task AUrlTooLongInBytesForItsIndexIsABadRequestNotAConflict()
    {
        var random = new Random(11);
        var url = "https://example.org/" + string.Concat(Enumerable.Range(0, 2000).Select(_ => (char)random.Next(0x4E00, 0x9FFF)));
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var problem = await (await api.Writer().PostJsonAsync("/v1/sources", new { url, body = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("A value is too long for the database to index", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }
}
