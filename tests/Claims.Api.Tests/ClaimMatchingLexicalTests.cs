using System.Net;
using System.Text.Json;
using Claims.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Claims.Api.Tests;

/// <summary>Matching by words alone, as it works the moment a claim is written, and what it refuses.</summary>
public sealed class ClaimMatchingLexicalTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string LongSentence =
        "Well, you know, I have said it many times before and I will say it again tonight to all of you here, the people " +
        "of this state have seen the price of their insulin triple while the drug companies made record profits, and that is wrong.";

    async Task<JsonElement> MatchAsync(string text) =>
        await (await api.Reader().GetAsync($"/v1/claims/matches?text={Uri.EscapeDataString(text)}")).ReadAsync<JsonElement>();

    [Fact]
    public async Task ALongSentenceMatchesTheClaimByItsRarestWordsAtOnce()
    {
        var writer = api.Writer();
        var insulin = await writer.NewClaimAsync("The price of insulin tripled.");
        foreach (var common in new[] { "The people of this state said so.", "People in the state said it twice.", "The state said its people were many." })
            await writer.NewClaimAsync(common);

        var page = await MatchAsync(LongSentence);

        Assert.Equal("lexical", page.GetProperty("mode").GetString());
        Assert.Equal(insulin.Slug, page.Slugs().First());
        Assert.Equal(1, page.GetProperty("items")[0].GetProperty("lexical").GetSingle());
    }

    [Fact]
    public async Task AReviewTitleCountsAtALowerWeightThanTheClaimsOwnWords()
    {
        var writer = api.Writer();
        var titled = await writer.NewClaimAsync("Says the levy went up.");
        await (await writer.PostJsonAsync($"/v1/claims/{titled.Id}/reviews", new { url = "https://factcheck.example/quorvel-levy", ratingText = "false", title = "No, the quorvel levy did not go up" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var own = await writer.NewClaimAsync("The quorvel levy went up.");

        var page = await MatchAsync("the quorvel levy");

        Assert.Equal([own.Slug, titled.Slug], page.Slugs().Take(2));
    }

    [Fact]
    public async Task AReviewsTextCountsAtALowerWeightThanTheClaimsOwnWordsUntilItChanges()
    {
        var writer = api.Writer();
        var reviewed = await writer.NewClaimAsync("Says the harbour fees went up.");
        var review = await writer.NewReviewAsync(reviewed.Slug, new
        {
            url = "https://factcheck.example/harbour-fees", ratingText = "false",
            text = "The port's records show that the vantrell surcharge was never charged to the harbour's users.",
        });
        var own = await writer.NewClaimAsync("The vantrell surcharge went up.");

        Assert.Equal([own.Slug, reviewed.Slug], (await MatchAsync("the vantrell surcharge")).Slugs());

        (await writer.PutJsonAsync($"/v1/claims/{reviewed.Slug}/reviews/{review.Id}", new { url = review.Url, ratingText = "false", text = "The fees stayed the same." }))
            .EnsureSuccessStatusCode();

        Assert.Equal([own.Slug], (await MatchAsync("the vantrell surcharge")).Slugs());
    }

    [Fact]
    public async Task ADeletedClaimIsNoLongerMatched()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("The zarnic canal was closed.");
        Assert.Equal(claim.Slug, (await MatchAsync("zarnic canal")).Slugs().First());

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/claims/{claim.Id}")).StatusCode);

        Assert.DoesNotContain(claim.Slug, (await MatchAsync("zarnic canal")).Slugs());
    }

    [Fact]
    public async Task ALongTextCanBePostedWithoutAnApiKey()
    {
        var claim = await api.Writer().NewClaimAsync("The frimble tax doubled.");

        var page = await (await api.Reader().PostJsonAsync("/v1/claims/matches", new { text = "frimble tax " + new string('x', 3000), limit = 1 }))
            .ReadAsync<JsonElement>();

        Assert.Equal([claim.Slug], page.Slugs());
    }

    [Fact]
    public async Task ASpeakerHintThatNamesNobodyIsIgnored()
    {
        var page = await (await api.Reader().GetAsync("/v1/claims/matches?text=treaty&speaker=Nobody%20Atall")).ReadAsync<JsonElement>();

        Assert.Equal(JsonValueKind.Null, page.GetProperty("speaker").ValueKind);
        Assert.NotEmpty(page.Slugs());
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData("text=", "text")]
    [InlineData("text=%20%20", "text")]
    [InlineData("text=treaty&limit=0", "limit")]
    [InlineData("text=treaty&limit=51", "limit")]
    [InlineData("text=treaty&speaker=%20", "speaker")]
    public async Task ABadMatchIsABadRequest(string query, string field) =>
        await (await api.Reader().GetAsync($"/v1/claims/matches?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task TextOverFiveThousandCharactersOrASpeakerOverTwoHundredIsRefused()
    {
        await (await api.Reader().PostJsonAsync("/v1/claims/matches", new { text = new string('a', 5001) })).AssertProblemAsync(HttpStatusCode.BadRequest, "text");
        await (await api.Reader().PostJsonAsync("/v1/claims/matches", new { text = "treaty", speaker = new string('a', 201) })).AssertProblemAsync(HttpStatusCode.BadRequest, "speaker");
        await (await api.Reader().PostJsonAsync("/v1/claims/matches", new { text = 5 })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}

/// <summary>A model file that is not a model: a warning, and matching by words.</summary>
public sealed class ClaimMatchingWithoutAModelTests(ClaimMatchingWithoutAModelTests.CorruptModelFactory api)
    : IClassFixture<ClaimMatchingWithoutAModelTests.CorruptModelFactory>
{
    public sealed class CorruptModelFactory : ApiFactory
    {
        public static readonly string ModelFile = Path.Combine(Path.GetTempPath(), $"claims-corrupt-model-{Environment.ProcessId}.onnx");

        protected override void Configure(IWebHostBuilder builder)
        {
            File.WriteAllText(ModelFile, "this is not an ONNX model");
            builder.UseSetting("Matching:Semantic", "true");
            builder.UseSetting("Matching:ModelFile", ModelFile);
        }
    }

    [Fact]
    public async Task ACorruptModelLeavesMatchingLexicalAndSaysWhy()
    {
        JsonElement status;
        var tries = 0;
        do
        {
            await Task.Delay(100);
            status = await (await api.Reader().GetAsync("/v1/claims/matches/status")).ReadAsync<JsonElement>();
        } while (status.GetProperty("semantic").GetString() == "loading" && ++tries < 300);

        Assert.Equal("unavailable", status.GetProperty("semantic").GetString());
        Assert.Contains(CorruptModelFactory.ModelFile, status.GetProperty("problem").GetString());
        var page = await (await api.Reader().GetAsync($"/v1/claims/matches?text=INF%20treaty")).ReadAsync<JsonElement>();
        Assert.Equal("lexical", page.GetProperty("mode").GetString());
        Assert.Contains(Seeded.ViolationClaim, page.Slugs());
        var ready = await (await api.Reader().GetAsync("/health/ready")).ReadAsync<JsonElement>();
        Assert.Equal("Degraded", ready.GetProperty("checks").GetProperty("matching").GetProperty("status").GetString());
    }
}
