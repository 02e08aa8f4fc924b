using System.Net;
using System.Net.Http.Headers;
using Claims.Api.Changes;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Reviews;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class ReviewsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AReviewIsCreatedReadListedReplacedAndDeleted()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("Europe lost all power on 28 April.");

        var created = await writer.PostJsonAsync($"/v1/claims/{claim.Slug}/reviews", new
        {
            url = "https://misbar.com/factcheck/2025/04/28/europe-power",
            publisherName = "مسبار",
            publisherSite = "misbar.com",
            title = "Electricity was cut in some European countries, not all of Europe",
            reviewedOn = "2025-04-28",
            language = "ar",
            ratingText = "مضلل",
        });
        var review = await created.ReadAsync<ReviewResponse>(HttpStatusCode.Created);
        Assert.Equal($"/v1/claims/{claim.Slug}/reviews/{review.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal((claim.Id, Rating.MostlyFalse, "مضلل", new DateOnly(2025, 4, 28)), (review.ClaimId, review.Rating, review.RatingText, review.ReviewedOn));

        var read = await writer.GetAsync($"/v1/claims/{claim.Id}/reviews/{review.Id}");
        Assert.Equal(review.Title, (await read.ReadAsync<ReviewResponse>()).Title);
        Assert.NotNull(read.Headers.ETag);
        var listed = await (await writer.GetAsync($"/v1/claims/{claim.Slug}/reviews")).ReadAsync<Page<ReviewResponse>>();
        Assert.Equal(review.Id, Assert.Single(listed.Items).Id);

        var replaced = await (await writer.PutJsonAsync($"/v1/claims/{claim.Slug}/reviews/{review.Id}", new
        {
            url = review.Url,
            publisherName = "Misbar",
            ratingText = "False",
            reviewedOn = "2025-04-29",
        })).ReadAsync<ReviewResponse>();
        Assert.Equal(("Misbar", "misbar.com", Rating.False, (string?)null), (replaced.PublisherName, replaced.PublisherSite, replaced.Rating, replaced.Title));

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/claims/{claim.Slug}/reviews/{review.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/v1/claims/{claim.Slug}/reviews/{review.Id}")).StatusCode);
        Assert.Empty((await writer.ClaimAsync(claim.Slug)).Reviews);
    }

    [Theory]
    [InlineData(null, "https://www.Misbar.com/x", "misbar.com")]
    [InlineData("HTTPS://WWW.Fatabyyano.NET/", "https://example.org/x", "fatabyyano.net")]
    [InlineData("www.afp.com", "https://example.org/x", "afp.com")]
    [InlineData("factcheckarabic.afp.com", "https://example.org/x", "factcheckarabic.afp.com")]
    public async Task APublisherSiteIsStoredAsABareLowerCaseDomainTakenFromTheUrlWhenOmitted(string? publisherSite, string url, string expected)
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim about sites");

        var review = await writer.NewReviewAsync(claim.Slug, new { url, publisherSite, ratingText = "fake" });

        Assert.Equal(expected, review.PublisherSite);
        Assert.Equal(url, review.Url);
    }

    [Fact]
    public async Task APublisherNameWrappedInQuotesIsUnwrapped()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim about names");

        var review = await writer.NewReviewAsync(claim.Slug, new { url = "https://falso.ly/1", publisherName = " \"فالصو\" ", ratingText = "fake" });

        Assert.Equal("فالصو", review.PublisherName);
    }

    [Theory]
    [InlineData("""{"ratingText": "fake"}""", "url")]
    [InlineData("""{"url": "/relative/path", "ratingText": "fake"}""", "url")]
    [InlineData("""{"url": "ftp://misbar.com/a", "ratingText": "fake"}""", "url")]
    [InlineData("""{"url": "https://192.168.1.1/a", "ratingText": "fake"}""", "url")]
    [InlineData("""{"url": "https://a_b.com/a", "ratingText": "fake"}""", "url")]
    [InlineData("""{"url": "https://misbar.com/a", "ratingText": "fake", "publisherSite": "a_b.com"}""", "publisherSite")]
    [InlineData("""{"url": "https://misbar.com/a"}""", "ratingText")]
    [InlineData("""{"url": "https://misbar.com/a", "rating": "pantsOnFire"}""", "rating")]
    [InlineData("""{"url": "https://misbar.com/a", "rating": 2}""", "rating")]
    [InlineData("""{"url": "https://misbar.com/a", "ratingText": "fake", "reviewedOn": "2024-02-30"}""", "reviewedOn")]
    [InlineData("""{"url": "https://misbar.com/a", "ratingText": "fake", "reviewedOn": "yesterday"}""", "reviewedOn")]
    [InlineData("""{"url": "https://misbar.com/a", "ratingText": "fake", "reviewedOn": "2999-01-01"}""", "reviewedOn")]
    [InlineData("""{"url": "https://misbar.com/a", "ratingText": "fake", "language": "Arabic language"}""", "language")]
    [InlineData("""{"url": "https://misbar.com/a", "ratingText": "fake", "publisherSite": "not a domain"}""", "publisherSite")]
    [InlineData("""{"url": "https://misbar.com/a", "ratingText": "fake", "publisherSite": "https://misbar.com/ar/page"}""", "publisherSite")]
    [InlineData("""{"url": "https://misbar.com/a", "ratingText": "fake", "title": "bad\u0000title"}""", "title")]
    public async Task EachInvalidFieldIsRejectedByName(string body, string field)
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim for validation");

        await (await writer.PostRawAsync($"/v1/claims/{claim.Slug}/reviews", body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task OverlongTextsAreRejected()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim for lengths");

        var response = await writer.PostJsonAsync($"/v1/claims/{claim.Slug}/reviews", new
        {
            url = "https://misbar.com/" + new string('a', 2100),
            publisherName = new string('n', 201),
            title = new string('t', 1001),
            ratingText = new string('r', 501),
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "url", "publisherName", "title", "ratingText");
    }

    [Theory]
    [InlineData("https://www.misbar.com/fact/europe")]
    [InlineData("https://misbar.com/fact/europe/")]
    [InlineData("HTTPS://MISBAR.COM/fact/europe")]
    [InlineData("https://WWW.Misbar.com/fact/europe//")]
    [InlineData("https://misbar.com/fact/europe#comments")]
    public async Task TheSameArticleUnderAnotherSpellingOfItsUrlIsAConflict(string variant)
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim reviewed twice");
        await writer.NewReviewAsync(claim.Slug, new { url = "https://misbar.com/fact/europe", ratingText = "misleading" });

        var duplicate = await writer.PostJsonAsync($"/v1/claims/{claim.Slug}/reviews", new { url = variant, ratingText = "misleading" });

        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
        var other = await writer.NewClaimAsync("Another claim the article reviews");
        await writer.NewReviewAsync(other.Slug, new { url = variant, ratingText = "misleading" });
    }

    [Fact]
    public async Task ThePathCaseAndQueryOfAUrlStillTellArticlesApart()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim reviewed by several articles");

        foreach (var url in new[] { "https://misbar.com/a", "https://misbar.com/A", "https://misbar.com/a?id=2", "http://misbar.com/a" })
            await writer.NewReviewAsync(claim.Slug, new { url, ratingText = "fake" });

        Assert.Equal(4, (await writer.ClaimAsync(claim.Slug)).Reviews.Count);
    }

    [Fact]
    public async Task MovingAReviewOntoAnotherReviewsUrlIsAConflict()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim with two reviews to collide");
        await writer.NewReviewAsync(claim.Slug, new { url = "https://misbar.com/one", ratingText = "fake" });
        var second = await writer.NewReviewAsync(claim.Slug, new { url = "https://misbar.com/two", ratingText = "fake" });

        var put = await writer.PutJsonAsync($"/v1/claims/{claim.Slug}/reviews/{second.Id}", new { url = "https://www.misbar.com/one/", ratingText = "fake" });

        await put.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("https://misbar.com/two", (await (await writer.GetAsync($"/v1/claims/{claim.Slug}/reviews/{second.Id}")).ReadAsync<ReviewResponse>()).Url);
    }

    [Fact]
    public async Task UnknownClaimsAndReviewsAreNotFound()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim with one review");
        var elsewhere = await writer.NewClaimAsync("A claim with none");
        var review = await writer.NewReviewAsync(claim.Slug, "fake");
        var body = new { url = "https://misbar.com/x", ratingText = "fake" };

        await (await writer.PostJsonAsync("/v1/claims/no-such-claim/reviews", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.GetAsync("/v1/claims/no-such-claim/reviews")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.GetAsync($"/v1/claims/{claim.Slug}/reviews/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.GetAsync($"/v1/claims/{elsewhere.Slug}/reviews/{review.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.PutJsonAsync($"/v1/claims/{elsewhere.Slug}/reviews/{review.Id}", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.DeleteAsync($"/v1/claims/{elsewhere.Slug}/reviews/{review.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await writer.ClaimAsync(claim.Slug)).Reviews);
    }

    [Fact]
    public async Task WritingAReviewNeedsTheApiKey()
    {
        var claim = await api.Writer().NewClaimAsync("A claim readers cannot review");

        var response = await api.Reader().PostJsonAsync($"/v1/claims/{claim.Slug}/reviews", new { url = "https://misbar.com/x", ratingText = "fake" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AClaimShowsItsReviewsNewestFirstAndItsETagFollowsThem()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim whose reviews show");
        var before = (await writer.GetAsync($"/v1/claims/{claim.Slug}")).Headers.ETag!.ToString();

        var older = await writer.NewReviewAsync(claim.Slug, "fake", reviewedOn: "2024-01-01");
        var newer = await writer.NewReviewAsync(claim.Slug, "misleading", site: "fatabyyano.net", reviewedOn: "2024-06-01");

        var response = await writer.GetAsync($"/v1/claims/{claim.Slug}");
        var detail = await response.ReadAsync<ClaimDetail>();
        Assert.Equal([newer.Id, older.Id], detail.Reviews.Select(r => r.Id));
        Assert.NotEqual(before, response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task AReviewIsEditedOnlyWithTheCurrentETag()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim with a contested review");
        var review = await writer.NewReviewAsync(claim.Slug, "fake");
        var url = $"/v1/claims/{claim.Slug}/reviews/{review.Id}";
        var etag = (await writer.GetAsync(url)).Headers.ETag!.ToString();
        await (await writer.PutJsonAsync(url, new { url = review.Url, ratingText = "misleading" })).ReadAsync<ReviewResponse>();

        var stale = new HttpRequestMessage(HttpMethod.Delete, url);
        stale.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await writer.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task ReviewsGoWithTheirClaimAndIntoTheChangeFeed()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim soon gone");
        var review = await writer.NewReviewAsync(claim.Slug, "fake");

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/claims/{claim.Slug}")).StatusCode);

        var changes = await (await writer.GetAsync("/v1/changes?after=0&limit=1000&types=review")).ReadAsync<ChangesPage>();
        Assert.Equal(["create", "delete"], changes.Items.Where(c => c.Id == review.Id).Select(c => c.Operation));
    }
}
