using System.Net;
using Claims.Api.Claims;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class ClaimLinksApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ACounterClaimIsSeenFromBothSides()
    {
        var writer = api.Writer();
        var a = await writer.NewClaimAsync("The bridge is safe");
        var b = await writer.NewClaimAsync("The bridge is unsafe");

        var linked = await (await writer.PostJsonAsync($"/v1/claims/{a.Slug}/counter-claims", new { claimId = b.Id })).ReadAsync<ClaimRef>(HttpStatusCode.Created);

        Assert.Equal(b.Id, linked.Id);
        Assert.Equal(b.Id, Assert.Single((await writer.ClaimAsync(a.Slug)).CounterClaims).Id);
        Assert.Equal(a.Id, Assert.Single((await writer.ClaimAsync(b.Slug)).CounterClaims).Id);
    }

    [Fact]
    public async Task ACounterClaimLinkCanBeRemovedFromEitherSide()
    {
        var writer = api.Writer();
        var a = await writer.NewClaimAsync("Tea is healthy");
        var b = await writer.NewClaimAsync("Tea is unhealthy");
        await writer.PostJsonAsync($"/v1/claims/{a.Id}/counter-claims", new { claimId = b.Id });

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/claims/{b.Id}/counter-claims/{a.Id}")).StatusCode);

        Assert.Empty((await writer.ClaimAsync(a.Slug)).CounterClaims);
        await (await writer.DeleteAsync($"/v1/claims/{b.Id}/counter-claims/{a.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AClaimCannotCounterItself()
    {
        var writer = api.Writer();
        var a = await writer.NewClaimAsync("Self-referential");

        await (await writer.PostJsonAsync($"/v1/claims/{a.Id}/counter-claims", new { claimId = a.Id }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "claimId");
        await (await writer.PostJsonAsync($"/v1/claims/{a.Id}/supports", new { claimId = a.Id }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "claimId");
    }

    [Fact]
    public async Task ADuplicateLinkIsAConflictInEitherDirection()
    {
        var writer = api.Writer();
        var a = await writer.NewClaimAsync("Duplicate A");
        var b = await writer.NewClaimAsync("Duplicate B");
        await writer.PostJsonAsync($"/v1/claims/{a.Id}/counter-claims", new { claimId = b.Id });
        await writer.PostJsonAsync($"/v1/claims/{a.Id}/supports", new { claimId = b.Id });

        await (await writer.PostJsonAsync($"/v1/claims/{a.Id}/counter-claims", new { claimId = b.Id })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await writer.PostJsonAsync($"/v1/claims/{b.Id}/counter-claims", new { claimId = a.Id })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await writer.PostJsonAsync($"/v1/claims/{a.Id}/supports", new { claimId = b.Id })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task LinkingAnUnknownClaimIsNotFound()
    {
        var writer = api.Writer();
        var a = await writer.NewClaimAsync("Lonely claim");

        await (await writer.PostJsonAsync($"/v1/claims/{a.Id}/counter-claims", new { claimId = Guid.CreateVersion7() }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.PostJsonAsync("/v1/claims/no-such-claim/supports", new { claimId = a.Id }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.PostJsonAsync($"/v1/claims/{a.Id}/supports", new { }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "claimId");
    }

    [Fact]
    public async Task SupportsIsDirected()
    {
        var writer = api.Writer();
        var evidence = await writer.NewClaimAsync("The missile flew 2,000 km");
        var conclusion = await writer.NewClaimAsync("The missile breaks the range limit");

        await (await writer.PostJsonAsync($"/v1/claims/{evidence.Slug}/supports", new { claimId = conclusion.Id })).ReadAsync<ClaimRef>(HttpStatusCode.Created);

        var from = await writer.ClaimAsync(evidence.Slug);
        var to = await writer.ClaimAsync(conclusion.Slug);
        Assert.Equal(conclusion.Id, Assert.Single(from.Supports).Id);
        Assert.Empty(from.SupportedBy);
        Assert.Equal(evidence.Id, Assert.Single(to.SupportedBy).Id);
        Assert.Empty(to.Supports);

        await (await writer.DeleteAsync($"/v1/claims/{conclusion.Id}/supports/{evidence.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/claims/{evidence.Id}/supports/{conclusion.Id}")).StatusCode);
        Assert.Empty((await writer.ClaimAsync(conclusion.Slug)).SupportedBy);
    }
}
