using System.Net;
using Claims.Api.Claims;
using Claims.Api.Reviews;
using Claims.Api.Speakers;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>Reviews, and claims with someone asserting them, made through the API.</summary>
public static class ReviewBuilders
{
    public static async Task<ReviewResponse> NewReviewAsync(this HttpClient writer, string claim, object body) =>
        await (await writer.PostJsonAsync($"/v1/claims/{claim}/reviews", body)).ReadAsync<ReviewResponse>(HttpStatusCode.Created);

    /// <summary>A review at a fresh URL on <paramref name="site"/>.</summary>
    public static Task<ReviewResponse> NewReviewAsync(
        this HttpClient writer, string claim, string ratingText, string site = "misbar.com", string? language = "ar", string? reviewedOn = "2024-05-01") =>
        writer.NewReviewAsync(claim, new { url = $"https://{site}/fact-check/{Guid.NewGuid():N}", ratingText, language, reviewedOn, title = "A check" });

    /// <summary>
    /// A claim asserted by a person (evidence said on 2021-03-05) and an organization (evidence said on 2021-03-04),
    /// each quoted in a source of its own, and disputed by a third speaker.
    /// </summary>
    public static async Task<ClaimResponse> NewAssertedClaimAsync(this HttpClient writer, string text, string person = "Ada Speaker", string organization = "Acme Alliance")
    {
        var claim = await writer.NewClaimAsync(text);
        var speaker = await writer.NewSpeakerAsync(person);
        var alliance = await (await writer.PostJsonAsync("/v1/speakers", new { name = organization, kind = "organization" }))
            .ReadAsync<SpeakerResponse>(HttpStatusCode.Created);
        var critic = await writer.NewSpeakerAsync("Critic Speaker");
        await writer.AssertAsync(claim, speaker.Id, "2021-03-05", "asserts");
        await writer.AssertAsync(claim, alliance.Id, "2021-03-04", "asserts");
        await writer.AssertAsync(claim, critic.Id, "2001-01-01", "disputes");
        return claim;
    }

    static async Task AssertAsync(this HttpClient writer, ClaimResponse claim, Guid speakerId, string saidOn, string position)
    {
        var source = await writer.NewSourceAsync();
        var quote = await writer.NewQuoteAsync(speakerId, source, "We will build it.", saidOn);
        var stance = await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId, position, quoteId = quote.Id });
        Assert.Equal(HttpStatusCode.Created, stance.StatusCode);
    }
}
