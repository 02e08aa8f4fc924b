using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;

namespace Claims.Api.Tests;

/// <summary>CheckThat! vclaims (PolitiFact fact-checks) imported through POST /v1/import?format=vclaim.</summary>
public sealed class VclaimImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "vclaim", name);

    async Task<HttpResponseMessage> ImportAsync(string fixture)
    {
        var body = new StreamContent(File.OpenRead(Fixture(fixture)));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await api.Writer().PostAsync("/v1/import?format=vclaim", body);
    }

    [Fact]
    public async Task AVclaimBecomesAClaimItsSpeakersStanceAndPolitiFactsReview()
    {
        var report = await (await ImportAsync("pool.json")).ReadAsync<ImportReport>();

        Assert.Equal((1L, 3L, 3L, 3L), (report.Speaker.Created, report.Claim.Created, report.Stance.Created, report.Review.Created));
        var claims = await (await api.Reader().GetAsync("/v1/speakers/julian-quorvel/claims")).ReadAsync<JsonElement>();
        var items = claims.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        var bread = items.Single(c => c.GetProperty("slug").GetString() == "says-the-brindle-county-tax-on-bread-doubled-in-one-year-pol-90001");
        Assert.Equal(("2019-03-03", "a campaign mailer."), (bread.GetProperty("stance").GetProperty("saidOn").GetString(), bread.GetProperty("stance").GetProperty("context").GetString()));
        var detail = await (await api.Reader().GetAsync($"/v1/claims/{bread.GetProperty("id").GetString()}")).ReadAsync<JsonElement>();
        var review = Assert.Single(detail.GetProperty("reviews").EnumerateArray());
        Assert.Equal(("https://www.politifact.com/factchecks/2019/mar/07/julian-quorvel/bread-tax-did-not-double/", "2019-03-07", "false", "pants-fire", "politifact.com", "No, the Brindle bread tax did not double"),
            (review.GetProperty("url").GetString(), review.GetProperty("reviewedOn").GetString(), review.GetProperty("rating").GetString(),
             review.GetProperty("ratingText").GetString(), review.GetProperty("publisherSite").GetString(), review.GetProperty("title").GetString()));
        // The article's text, without the page's box of another fact-check or a heading left with none.
        Assert.Equal("The county's bread tax went from 1 % to 1.5 %.\n\nWe rate it Pants on Fire.", review.GetProperty("text").GetString());
        var speaker = await (await api.Reader().GetAsync("/v1/speakers/julian-quorvel")).ReadAsync<JsonElement>();
        Assert.Equal("Julián Quorvel", speaker.GetProperty("name").GetString()); // the spelling most of its vclaims use
        var undated = items.Single(c => c.GetProperty("text").GetString() == "I never said the ferry would be free.");
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("stance").GetProperty("saidOn").ValueKind);
        Assert.Equal("other", undated.GetProperty("ratings")[0].GetProperty("rating").GetString());
        var blank = await (await api.Reader().GetAsync($"/v1/claims/{undated.GetProperty("id").GetString()}/reviews")).ReadAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, blank.GetProperty("items")[0].GetProperty("text").ValueKind);
    }

    [Fact]
    public async Task TheSamePoolAgainChangesNothingAndOneFileIsOneVclaim()
    {
        (await ImportAsync("pool.json")).EnsureSuccessStatusCode();
        var again = await (await ImportAsync("pool.json")).ReadAsync<ImportReport>();
        var one = await (await ImportAsync("vclaim-pol-90004.json")).ReadAsync<ImportReport>();

        Assert.Equal((0L, 0L, 3L), (again.Claim.Created, again.Claim.Updated, again.Claim.Unchanged));
        Assert.Equal((1L, 1L, 1L), (one.Claim.Created, one.Review.Created, one.Speaker.Created));
        Assert.Equal(HttpStatusCode.OK, (await api.Reader().GetAsync("/v1/speakers/viral-image")).StatusCode);
    }

    [Fact]
    public async Task AVclaimWithoutItsTextFailsTheImportNamingItAndWritesNothing()
    {
        var problem = await (await ImportAsync("broken.json")).AssertProblemAsync(HttpStatusCode.BadRequest, "body[1]", "body[2]");

        Assert.Contains("'vclaim' is required.", problem.GetProperty("errors").GetProperty("body[1]")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync("/v1/speakers/someone")).StatusCode);
    }
}
