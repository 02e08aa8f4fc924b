using System.Net;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Reviews;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class ReviewRatingsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("مضلل", "en", Rating.MostlyFalse)] // feeds label Arabic verdicts "en"
    [InlineData("Misleading", "ar", Rating.MostlyFalse)]
    [InlineData("غير صحيح", "ar", Rating.False)]
    [InlineData("صحيح", "ar", Rating.True)]
    [InlineData("تحقق يوب يوب من الادعاء ووجد أنه مضلل", "ar", Rating.Other)]
    public async Task TheRatingIsReadFromThePublishersWordsInAnyLanguage(string ratingText, string language, Rating expected)
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim rated in words");

        var review = await writer.NewReviewAsync(claim.Slug, ratingText, language: language);

        Assert.Equal((expected, ratingText), (review.Rating, review.RatingText));
    }

    [Fact]
    public async Task AnExplicitRatingWinsOverTheWordsUntilAReplacementLeavesItOut()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim rated twice over");

        var review = await writer.NewReviewAsync(claim.Slug, new { url = "https://misbar.com/r", ratingText = "زائف", rating = "mixed" });
        Assert.Equal(Rating.Mixed, review.Rating);

        var replaced = await (await writer.PutJsonAsync($"/v1/claims/{claim.Slug}/reviews/{review.Id}", new { url = review.Url, ratingText = "زائف" }))
            .ReadAsync<ReviewResponse>();
        Assert.Equal(Rating.False, replaced.Rating);

        var ratedOnly = await writer.NewReviewAsync(claim.Slug, new { url = "https://misbar.com/s", rating = "mostlyTrue" });
        Assert.Equal((Rating.MostlyTrue, (string?)null), (ratedOnly.Rating, ratedOnly.RatingText));
    }

    [Fact]
    public async Task ClaimsAreFilteredByRatingAndByReviewerSiteOrName()
    {
        var writer = api.Writer();
        var misled = await writer.NewClaimAsync("A misleading claim");
        var faked = await writer.NewClaimAsync("A fake claim");
        await writer.NewReviewAsync(misled.Slug, new { url = "https://filtering-annir.ly/1", publisherName = "أنير", ratingText = "مضلل" });
        await writer.NewReviewAsync(faked.Slug, new { url = "https://filtering-falso.ly/1", publisherName = "Falso Filtering", ratingText = "fake" });

        async Task<List<Guid>> ListAsync(string query) =>
            (await (await writer.GetAsync($"/v1/claims?limit=100&{query}")).ReadAsync<Page<ClaimResponse>>()).Items.Select(c => c.Id).ToList();

        var mostlyFalse = await ListAsync("rating=mostlyFalse");
        Assert.Contains(misled.Id, mostlyFalse);
        Assert.DoesNotContain(faked.Id, mostlyFalse);
        Assert.Equal([faked.Id], await ListAsync("reviewedBy=filtering-falso.ly"));
        Assert.Equal([faked.Id], await ListAsync("reviewedBy=falso%20FILTERING"));
        Assert.Equal([misled.Id], await ListAsync("reviewedBy=" + Uri.EscapeDataString("https://www.filtering-annir.ly/")));
        Assert.Equal([misled.Id], await ListAsync("reviewedBy=" + Uri.EscapeDataString("أنير")));
        Assert.Equal([misled.Id], await ListAsync("reviewedBy=filtering-annir.ly&rating=mostlyfalse"));
        Assert.Empty(await ListAsync("reviewedBy=filtering-annir.ly&rating=false"));
        Assert.Empty(await ListAsync("reviewedBy=nobody.example"));
        await (await writer.GetAsync("/v1/claims?rating=pants-on-fire")).AssertProblemAsync(HttpStatusCode.BadRequest, "rating");
    }
}
