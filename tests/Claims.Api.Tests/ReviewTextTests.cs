using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Reviews;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Dapper;
using Npgsql;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>A review's text, the fact-check article: kept, shown, replaced, exported and imported, within its limit.</summary>
public sealed class ReviewTextTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Article = "The levy was not raised.\n\nThe council's minutes show the rate stayed at 2 %.";

    static string Url() => $"https://factcheck.example/{Guid.NewGuid():N}";

    [Fact]
    public async Task AReviewsTextIsKeptShownWithTheClaimAndReplacedOrClearedByPut()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("The levy was raised.");

        var review = await writer.NewReviewAsync(claim.Slug, new { url = Url(), ratingText = "false", text = "  " + Article + "\n" });

        Assert.Equal(Article, review.Text);
        Assert.Equal(Article, (await (await writer.GetAsync($"/v1/claims/{claim.Slug}/reviews/{review.Id}")).ReadAsync<ReviewResponse>()).Text);
        Assert.Equal(Article, Assert.Single((await (await writer.GetAsync($"/v1/claims/{claim.Slug}/reviews")).ReadAsync<Page<ReviewResponse>>()).Items).Text);
        Assert.Equal(Article, Assert.Single((await writer.ClaimAsync(claim.Slug)).Reviews).Text);

        var replaced = await (await writer.PutJsonAsync($"/v1/claims/{claim.Slug}/reviews/{review.Id}", new { url = review.Url, ratingText = "false", text = "Another article." }))
            .ReadAsync<ReviewResponse>();
        Assert.Equal("Another article.", replaced.Text);
        var cleared = await (await writer.PutJsonAsync($"/v1/claims/{claim.Slug}/reviews/{review.Id}", new { url = review.Url, ratingText = "false", text = " " }))
            .ReadAsync<ReviewResponse>();
        Assert.Null(cleared.Text);
    }

    [Fact]
    public async Task ATextOfTheLimitIsKeptAndOneCharacterMoreIsRefusedWritingNothing()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("A claim with a long review.");

        var longest = await writer.NewReviewAsync(claim.Slug, new { url = Url(), ratingText = "false", text = new string('a', ReviewRequest.MaxTextLength) });
        var tooLong = await writer.PostJsonAsync($"/v1/claims/{claim.Slug}/reviews", new { url = Url(), ratingText = "false", text = new string('a', ReviewRequest.MaxTextLength + 1) });
        var withNul = await writer.PostJsonAsync($"/v1/claims/{claim.Slug}/reviews", new { url = Url(), ratingText = "false", text = "a\0b" });

        Assert.Equal(ReviewRequest.MaxTextLength, longest.Text!.Length);
        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, "text");
        await withNul.AssertProblemAsync(HttpStatusCode.BadRequest, "text");
        Assert.Single((await writer.ClaimAsync(claim.Slug)).Reviews);
    }

    [Fact]
    public async Task TheDatabaseHoldsTheSameLimit()
    {
        var review = await api.Writer().NewReviewAsync(Seeded.ViolationClaim, new { url = Url(), ratingText = "false" });
        await using var conn = new NpgsqlConnection(api.ConnectionString);

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            conn.ExecuteAsync("UPDATE review SET text = repeat('a', @Length) WHERE id = @Id", new { Length = ReviewRequest.MaxTextLength + 1, review.Id }));
        var empty = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync("UPDATE review SET text = '' WHERE id = @Id", new { review.Id }));

        Assert.Equal(("review_text_length", "review_text_length"), (error.ConstraintName, empty.ConstraintName));
        Assert.Equal(1, await conn.ExecuteAsync("UPDATE review SET text = repeat('a', @Length) WHERE id = @Id", new { Length = ReviewRequest.MaxTextLength, review.Id }));
    }

    [Fact]
    public async Task TheTextIsTheClaimReviewsReviewBody()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("The ferry was free.");
        await writer.NewReviewAsync(claim.Slug, new { url = Url(), ratingText = "false", text = Article });

        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/claims/{claim.Slug}/claimreview");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));
        var reviews = await (await writer.SendAsync(request)).ReadAsync<JsonElement>();

        Assert.Equal(Article, reviews[0].GetProperty("reviewBody").GetString());
    }

    [Fact]
    public async Task TheTextGoesOutInTheExportAndComesBackInTheImport()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("The bridge was closed.");
        var review = await writer.NewReviewAsync(claim.Slug, new { url = Url(), ratingText = "false", text = Article });

        var exported = Parse(await api.Reader().GetByteArrayAsync("/v1/export")).Single(r => r.Type == "review" && (string?)r.Data["id"] == review.Id.ToString());
        Assert.Equal(Article, (string?)exported.Data["text"]);

        exported.Data["text"] = "The article, corrected.";
        var changed = await (await ImportAsync(writer, Record("review", exported.Data))).ReadAsync<ImportReport>();
        exported.Data.Remove("text");
        var without = await (await ImportAsync(writer, Record("review", exported.Data))).ReadAsync<ImportReport>();

        Assert.Equal((new ImportCounts(0, 1, 0), new ImportCounts(0, 0, 1)), (changed.Review, without.Review));
        Assert.Equal("The article, corrected.", (await (await writer.GetAsync($"/v1/claims/{claim.Slug}/reviews/{review.Id}")).ReadAsync<ReviewResponse>()).Text);
    }

    [Fact]
    public async Task AnImportedTextIsCheckedAsTheTableChecksIt()
    {
        var claim = await api.Writer().NewClaimAsync("The tunnel was opened.");
        string Review(string text) => Record("review", new
        {
            id = Guid.CreateVersion7(), claimId = claim.Id, publisherSite = "factcheck.example", url = Url(), rating = "false", text,
        });

        var response = await ImportAsync(api.Writer(), Review(""), Review(new string('a', ReviewRequest.MaxTextLength + 1)));

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "line 1", "line 2")).GetProperty("errors");
        Assert.Contains("'text' must not be empty", errors.GetProperty("line 1")[0].GetString());
        Assert.Contains("'text' must be at most 100,000 characters", errors.GetProperty("line 2")[0].GetString());
        Assert.Empty((await api.Writer().ClaimAsync(claim.Slug)).Reviews);
    }
}
