using System.Net;
using System.Text;
using System.Text.Json;
using Claims.Api.Reviews;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class FactCheckSearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task<JsonElement> SearchAsync(string query) =>
        await (await api.Reader().GetAsync($"/v1/factcheck/claims:search?{query}")).ReadAsync<JsonElement>();

    static List<string?> Texts(JsonElement page) => page.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("text").GetString()).ToList();

    static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task TheSearchAnswersInTheShapeOfGooglesFactCheckTools()
    {
        var writer = api.Writer();
        var claim = await writer.NewAssertedClaimAsync("The quarvelous bridge will be built.");
        await writer.NewReviewAsync(claim.Slug, new
        {
            url = "https://misbar.com/q/1", publisherName = "Misbar", title = "No bridge", reviewedOn = "2024-05-02", language = "en", ratingText = "Misleading",
        });

        var page = await SearchAsync("query=quarvelous");

        var found = Assert.Single(page.GetProperty("claims").EnumerateArray());
        Assert.False(page.TryGetProperty("nextPageToken", out _));
        Assert.Equal(("The quarvelous bridge will be built.", "Acme Alliance", "2021-03-04T00:00:00Z"),
            (found.GetProperty("text").GetString(), found.GetProperty("claimant").GetString(), found.GetProperty("claimDate").GetString()));
        var review = Assert.Single(found.GetProperty("claimReview").EnumerateArray());
        var publisher = review.GetProperty("publisher");
        Assert.Equal(("Misbar", "misbar.com"), (publisher.GetProperty("name").GetString(), publisher.GetProperty("site").GetString()));
        Assert.Equal(("https://misbar.com/q/1", "No bridge", "2024-05-02T00:00:00Z", "Misleading", "en"),
            (review.GetProperty("url").GetString(), review.GetProperty("title").GetString(), review.GetProperty("reviewDate").GetString(),
             review.GetProperty("textualRating").GetString(), review.GetProperty("languageCode").GetString()));
    }

    [Fact]
    public async Task TheClaimantIsWhoeverSaidItFirstByTheStancesOwnDateBeforeItsEvidence()
    {
        var writer = api.Writer();
        var claim = await writer.NewAssertedClaimAsync("The glimmerous canal will be dug.");
        await writer.NewReviewAsync(claim.Slug, "false");
        // A stance's own date (an imported claimDate) and no evidence; the others' evidence was said in 2021.
        var early = await writer.NewSpeakerAsync("Early Speaker");
        Assert.Equal(HttpStatusCode.Created,
            (await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = early.Id, position = "asserts", saidOn = "2019-07-01" })).StatusCode);

        var found = Assert.Single((await SearchAsync("query=glimmerous")).GetProperty("claims").EnumerateArray());

        Assert.Equal(("Early Speaker", "2019-07-01T00:00:00Z"), (found.GetProperty("claimant").GetString(), found.GetProperty("claimDate").GetString()));
    }

    [Fact]
    public async Task TheColonInClaimsSearchIsMatchedLiterally()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Reader().GetAsync("/v1/factcheck/claims:search?query=anything")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync("/v1/factcheck/claims?query=anything")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync("/v1/factcheck/claims:searches?query=anything")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheReviewEndpoints()
    {
        var paths = (await (await api.Reader().GetAsync("/openapi/v1.json")).ReadAsync<JsonElement>()).GetProperty("paths");

        foreach (var path in new[] { "/v1/claims/{idOrSlug}/reviews", "/v1/claims/{idOrSlug}/reviews/{reviewId}", "/v1/claims/{idOrSlug}/claimreview" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing");
        var search = paths.GetProperty("/v1/factcheck/claims:search").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "query", "languageCode", "maxAgeDays", "pageSize", "pageToken", "reviewPublisherSiteFilter" }, parameters);
    }

    [Theory]
    [InlineData("", "query")]
    [InlineData("query=", "query")]
    [InlineData("query=x&pageSize=0", "pageSize")]
    [InlineData("query=x&pageSize=101", "pageSize")]
    [InlineData("query=x&pageToken=bogus", "pageToken")]
    [InlineData("query=x&maxAgeDays=0", "maxAgeDays")]
    [InlineData("query=x&languageCode=arabic!", "languageCode")]
    [InlineData("query=x&reviewPublisherSiteFilter=not%20a%20site", "reviewPublisherSiteFilter")]
    public async Task ABadSearchIsABadRequest(string query, string field) =>
        await (await api.Reader().GetAsync($"/v1/factcheck/claims:search?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task OnlyReviewedClaimsAppearWithOnlyTheReviewsThatPassTheFilters()
    {
        var writer = api.Writer();
        var both = await writer.NewClaimAsync("The zembliferous tower is arabic and english.");
        var english = await writer.NewClaimAsync("The zembliferous tower is english.");
        await writer.NewClaimAsync("The zembliferous tower is unreviewed.");
        await writer.NewReviewAsync(both.Slug, "مضلل", language: "ar-EG", reviewedOn: DaysAgo(3));
        await writer.NewReviewAsync(both.Slug, "misleading", site: "factcheck.afp.com", language: "en", reviewedOn: DaysAgo(400));
        await writer.NewReviewAsync(english.Slug, "false", site: "factcheck.afp.com", language: "en", reviewedOn: DaysAgo(2));

        Assert.Equal([english.Text, both.Text], Texts(await SearchAsync("query=zembliferous")));

        var arabic = await SearchAsync("query=zembliferous&languageCode=ar");
        Assert.Equal([both.Text], Texts(arabic));
        Assert.Equal("ar-EG", Assert.Single(arabic.GetProperty("claims")[0].GetProperty("claimReview").EnumerateArray()).GetProperty("languageCode").GetString());

        var recent = await SearchAsync("query=zembliferous&maxAgeDays=30");
        Assert.Equal([english.Text, both.Text], Texts(recent));
        Assert.Equal("مضلل", Assert.Single(recent.GetProperty("claims")[1].GetProperty("claimReview").EnumerateArray()).GetProperty("textualRating").GetString());

        var afp = await SearchAsync("query=zembliferous&reviewPublisherSiteFilter=www.factcheck.afp.com&maxAgeDays=30");
        Assert.Equal([english.Text], Texts(afp));
    }

    [Fact]
    public async Task ClaimsComeMostRelevantFirstWhateverTheirReviewsDates()
    {
        var writer = api.Writer();
        var both = await writer.NewClaimAsync("The quendish tariff doubled.");
        var one = await writer.NewClaimAsync("The quendish ferry is late again, and the harbour master blames the weather.");
        await writer.NewReviewAsync(both.Slug, "false", reviewedOn: "2020-01-01");
        await writer.NewReviewAsync(one.Slug, "false", reviewedOn: "2024-01-01");

        Assert.Equal([both.Text, one.Text], Texts(await SearchAsync("query=quendish%20or%20tariff")));
    }

    // The claims tie on relevance (the same words, as long), so they come by id, newest first.
    [Fact]
    public async Task PagesWalkEveryClaimOnce()
    {
        var writer = api.Writer();
        var claims = new List<string?>();
        for (var i = 0; i < 11; i++)
        {
            var claim = await writer.NewClaimAsync($"Claim {i} about the plorbish canal.");
            await writer.NewReviewAsync(claim.Slug, "fake", reviewedOn: new DateOnly(2024, 1, 1).AddDays(i).ToString("yyyy-MM-dd"));
            claims.Insert(0, claim.Text);
        }

        var seen = new List<string?>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await SearchAsync("query=plorbish&pageSize=4" + (token is null ? "" : $"&pageToken={token}"));
            Assert.True(page.GetProperty("claims").GetArrayLength() <= 4);
            seen.AddRange(Texts(page));
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
            pages++;
        } while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(claims, seen);
        var first = await SearchAsync("query=plorbish");
        Assert.Equal(claims.Take(FactCheckQuery.DefaultPageSize), Texts(first));
        Assert.True(first.TryGetProperty("nextPageToken", out _));
    }

    [Fact]
    public async Task ArabicTextStaysIntactFromWriteToSearch()
    {
        const string text = "خبر جرى تداوله يفيد بانقطاع التيار الكهربائي عن جميع أنحاء أوروبا";
        const string url = "https://misbar.com/factcheck/2025/04/28/%D8%A7%D9%86%D9%82%D8%B7%D8%A7%D8%B9";
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync(text);
        await writer.NewReviewAsync(claim.Id.ToString(), new
        {
            url, publisherName = "مسبار", title = "الكهرباء انقطعت في بعض الدول الأوروبية وليس كلها", language = "ar", ratingText = "مضلّل", reviewedOn = "2025-04-28",
        });

        var response = await api.Reader().GetAsync($"/v1/factcheck/claims:search?query={Uri.EscapeDataString("بانقطاع الكهربائي")}");
        var body = await response.Content.ReadAsByteArrayAsync();
        var page = JsonDocument.Parse(body).RootElement;

        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains(text, Encoding.UTF8.GetString(body)); // written as UTF-8, not \u escapes
        var found = Assert.Single(page.GetProperty("claims").EnumerateArray());
        Assert.Equal(text, found.GetProperty("text").GetString());
        var review = Assert.Single(found.GetProperty("claimReview").EnumerateArray());
        Assert.Equal(("مسبار", url, "الكهرباء انقطعت في بعض الدول الأوروبية وليس كلها", "مضلّل"),
            (review.GetProperty("publisher").GetProperty("name").GetString(), review.GetProperty("url").GetString(),
             review.GetProperty("title").GetString(), review.GetProperty("textualRating").GetString()));
    }
}
