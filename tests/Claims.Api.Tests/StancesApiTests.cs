using System.Net;
using Claims.Api.Claims;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class StancesApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AStanceEvidencedByTheSpeakersOwnQuoteShowsOnTheClaim()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var source = await writer.NewSourceAsync();
        var quote = await writer.NewQuoteAsync(speaker.Id, source, "We will build it.");
        var claim = await writer.NewClaimAsync("It will be built");

        var stance = await (await writer.PostJsonAsync($"/v1/claims/{claim.Slug}/stances",
            new { speakerId = speaker.Id, position = "asserts", quoteId = quote.Id })).ReadAsync<StanceResponse>(HttpStatusCode.Created);

        var shown = Assert.Single((await writer.ClaimAsync(claim.Slug)).Stances);
        Assert.Equal(stance.Id, shown.Id);
        Assert.Equal((StancePosition.Asserts, quote.Id, source.Url), (shown.Position, shown.Quote!.Id, shown.Quote.Source.Url));
    }

    [Fact]
    public async Task AStanceCannotBeEvidencedByAnotherSpeakersQuote()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var other = await writer.NewSpeakerAsync("Someone Else");
        var source = await writer.NewSourceAsync();
        var quote = await writer.NewQuoteAsync(other.Id, source, "We will build it.");
        var claim = await writer.NewClaimAsync("Built by someone");

        await (await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = speaker.Id, position = "asserts", quoteId = quote.Id }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "quoteId");
        Assert.Empty((await writer.ClaimAsync(claim.Slug)).Stances);
    }

    [Fact]
    public async Task ASpeakerHoldsOneStanceOnAClaim()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var claim = await writer.NewClaimAsync("Contested point");
        await (await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = speaker.Id, position = "asserts" })).ReadAsync<StanceResponse>(HttpStatusCode.Created);

        await (await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = speaker.Id, position = "disputes" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AStanceCanBeRemoved()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var claim = await writer.NewClaimAsync("Briefly held");
        var stance = await (await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = speaker.Id, position = "disputes" }))
            .ReadAsync<StanceResponse>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/claims/{claim.Slug}/stances/{stance.Id}")).StatusCode);
        Assert.Empty((await writer.ClaimAsync(claim.Slug)).Stances);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.DeleteAsync($"/v1/claims/{claim.Slug}/stances/{stance.Id}")).StatusCode);
    }

    [Fact]
    public async Task AStanceNeedsAKnownSpeakerAndClaimAndAKnownPosition()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var claim = await writer.NewClaimAsync("Needs a known speaker");

        await (await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = Guid.CreateVersion7(), position = "asserts" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.PostJsonAsync("/v1/claims/no-such-claim/stances", new { speakerId = speaker.Id, position = "asserts" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = speaker.Id, position = "maybe" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "position");
        await (await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = speaker.Id }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "position");
    }
}
