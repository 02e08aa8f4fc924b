using System.Net;
using Claims.Api.Claims;
using Claims.Api.Entities;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class EntitiesApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheSeedEntityShowsItsAliasesAndWhatMentionsIt()
    {
        var entity = await (await api.Reader().GetAsync("/v1/entities/9m729")).ReadAsync<EntityDetail>();

        Assert.Equal(["SSC-8"], entity.Aliases);
        Assert.Contains(entity.Claims, c => c.Slug == Seeded.ViolationClaim);
        Assert.Contains(entity.Quotes, q => q.Text.Contains("SSC-8"));
        Assert.Contains(entity.Quotes, q => q.Text.Contains("9M729"));
        Assert.Equal(entity.Quotes.Count, entity.QuoteCount);
    }

    [Fact]
    public async Task ANewEntityIsLinkedToWhatAlreadyNamesItUnderAnyName()
    {
        var writer = api.Writer();
        var created = await (await writer.PostJsonAsync("/v1/entities", new { name = "North Atlantic alliance", aliases = new[] { "NATO" } }))
            .ReadAsync<EntityResponse>(HttpStatusCode.Created);

        var entity = await (await writer.GetAsync($"/v1/entities/{created.Slug}")).ReadAsync<EntityDetail>();

        Assert.Equal("north-atlantic-alliance", created.Slug);
        Assert.True(entity.QuoteCount >= 3);
        Assert.All(entity.Quotes, q => Assert.Contains("NATO", q.Text));
    }

    [Fact]
    public async Task WritingAQuoteOrClaimLinksTheEntitiesItNames()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var source = await writer.NewSourceAsync("Officials said \"the ssc-8 was tested again\" on Monday.");
        var quote = await writer.NewQuoteAsync(speaker.Id, source, "the ssc-8 was tested again");
        var claim = await writer.NewClaimAsync("The 9M729 was tested again.");

        var quotes = await (await writer.GetAsync("/v1/quotes?entity=9m729&limit=100")).ReadAsync<Page<QuoteResponse>>();
        var claims = await (await writer.GetAsync("/v1/claims?entity=SSC-8&limit=100")).ReadAsync<Page<ClaimResponse>>();

        Assert.Contains(quotes.Items, q => q.Id == quote.Id);
        Assert.Contains(claims.Items, c => c.Id == claim.Id);
    }

    [Fact]
    public async Task MentionsMatchWholeWordsOnly()
    {
        var writer = api.Writer();
        await (await writer.PostJsonAsync("/v1/entities", new { name = "Ark" })).ReadAsync<EntityResponse>(HttpStatusCode.Created);
        var inside = await writer.NewClaimAsync("Arkansas votes tomorrow.");
        var whole = await writer.NewClaimAsync("The ark floats.");

        var claims = await (await writer.GetAsync("/v1/claims?entity=ark&limit=100")).ReadAsync<Page<ClaimResponse>>();

        Assert.Contains(claims.Items, c => c.Id == whole.Id);
        Assert.DoesNotContain(claims.Items, c => c.Id == inside.Id);
    }

    [Fact]
    public async Task MentionsCanBeAddedAndRemovedByHand()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("The missile in question has a longer range than declared.");

        var added = await (await writer.PostJsonAsync("/v1/entities/9m729/mentions", new { claimId = claim.Id })).ReadAsync<MentionResponse>(HttpStatusCode.Created);
        Assert.Equal(MentionOrigin.Manual, added.Origin);
        await (await writer.PostJsonAsync("/v1/entities/9m729/mentions", new { claimId = claim.Id })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains((await writer.ClaimAsync(claim.Slug)).Entities, e => e.Slug == "9m729");

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/entities/9m729/mentions/{claim.Id}")).StatusCode);
        Assert.Empty((await writer.ClaimAsync(claim.Slug)).Entities);
        await (await writer.DeleteAsync($"/v1/entities/9m729/mentions/{claim.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMentionRemovedByHandStaysRemovedWhenOnlyOtherFieldsChange()
    {
        var writer = api.Writer();
        var entity = await (await writer.PostJsonAsync("/v1/entities", new { name = "Brightwater" })).ReadAsync<EntityResponse>(HttpStatusCode.Created);
        var claim = await writer.NewClaimAsync("Brightwater dam holds.");
        var source = await writer.NewSourceAsync("He said \"Brightwater dam holds\" twice.");
        var quote = await writer.NewQuoteAsync((await writer.NewSpeakerAsync()).Id, source, "Brightwater dam holds");
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/entities/{entity.Id}/mentions/{claim.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/entities/{entity.Id}/mentions/{quote.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await writer.MergePatchAsync($"/v1/claims/{claim.Id}", """{"topics": ["energy"]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.MergePatchAsync($"/v1/quotes/{quote.Id}", """{"place": "Oslo"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.MergePatchAsync($"/v1/entities/{entity.Id}", """{"slug": "brightwater-dam"}""")).StatusCode);

        var after = await (await writer.GetAsync($"/v1/entities/{entity.Id}")).ReadAsync<EntityDetail>();
        Assert.Equal((0, 0), (after.ClaimCount, after.QuoteCount));
    }

    [Fact]
    public async Task AliasesAreStoredTrimmedAndMatchedAsWholeWords()
    {
        var writer = api.Writer();
        var entity = await (await writer.PostJsonAsync("/v1/entities", new { name = "Quillfeather", aliases = new[] { " Q-Ship " } }))
            .ReadAsync<EntityResponse>(HttpStatusCode.Created);
        var claim = await writer.NewClaimAsync("Its Q-Ship sailed.");

        Assert.Equal(["Q-Ship"], entity.Aliases);
        Assert.Contains((await writer.ClaimAsync(claim.Slug)).Entities, e => e.Id == entity.Id);
    }

    [Fact]
    public async Task AMentionNeedsExactlyOneKnownTarget()
    {
        var writer = api.Writer();
        await (await writer.PostJsonAsync("/v1/entities/9m729/mentions", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await writer.PostJsonAsync("/v1/entities/9m729/mentions", new { quoteId = Guid.NewGuid(), claimId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await writer.PostJsonAsync("/v1/entities/9m729/mentions", new { quoteId = Guid.CreateVersion7() })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.PostJsonAsync("/v1/entities/no-such-entity/mentions", new { claimId = Guid.CreateVersion7() })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RenamingAnEntityRelinksAndDeletingItKeepsTheClaims()
    {
        var writer = api.Writer();
        var entity = await (await writer.PostJsonAsync("/v1/entities", new { name = "Zircon" })).ReadAsync<EntityResponse>(HttpStatusCode.Created);
        var claim = await writer.NewClaimAsync("The 3M22 flies at Mach 8.");
        Assert.Empty((await writer.ClaimAsync(claim.Slug)).Entities);

        var renamed = await (await writer.PutJsonAsync($"/v1/entities/{entity.Id}", new { name = "Zircon", aliases = new[] { "3M22" } })).ReadAsync<EntityResponse>();
        Assert.Equal(["3M22"], renamed.Aliases);
        Assert.Contains((await writer.ClaimAsync(claim.Slug)).Entities, e => e.Id == entity.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/entities/{entity.Slug}")).StatusCode);
        Assert.Empty((await writer.ClaimAsync(claim.Slug)).Entities);
        await (await writer.GetAsync($"/v1/entities/{entity.Slug}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EntitiesAreListedAndFoundByAnyNameEvenMisspelt()
    {
        var reader = api.Reader();
        var all = await (await reader.GetAsync("/v1/entities")).ReadAsync<Page<EntityResponse>>();
        var byAlias = await (await reader.GetAsync("/v1/entities?q=Intermediate-Range%20Nuclear%20Forces%20Treaty")).ReadAsync<Page<EntityResponse>>();
        var misspelt = await (await reader.GetAsync("/v1/entities?q=SSC8")).ReadAsync<Page<EntityResponse>>();

        Assert.Contains(all.Items, e => e.Slug == "inf-treaty");
        Assert.Equal("inf-treaty", byAlias.Items[0].Slug);
        Assert.Contains(misspelt.Items, e => e.Slug == "9m729");
    }

    [Fact]
    public async Task AnEntityNeedsANameAndAFreeSlug()
    {
        var writer = api.Writer();
        await (await writer.PostJsonAsync("/v1/entities", new { aliases = new[] { "x" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await writer.PostJsonAsync("/v1/entities", new { name = "Again", slug = "9m729" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
