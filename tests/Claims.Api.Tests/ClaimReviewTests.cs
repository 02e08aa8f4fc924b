using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Claims.Api.Claims;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class ClaimReviewTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static HttpRequestMessage Get(string url, string? accept = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        return request;
    }

    static async Task<JsonElement> ReadLinkedDataAsync(HttpResponseMessage response)
    {
        var document = await response.ReadAsync<JsonElement>();
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        return document;
    }

    static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    [Fact]
    public async Task AClaimWithTwoReviewsIsTwoClaimReviews()
    {
        var writer = api.Writer();
        var claim = await writer.NewAssertedClaimAsync("The alliance will build it.");
        await writer.NewReviewAsync(claim.Slug, new
        {
            url = "https://misbar.com/check/1", publisherName = "مسبار", title = "Not what was said", reviewedOn = "2024-05-02", language = "ar", ratingText = "زائف",
        });
        await writer.NewReviewAsync(claim.Slug, new { url = "https://factcheck.afp.com/x", ratingText = "Unproven", reviewedOn = "2024-05-01" });

        var reviews = await ReadLinkedDataAsync(await writer.GetAsync($"/v1/claims/{claim.Slug}/claimreview"));

        Assert.Equal(2, reviews.GetArrayLength());
        var (first, second) = (reviews[0], reviews[1]);
        Assert.Equal(("https://schema.org", "ClaimReview", claim.Text), (Text(first, "@context"), Text(first, "@type"), Text(first, "claimReviewed")));
        Assert.Equal(("https://misbar.com/check/1", "2024-05-02", "Not what was said", "ar"),
            (Text(first, "url"), Text(first, "datePublished"), Text(first, "headline"), Text(first, "inLanguage")));
        var rating = first.GetProperty("reviewRating");
        Assert.Equal(("Rating", "زائف", 1, 5, 1), (Text(rating, "@type"), Text(rating, "alternateName"),
            rating.GetProperty("ratingValue").GetInt32(), rating.GetProperty("bestRating").GetInt32(), rating.GetProperty("worstRating").GetInt32()));
        var author = first.GetProperty("author");
        Assert.Equal(("Organization", "مسبار", "https://misbar.com"), (Text(author, "@type"), Text(author, "name"), Text(author, "url")));

        var unrated = second.GetProperty("reviewRating");
        Assert.Equal("Unproven", Text(unrated, "alternateName"));
        Assert.False(unrated.TryGetProperty("ratingValue", out _));
        Assert.Equal(("factcheck.afp.com", "https://factcheck.afp.com"), (Text(second.GetProperty("author"), "name"), Text(second.GetProperty("author"), "url")));

        var item = first.GetProperty("itemReviewed");
        Assert.Equal(("Claim", "2021-03-04"), (Text(item, "@type"), Text(item, "datePublished")));
        Assert.False(item.TryGetProperty("@context", out _));
        var authors = item.GetProperty("author").EnumerateArray().Select(a => (Text(a, "@type"), Text(a, "name"))).OrderBy(a => a.Item2).ToList();
        Assert.Equal([("Organization", "Acme Alliance"), ("Person", "Ada Speaker")], authors);
        var appearances = item.GetProperty("appearance").EnumerateArray().ToList();
        Assert.Equal(2, appearances.Count);
        Assert.All(appearances, a =>
        {
            Assert.Equal("CreativeWork", Text(a, "@type"));
            Assert.StartsWith("https://example.org/news/", Text(a, "url"));
            Assert.Equal(("Organization", "Example News"), (Text(a.GetProperty("publisher"), "@type"), Text(a.GetProperty("publisher"), "name")));
        });
        Assert.Equal(item.GetRawText(), second.GetProperty("itemReviewed").GetRawText());
    }

    [Fact]
    public async Task AGovernmentSpeakerIsAGovernmentOrganization()
    {
        var reviewed = await api.Writer().NewReviewAsync(Seeded.ViolationClaim, "false");

        var review = (await ReadLinkedDataAsync(await api.Reader().GetAsync($"/v1/claims/{Seeded.ViolationClaim}/claimreview")))[0];

        var authors = review.GetProperty("itemReviewed").GetProperty("author").EnumerateArray().ToDictionary(a => Text(a, "name")!, a => Text(a, "@type"));
        Assert.Equal("GovernmentOrganization", authors["United States"]);
        Assert.Equal("Organization", authors["NATO"]);
        Assert.Contains(review.GetProperty("itemReviewed").GetProperty("appearance").EnumerateArray(), a => Text(a, "url") == Seeded.TassUrl);
        Assert.Equal(reviewed.Url, Text(review, "url"));
    }

    [Fact]
    public async Task AClaimNobodyReviewedIsTheClaimAlone()
    {
        var writer = api.Writer();
        var asserted = await writer.NewAssertedClaimAsync("Nobody has checked this yet.");
        var bare = await writer.NewClaimAsync("Nobody has said or checked this.");

        var claim = await ReadLinkedDataAsync(await writer.GetAsync($"/v1/claims/{asserted.Slug}/claimreview"));
        var lonely = await ReadLinkedDataAsync(await writer.SendAsync(Get($"/v1/claims/{bare.Id}", "application/ld+json")));

        Assert.Equal(JsonValueKind.Object, claim.ValueKind);
        Assert.Equal(("https://schema.org", "Claim", asserted.Text, "2021-03-04"),
            (Text(claim, "@context"), Text(claim, "@type"), Text(claim, "text"), Text(claim, "datePublished")));
        Assert.Equal(2, claim.GetProperty("author").GetArrayLength());
        Assert.Equal(("Claim", JsonValueKind.Null, 0), (Text(lonely, "@type"), lonely.GetProperty("datePublished").ValueKind, lonely.GetProperty("appearance").GetArrayLength()));
    }

    [Theory]
    [InlineData("application/ld+json")]
    [InlineData("application/json;q=0.5, application/ld+json")]
    [InlineData("application/ld+json, */*;q=0.1")]
    public async Task AskingTheClaimForJsonLdGivesWhatClaimReviewGives(string accept)
    {
        var writer = api.Writer();
        var claim = await writer.NewAssertedClaimAsync("Negotiated claim text.");
        await writer.NewReviewAsync(claim.Slug, "fake");

        var negotiated = await writer.SendAsync(Get($"/v1/claims/{claim.Slug}", accept));
        var direct = await writer.GetAsync($"/v1/claims/{claim.Id}/claimreview");

        Assert.Equal((await ReadLinkedDataAsync(direct)).GetRawText(), (await ReadLinkedDataAsync(negotiated)).GetRawText());
        Assert.Contains("Accept", negotiated.Headers.Vary);
        Assert.Equal(direct.Headers.ETag, negotiated.Headers.ETag);
        var again = await writer.SendAsync(Get($"/v1/claims/{claim.Slug}", accept, negotiated.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("application/ld+json;q=0.5, application/json")]
    public async Task APlainGetStillAnswersJsonWithItsOwnETag(string? accept)
    {
        var writer = api.Writer();
        var claim = await writer.NewAssertedClaimAsync("Plain claim text.");
        await writer.NewReviewAsync(claim.Slug, "fake");

        var json = await writer.SendAsync(Get($"/v1/claims/{claim.Slug}", accept));

        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Single((await json.ReadAsync<ClaimDetail>()).Reviews);
        var etag = json.Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.NotModified, (await writer.SendAsync(Get($"/v1/claims/{claim.Slug}", accept, etag))).StatusCode);
        var linkedData = await writer.SendAsync(Get($"/v1/claims/{claim.Slug}", "application/ld+json", etag));
        Assert.Equal(HttpStatusCode.OK, linkedData.StatusCode);
        Assert.NotEqual(etag, linkedData.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task AnUnknownClaimHasNoJsonLd()
    {
        await (await api.Reader().GetAsync("/v1/claims/no-such-claim/claimreview")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.Reader().SendAsync(Get("/v1/claims/no-such-claim", "application/ld+json"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
