using System.Net;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class SpeakerPartyAndStateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ASpeakersPartyAndStateAreKeptTrimmed()
    {
        var created = await (await api.Writer().PostJsonAsync("/v1/speakers", new { name = "Party Member", party = " democrat ", state = "Texas " }))
            .ReadAsync<SpeakerResponse>(HttpStatusCode.Created);
        var read = await (await api.Reader().GetAsync($"/v1/speakers/{created.Slug}")).ReadAsync<SpeakerResponse>();

        Assert.Equal(("democrat", "Texas"), (created.Party, created.State));
        Assert.Equal(("democrat", "Texas"), (read.Party, read.State));
    }

    [Fact]
    public async Task PutReplacesPartyAndStateAndAMergePatchChangesOnlyWhatItNames()
    {
        var writer = api.Writer();
        var created = await (await writer.PostJsonAsync("/v1/speakers", new { name = "Party Switcher", party = "republican", state = "Ohio" }))
            .ReadAsync<SpeakerResponse>(HttpStatusCode.Created);

        var patched = await (await writer.MergePatchAsync($"/v1/speakers/{created.Slug}", """{"party": "independent"}""")).ReadAsync<SpeakerResponse>();
        Assert.Equal(("independent", "Ohio"), (patched.Party, patched.State));

        var replaced = await (await writer.PutJsonAsync($"/v1/speakers/{created.Slug}", new { name = "Party Switcher" })).ReadAsync<SpeakerResponse>();
        Assert.Equal((null, null), (replaced.Party, replaced.State));
    }

    [Fact]
    public async Task TheSpeakerListFiltersByPartyInAnyCase()
    {
        var writer = api.Writer();
        var green = await (await writer.PostJsonAsync("/v1/speakers", new { name = "Green Speaker", party = "Green-Party-Test" }))
            .ReadAsync<SpeakerResponse>(HttpStatusCode.Created);
        await writer.PostJsonAsync("/v1/speakers", new { name = "Other Speaker", party = "other-party-test" });

        var page = await (await api.Reader().GetAsync("/v1/speakers?party=green-party-test")).ReadAsync<Page<SpeakerResponse>>();

        Assert.Equal([green.Id], page.Items.Select(s => s.Id));
    }

    [Fact]
    public async Task ABlankPartyOrStateIsRejected()
    {
        var response = await api.Writer().PostJsonAsync("/v1/speakers", new { name = "Blank Party", party = "  ", state = "" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "party", "state");
    }
}
