using System.Net;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class ClaimsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AClaimWithOnlyTextGetsASlugFromIt()
    {
        var claim = await api.Writer().NewClaimAsync("Russia's 9M729 missile flies 480 km, at most.");

        Assert.Equal("russias-9m729-missile-flies-480-km-at-most", claim.Slug);
        var read = await api.Reader().ClaimAsync(claim.Slug);
        Assert.Equal(claim.Text, read.Text);
        Assert.Empty(read.Stances);
        Assert.Empty(read.CounterClaims);
    }

    [Fact]
    public async Task TheViolationClaimShowsItsCounterClaimAndWhoHoldsEachSide()
    {
        var reader = api.Reader();
        var violation = await reader.ClaimAsync(Seeded.ViolationClaim);

        var counter = Assert.Single(violation.CounterClaims);
        Assert.Equal(Seeded.ComplianceClaim, counter.Slug);
        var asserters = violation.Stances.Where(s => s.Position == StancePosition.Asserts).Select(s => s.Speaker.Slug).ToList();
        Assert.Contains(Seeded.UnitedStates, asserters);
        Assert.Contains(Seeded.Nato, asserters);
        Assert.Contains(violation.Entities, e => e.Slug == "9m729");
        Assert.All(violation.Stances.Where(s => s.Quote is not null), s => Assert.NotNull(s.Quote!.Source.Url));

        var compliance = await reader.ClaimAsync(counter.Id.ToString());
        Assert.Equal(Seeded.ViolationClaim, Assert.Single(compliance.CounterClaims).Slug);
        var holder = Assert.Single(compliance.Stances);
        Assert.Equal((Seeded.RussianDefenceMinistry, StancePosition.Asserts), (holder.Speaker.Slug, holder.Position));
    }

    [Fact]
    public async Task UpdatingAClaimReplacesItsTextAndCanRenameItsSlug()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("First wording");

        var kept = await (await writer.PutJsonAsync($"/v1/claims/{claim.Slug}", new { text = "Second wording" })).ReadAsync<ClaimResponse>();
        var renamed = await (await writer.PutJsonAsync($"/v1/claims/{claim.Id}", new { text = "Third wording", slug = "third" })).ReadAsync<ClaimResponse>();

        Assert.Equal((claim.Slug, "Second wording"), (kept.Slug, kept.Text));
        Assert.Equal(("third", claim.Id), (renamed.Slug, renamed.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/v1/claims/{claim.Slug}")).StatusCode);
    }

    [Fact]
    public async Task DeletingAClaimRemovesItsLinksFromTheOtherSide()
    {
        var writer = api.Writer();
        var doomed = await writer.NewClaimAsync("Doomed claim");
        var survivor = await writer.NewClaimAsync("Surviving claim");
        await (await writer.PostJsonAsync($"/v1/claims/{doomed.Id}/counter-claims", new { claimId = survivor.Id })).ReadAsync<ClaimRef>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/claims/{doomed.Slug}")).StatusCode);

        Assert.Empty((await writer.ClaimAsync(survivor.Slug)).CounterClaims);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.DeleteAsync($"/v1/claims/{doomed.Slug}")).StatusCode);
    }

    [Fact]
    public async Task ClaimsAreListedNewestFirst()
    {
        var writer = api.Writer();
        var older = await writer.NewClaimAsync("Older listed claim");
        var newer = await writer.NewClaimAsync("Newer listed claim");

        var page = await (await writer.GetAsync("/v1/claims?limit=2")).ReadAsync<Page<ClaimResponse>>();

        Assert.Equal([newer.Id, older.Id], page.Items.Select(c => c.Id));
        Assert.NotNull(page.NextCursor);
    }

    [Fact]
    public async Task AClaimWithoutTextIsRejected()
    {
        await (await api.Writer().PostJsonAsync("/v1/claims", new { text = "  " })).AssertProblemAsync(HttpStatusCode.BadRequest, "text");
        await (await api.Writer().PostJsonAsync("/v1/claims", new { text = "ok", slug = "Not A Slug" })).AssertProblemAsync(HttpStatusCode.BadRequest, "slug");
    }

    [Fact]
    public async Task ASlugIsNeverAUuidSinceAUuidInThePathIsAnId()
    {
        var other = await api.Writer().NewClaimAsync("Some other claim.");
        var uuid = Guid.CreateVersion7().ToString();

        var derived = await api.Writer().NewClaimAsync(uuid);
        await (await api.Writer().PostJsonAsync("/v1/claims", new { text = "ok", slug = uuid })).AssertProblemAsync(HttpStatusCode.BadRequest, "slug");
        await (await api.Writer().PutJsonAsync($"/v1/claims/{derived.Id}", new { text = "ok", slug = other.Id.ToString("N") }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "slug");

        Assert.Equal(derived.Id, (await api.Reader().ClaimAsync(derived.Slug)).Id);
    }
}
