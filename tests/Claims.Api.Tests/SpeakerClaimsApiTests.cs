using System.Net;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Reviews;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class SpeakerClaimsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ASpeakersClaimsComeMostRecentlySaidFirstWithTheStanceAndTheReviewsRatings()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Claim Holder");
        var older = await writer.NewClaimAsync("The bridge was finished on time.");
        var newer = await writer.NewClaimAsync("The bridge cost twice its budget.");
        var undated = await writer.NewClaimAsync("The bridge is the longest in the state.");
        await writer.NewStanceAsync(older, speaker, "asserts", saidOn: "2019-05-01", context: "a town hall");
        await writer.NewStanceAsync(undated, speaker, "disputes");
        await writer.NewStanceAsync(newer, speaker, "asserts", saidOn: "2020-01-02", context: "a radio interview");
        await writer.NewReviewAsync(newer.Slug, "Pants on Fire", site: "politifact.com", language: "en");

        var page = await (await api.Reader().GetAsync($"/v1/speakers/{speaker.Slug}/claims")).ReadAsync<Page<SpeakerClaim>>();

        Assert.Equal([newer.Id, older.Id, undated.Id], page.Items.Select(c => c.Id));
        var first = page.Items[0];
        Assert.Equal((newer.Slug, newer.Text), (first.Slug, first.Text));
        Assert.Equal((StancePosition.Asserts, new DateOnly(2020, 1, 2), "a radio interview"), (first.Stance.Position, first.Stance.SaidOn, first.Stance.Context));
        var rating = Assert.Single(first.Ratings);
        Assert.Equal(("politifact.com", Rating.False, "Pants on Fire"), (rating.PublisherSite, rating.Rating, rating.RatingText));
        Assert.Equal((StancePosition.Disputes, null, null), (page.Items[2].Stance.Position, page.Items[2].Stance.SaidOn, page.Items[2].Stance.Context));
        Assert.Empty(page.Items[2].Ratings);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task PositionKeepsOnlyTheClaimsTheSpeakerAssertsOrOnlyThoseTheyDispute()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Two Sided");
        var asserted = await writer.NewClaimAsync("Taxes went down.");
        var disputed = await writer.NewClaimAsync("Taxes went up.");
        await writer.NewStanceAsync(asserted, speaker, "asserts");
        await writer.NewStanceAsync(disputed, speaker, "disputes");

        var asserts = await (await api.Reader().GetAsync($"/v1/speakers/{speaker.Id}/claims?position=asserts")).ReadAsync<Page<SpeakerClaim>>();
        var disputes = await (await api.Reader().GetAsync($"/v1/speakers/{speaker.Id}/claims?position=Disputes")).ReadAsync<Page<SpeakerClaim>>();

        Assert.Equal([asserted.Id], asserts.Items.Select(c => c.Id));
        Assert.Equal([disputed.Id], disputes.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task WalkingTheCursorsVisitsEachOfASpeakersClaimsOnce()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Prolific Claimant");
        var claims = new List<Guid>();
        foreach (var (text, saidOn) in new[] { ("One", "2020-01-01"), ("Two", null), ("Three", "2020-01-01"), ("Four", "2021-06-30"), ("Five", null) })
        {
            var claim = await writer.NewClaimAsync($"Claim number {text}.");
            await writer.NewStanceAsync(claim, speaker, "asserts", saidOn);
            claims.Add(claim.Id);
        }

        var seen = (await api.Reader().WalkAsync<SpeakerClaim>($"/v1/speakers/{speaker.Slug}/claims?limit=2")).Select(c => c.Id).ToList();

        Assert.Equal(claims.Order(), seen.Order());
        Assert.Equal(claims[3], seen[0]);
    }

    [Fact]
    public async Task TheSeededNatoAssertsTheViolationClaim()
    {
        var page = await (await api.Reader().GetAsync($"/v1/speakers/{Seeded.Nato}/claims?position=asserts&limit=100")).ReadAsync<Page<SpeakerClaim>>();

        Assert.Contains(page.Items, c => c.Slug == Seeded.ViolationClaim && c.Stance.QuoteId is not null);
    }

    [Fact]
    public async Task AnUnknownSpeakerHasNoClaimsToList()
    {
        await (await api.Reader().GetAsync("/v1/speakers/nobody-at-all/claims")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.Reader().GetAsync($"/v1/speakers/{Guid.NewGuid()}/claims")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ABadPositionLimitOrCursorIsRejected()
    {
        var response = await api.Reader().GetAsync($"/v1/speakers/{Seeded.Nato}/claims?position=doubts&limit=0&cursor=not-a-cursor");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "position", "limit", "cursor");
    }
}
