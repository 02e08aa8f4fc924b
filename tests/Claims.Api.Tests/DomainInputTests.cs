using System.Net;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

/// <summary>
/// What cannot be a domain — a non-character, a mark with nothing to sit on, a zero-width character that IDN mapping
/// would drop silently — is a 400 in every field and filter that takes a site, a host or a URL, never a 500.
/// </summary>
public sealed class DomainInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> NotDomains => ["%F4%8F%BF%BF", "%CC%81", "%CC%81.com", "mis%E2%80%8Bbar.com", "misbar.com%E2%80%8B", "%EF%BF%BF.org"];

    [Theory]
    [MemberData(nameof(NotDomains))]
    public async Task AClaimListFilteredByWhatCannotBeASiteOrNameIsABadRequest(string reviewedBy)
    {
        var response = await api.Reader().GetAsync($"/v1/claims?reviewedBy={reviewedBy}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "reviewedBy");
    }

    [Theory]
    [MemberData(nameof(NotDomains))]
    public async Task AFactCheckSearchFilteredByWhatCannotBeASiteIsABadRequest(string site)
    {
        var response = await api.Reader().GetAsync($"/v1/factcheck/claims:search?query=9M729&reviewPublisherSiteFilter={site}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "reviewPublisherSiteFilter");
    }

    [Theory]
    [MemberData(nameof(NotDomains))]
    public async Task AReviewWhoseSiteOrUrlHostCannotBeADomainIsABadRequest(string notDomain)
    {
        var host = Uri.UnescapeDataString(notDomain);
        var writer = api.Writer();

        var bySite = await writer.PostJsonAsync($"/v1/claims/{Seeded.ViolationClaim}/reviews",
            new { url = "https://misbar.com/check", ratingText = "false", publisherSite = host });
        var byUrl = await writer.PostJsonAsync($"/v1/claims/{Seeded.ViolationClaim}/reviews", new { url = $"https://{host}/check", ratingText = "false" });
        var source = await writer.PostJsonAsync("/v1/sources", new { url = $"https://{host}/article" });

        await bySite.AssertProblemAsync(HttpStatusCode.BadRequest, "publisherSite");
        await byUrl.AssertProblemAsync(HttpStatusCode.BadRequest, "url");
        await source.AssertProblemAsync(HttpStatusCode.BadRequest, "url");
    }

    [Theory]
    [InlineData("misbar.com")]
    [InlineData("WWW.Misbar.com")]
    [InlineData("مسبار")]
    [InlineData("AFP Fact Check")]
    public async Task ASiteOrAPublisherNameStillFilters(string reviewedBy)
    {
        var response = await api.Reader().GetAsync($"/v1/claims?reviewedBy={Uri.EscapeDataString(reviewedBy)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnInternationalisedDomainIsASite()
    {
        var review = await api.Writer().NewReviewAsync(Seeded.ViolationClaim, new { url = "https://bücher.example/check", ratingText = "false" });

        Assert.Equal("xn--bcher-kva.example", review.PublisherSite);
    }
}
