using System.Net;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class StanceContextTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task WhenAndWhereAStanceWasTakenShowInTheClaim()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("The port handles more ships than ever.");
        var speaker = await writer.NewSpeakerAsync("Port Director");

        var stance = await writer.NewStanceAsync(claim, speaker, "asserts", saidOn: "2016-09-14", context: " a speech in Des Moines, Iowa. ");
        var detail = await api.Reader().ClaimAsync(claim.Slug);

        Assert.Equal((new DateOnly(2016, 9, 14), "a speech in Des Moines, Iowa."), (stance.SaidOn, stance.Context));
        var shown = Assert.Single(detail.Stances);
        Assert.Equal((stance.Id, new DateOnly(2016, 9, 14), "a speech in Des Moines, Iowa."), (shown.Id, shown.SaidOn, shown.Context));
    }

    [Fact]
    public async Task AStanceWithoutWhenOrWhereHasNeither()
    {
        var writer = api.Writer();
        var stance = await writer.NewStanceAsync(await writer.NewClaimAsync("Undated claim."), await writer.NewSpeakerAsync("Undated Speaker"), "disputes");

        Assert.Equal((null, null), (stance.SaidOn, stance.Context));
    }

    [Fact]
    public async Task ABlankContextOrABadDateIsRejectedAndNothingIsWritten()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("Nothing written here.");
        var speaker = await writer.NewSpeakerAsync("Careless Writer");

        var blank = await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = speaker.Id, position = "asserts", context = "  " });
        var badDate = await writer.PostRawAsync($"/v1/claims/{claim.Id}/stances",
            $$"""{"speakerId": "{{speaker.Id}}", "position": "asserts", "saidOn": "14 September 2016"}""");

        await blank.AssertProblemAsync(HttpStatusCode.BadRequest, "context");
        await badDate.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty((await api.Reader().ClaimAsync(claim.Slug)).Stances);
    }
}
