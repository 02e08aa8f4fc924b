using System.Net;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class ClaimTopicsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AClaimsTopicsAreKeptTrimmedOnceEachInItsDetailAndTheList()
    {
        var created = await (await api.Writer().PostJsonAsync("/v1/claims",
            new { text = "Gas prices doubled last year.", topics = new[] { "energy", " economy ", "energy" } })).ReadAsync<ClaimResponse>(HttpStatusCode.Created);

        var detail = await api.Reader().ClaimAsync(created.Slug);
        var listed = await (await api.Reader().GetAsync("/v1/claims?topic=energy&limit=100")).ReadAsync<Page<ClaimResponse>>();

        Assert.Equal(["energy", "economy"], created.Topics);
        Assert.Equal(["energy", "economy"], detail.Topics);
        Assert.Equal(["energy", "economy"], listed.Items.Single(c => c.Id == created.Id).Topics);
    }

    [Fact]
    public async Task TheTopicFilterKeepsOnlyClaimsAboutThatTopic()
    {
        var writer = api.Writer();
        var about = await (await writer.PostJsonAsync("/v1/claims", new { text = "Ferries run late.", topics = new[] { "ferries-test", "transport" } }))
            .ReadAsync<ClaimResponse>(HttpStatusCode.Created);
        await writer.PostJsonAsync("/v1/claims", new { text = "Trains run late.", topics = new[] { "transport" } });

        var page = await (await api.Reader().GetAsync("/v1/claims?topic=ferries-test")).ReadAsync<Page<ClaimResponse>>();

        Assert.Equal([about.Id], page.Items.Select(c => c.Id));
        Assert.Empty((await (await api.Reader().GetAsync("/v1/claims?topic=Ferries-Test")).ReadAsync<Page<ClaimResponse>>()).Items);
    }

    [Fact]
    public async Task AMergePatchKeepsTheTopicsItDoesNotNameAndPutReplacesThem()
    {
        var writer = api.Writer();
        var created = await (await writer.PostJsonAsync("/v1/claims", new { text = "Rents rose.", topics = new[] { "housing" } }))
            .ReadAsync<ClaimResponse>(HttpStatusCode.Created);

        var patched = await (await writer.MergePatchAsync($"/v1/claims/{created.Slug}", """{"text": "Rents rose sharply."}""")).ReadAsync<ClaimDetail>();
        Assert.Equal(["housing"], patched.Topics);

        var retopiced = await (await writer.MergePatchAsync($"/v1/claims/{created.Slug}", """{"topics": ["housing", "cities"]}""")).ReadAsync<ClaimDetail>();
        Assert.Equal(["housing", "cities"], retopiced.Topics);

        var replaced = await (await writer.PutJsonAsync($"/v1/claims/{created.Slug}", new { text = "Rents rose." })).ReadAsync<ClaimDetail>();
        Assert.Empty(replaced.Topics);
    }

    [Fact]
    public async Task ABlankTopicOrTooManyAreRejected()
    {
        var blank = await api.Writer().PostJsonAsync("/v1/claims", new { text = "Blank topic.", topics = new[] { "ok", " " } });
        var many = await api.Writer().PostJsonAsync("/v1/claims", new { text = "Many topics.", topics = Enumerable.Range(0, 51).Select(i => $"t{i}") });
        var notStrings = await api.Writer().PostRawAsync("/v1/claims", """{"text": "Numbers.", "topics": [1, 2]}""");

        await blank.AssertProblemAsync(HttpStatusCode.BadRequest, "topics[1]");
        await many.AssertProblemAsync(HttpStatusCode.BadRequest, "topics");
        await notStrings.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
