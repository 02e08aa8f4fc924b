using System.Net;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class SpeakersApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task SpeakerWithOnlyANameGetsADerivedSlugAndDefaults()
    {
        var speaker = await (await api.Writer().PostJsonAsync("/v1/speakers", new { name = "José Núñez" }))
            .ReadAsync<SpeakerResponse>(HttpStatusCode.Created);

        Assert.Equal("jose-nunez", speaker.Slug);
        Assert.Equal(SpeakerKind.Person, speaker.Kind);
        Assert.Empty(speaker.Aliases);
        Assert.Equal(7, speaker.Id.Version);
    }

    [Fact]
    public async Task SpeakersWithTheSameNameGetDistinctSlugs()
    {
        var writer = api.Writer();
        var first = await (await writer.PostJsonAsync("/v1/speakers", new { name = "Same Name" })).ReadAsync<SpeakerResponse>(HttpStatusCode.Created);
        var second = await (await writer.PostJsonAsync("/v1/speakers", new { name = "Same Name" })).ReadAsync<SpeakerResponse>(HttpStatusCode.Created);

        Assert.Equal("same-name", first.Slug);
        Assert.Equal("same-name-2", second.Slug);
    }

    [Fact]
    public async Task SpeakerIsFoundByIdAndBySlug()
    {
        var reader = api.Reader();
        var bySlug = await (await reader.GetAsync($"/v1/speakers/{Seeded.Stoltenberg}")).ReadAsync<SpeakerResponse>();
        var byId = await (await reader.GetAsync($"/v1/speakers/{bySlug.Id}")).ReadAsync<SpeakerResponse>();

        Assert.Equal("Jens Stoltenberg", bySlug.Name);
        Assert.Equal((bySlug.Id, bySlug.Slug, bySlug.Kind), (byId.Id, byId.Slug, byId.Kind));
    }

    [Fact]
    public async Task UpdatingASpeakerReplacesItsFieldsAndKeepsItsSlug()
    {
        var writer = api.Writer();
        var created = await (await writer.PostJsonAsync("/v1/speakers", new { name = "Old Name" })).ReadAsync<SpeakerResponse>(HttpStatusCode.Created);

        var updated = await (await writer.PutJsonAsync($"/v1/speakers/{created.Slug}",
            new { name = "New Name", kind = "organization", title = "Agency", aliases = new[] { "NN" } })).ReadAsync<SpeakerResponse>();

        Assert.Equal(created.Slug, updated.Slug);
        Assert.Equal(("New Name", SpeakerKind.Organization, "Agency"), (updated.Name, updated.Kind, updated.Title));
        Assert.Equal(["NN"], updated.Aliases);
        Assert.True(updated.UpdatedAt >= created.UpdatedAt);
    }

    [Fact]
    public async Task ASpeakerWithoutQuotesCanBeDeleted()
    {
        var writer = api.Writer();
        var created = await (await writer.PostJsonAsync("/v1/speakers", new { name = "Short Lived" })).ReadAsync<SpeakerResponse>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/speakers/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/v1/speakers/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.DeleteAsync($"/v1/speakers/{created.Id}")).StatusCode);
    }

    [Fact]
    public async Task DeletingASpeakerWhoStillHasQuotesIsAConflictAndKeepsThem()
    {
        var writer = api.Writer();
        var response = await writer.DeleteAsync($"/v1/speakers/{Seeded.Stoltenberg}");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var quotes = await (await writer.GetAsync($"/v1/speakers/{Seeded.Stoltenberg}/quotes?limit=100")).ReadAsync<Page<QuoteResponse>>();
        Assert.NotEmpty(quotes.Items);
    }

    [Fact]
    public async Task ATakenSlugIsAConflict()
    {
        var response = await api.Writer().PostJsonAsync("/v1/speakers", new { name = "Impostor", slug = Seeded.Stoltenberg });
        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task SpeakersCanBeListedByKind()
    {
        var page = await (await api.Reader().GetAsync("/v1/speakers?kind=government&limit=100")).ReadAsync<Page<SpeakerResponse>>();

        Assert.Contains(page.Items, s => s.Slug == Seeded.UnitedStates);
        Assert.All(page.Items, s => Assert.Equal(SpeakerKind.Government, s.Kind));
        Assert.DoesNotContain(page.Items, s => s.Slug == Seeded.Stoltenberg);
    }

    [Fact]
    public async Task AnUnknownSpeakerIsNotFound()
    {
        var reader = api.Reader();
        await (await reader.GetAsync("/v1/speakers/no-such-speaker")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await reader.GetAsync($"/v1/speakers/{Guid.CreateVersion7()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await reader.GetAsync("/v1/speakers/no-such-speaker/quotes")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingASpeakerWhoStillHoldsStancesIsAConflict()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Stance Holder");
        var claim = await writer.NewClaimAsync("Held by a speaker without quotes");
        await (await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = speaker.Id, position = "asserts" }))
            .ReadAsync<Claims.StanceResponse>(HttpStatusCode.Created);

        await (await writer.DeleteAsync($"/v1/speakers/{speaker.Slug}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single((await writer.ClaimAsync(claim.Slug)).Stances);
    }
}
