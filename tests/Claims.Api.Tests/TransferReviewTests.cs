using System.Net;
using System.Text.Json;
using Claims.Api.Reviews;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>Reviews, and the columns the field's formats fill, through the NDJSON import.</summary>
public sealed class TransferReviewTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AReviewIsMatchedByItsClaimAndUrlKeyAndKeepsItsStoredId()
    {
        var stored = await api.Writer().NewReviewAsync(Seeded.ViolationClaim, new { url = $"https://misbar.com/checks/{Guid.NewGuid():N}/", rating = "false" });
        var (fileId, sameUrl) = (Guid.CreateVersion7(), stored.Url.Replace("https://misbar.com", "HTTPS://www.Misbar.com").TrimEnd('/'));

        var report = await (await ImportAsync(api.Writer(), Record("review", new
        {
            id = fileId, claimId = stored.ClaimId, publisherSite = "misbar.com", url = sameUrl, title = "Checked again", rating = "false",
        }))).ReadAsync<ImportReport>();

        Assert.Equal(new ImportCounts(0, 1, 0), report.Review);
        var review = await (await api.Reader().GetAsync($"/v1/claims/{Seeded.ViolationClaim}/reviews/{stored.Id}")).ReadAsync<ReviewResponse>();
        Assert.Equal(("Checked again", sameUrl), (review.Title, review.Url));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync($"/v1/claims/{Seeded.ViolationClaim}/reviews/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task ReviewsAndTheFieldFormatsColumnsAreCheckedAsTheTablesCheckThem()
    {
        var claim = await IdOfAsync($"/v1/claims/{Seeded.ViolationClaim}");
        var url = $"https://misbar.com/checks/{Guid.NewGuid():N}";
        string Review(string site = "misbar.com", string? at = null, string rating = "false", Guid? of = null) =>
            Record("review", new { id = Guid.CreateVersion7(), claimId = of ?? claim, publisherSite = site, url = at ?? url, rating });
        var before = await StateAsync();

        var response = await ImportAsync(api.Writer(),
            Review(site: "WWW.Misbar.com"),
            Review(at: "ftp://misbar.com/check"),
            Review(rating: "pants on fire"),
            Review(of: Guid.CreateVersion7(), at: $"{url}/other"),
            Review(),
            Review(at: url.Replace("https://", "https://www.") + "/"),
            Record("speaker", new { id = Guid.CreateVersion7(), slug = "trailing-newline\n", name = "Newline", party = "" }),
            Record("stance", new { id = Guid.CreateVersion7(), claimId = claim, speakerId = await IdOfAsync($"/v1/speakers/{Seeded.Nato}"), position = "asserts", context = "", saidOn = "soon" }));

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        (int Line, string Reason)[] expected =
        [
            (1, "'publisherSite' must be a bare domain"), (2, "'url' must be an http or https URL with a host"), (3, "'rating' must be one of"),
            (4, "There is no claim"), (6, "The review on line 5 is of the same claim at the same URL."), (7, "'slug' must be lower-case"),
            (7, "'party' must not be empty"), (8, "'context' must not be empty"), (8, "'saidOn' must be a date"),
        ];
        foreach (var (line, reason) in expected)
        {
            Assert.True(errors.TryGetProperty($"line {line}", out var messages), $"no error for line {line}: {errors}");
            Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(reason));
        }
        Assert.Equal(7, errors.EnumerateObject().Count());
        Assert.Equal(before, await StateAsync());
    }

    async Task<Guid> IdOfAsync(string path) =>
        JsonDocument.Parse(await api.Reader().GetStringAsync(path)).RootElement.GetProperty("id").GetGuid();

    Task<long[]> StateAsync() => DatabaseState.OfAsync(api.ConnectionString);
}
