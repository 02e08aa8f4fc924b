using System.Net;
using System.Text.Json;
using Claims.Api.Tests.Drafts;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

/// <summary>Matching with the real sentence model: meaning as well as words.</summary>
public sealed class ClaimMatchingTests(SemanticApiFactory api) : IClassFixture<SemanticApiFactory>
{
    async Task<JsonElement> MatchAsync(string text, string? speaker = null)
    {
        await api.Reader().EmbeddedAsync();
        var query = $"/v1/claims/matches?text={Uri.EscapeDataString(text)}" + (speaker is null ? "" : $"&speaker={Uri.EscapeDataString(speaker)}");
        return await (await api.Reader().GetAsync(query)).ReadAsync<JsonElement>();
    }

    [Fact]
    public async Task AParaphraseSharingFewWordsFindsTheClaimItMakes()
    {
        var page = await MatchAsync("Russia's new cruise missile breaks the treaty");

        Assert.Equal("lexicalAndSemantic", page.GetProperty("mode").GetString());
        Assert.Contains(Seeded.ViolationClaim, page.Slugs().Take(3));
    }

    [Fact]
    public async Task AClaimWithNoWordInCommonIsFoundByItsMeaning()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("Unemployment fell to its lowest level in fifty years.");
        await writer.NewClaimAsync("The harbour bridge will be painted green next spring.");

        var page = await MatchAsync("Joblessness dropped to a half-century low");

        Assert.Equal(claim.Slug, page.Slugs().First());
        Assert.Equal(0, page.GetProperty("items")[0].GetProperty("lexical").GetSingle());
    }

    [Fact]
    public async Task AReviewsTitleIsPartOfTheClaimsMeaning()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("Says the figure is wrong.");
        var milk = await writer.NewClaimAsync("The price of milk went up.");
        const string sentence = "The cost of a loaf has quadrupled";
        Assert.Equal(milk.Slug, (await MatchAsync(sentence)).Slugs().First());

        await writer.NewReviewAsync(claim.Slug, new { url = "https://factcheck.example/loaf", ratingText = "false", title = "Bread did not become four times more expensive" });
        var page = await MatchAsync(sentence);

        Assert.Equal(claim.Slug, page.Slugs().First());
        Assert.Equal(0, page.GetProperty("items")[0].GetProperty("lexical").GetSingle());
    }

    [Fact]
    public async Task TheSpeakerHintRanksTheClaimsThatSpeakerAssertsHigher()
    {
        var writer = api.Writer();
        var (mayor, rival) = (await writer.NewSpeakerAsync("Mira Quellmann"), await writer.NewSpeakerAsync("Otto Brenvik"));
        var hers = await writer.NewClaimAsync("The city's bus fares doubled in two years.");
        var his = await writer.NewClaimAsync("Bus fares in the city doubled within two years.");
        await writer.NewStanceAsync(hers, mayor, "asserts");
        await writer.NewStanceAsync(his, rival, "asserts");

        var byHer = await MatchAsync("bus fares doubled in two years", "Mira Quellmann");
        var byHim = await MatchAsync("bus fares doubled in two years", "O. Brenvik");

        Assert.Equal([hers.Slug, his.Slug], byHer.Slugs().Take(2));
        Assert.Equal(mayor.Slug, byHer.GetProperty("speaker").GetProperty("slug").GetString());
        Assert.Equal([his.Slug, hers.Slug], byHim.Slugs().Take(2));
        Assert.True(byHim.GetProperty("items")[0].GetProperty("assertedBySpeaker").GetBoolean());
    }

    [Fact]
    public async Task AQuoteIsShownWithTheClaimsItMostLikelyMakes()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Lena Farrowby");
        var claim = await writer.NewClaimAsync("The Varnholt reservoir is running dry.");
        var source = await writer.NewSourceAsync("She warned: \"Our Varnholt reservoir has almost no water left.\" Then she left.");
        var quote = await writer.NewQuoteAsync(speaker.Id, source, "Our Varnholt reservoir has almost no water left.");
        await api.Reader().EmbeddedAsync();

        var matches = await (await api.Reader().GetAsync($"/v1/quotes/{quote.Id}/claim-matches?limit=3")).ReadAsync<JsonElement>();
        var detail = await (await api.Reader().GetAsync($"/v1/quotes/{quote.Id}")).ReadAsync<JsonElement>();

        Assert.Equal(claim.Slug, matches.Slugs().First());
        Assert.Equal(claim.Slug, detail.GetProperty("claimMatches")[0].GetProperty("claim").GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync($"/v1/quotes/{Guid.NewGuid()}/claim-matches")).StatusCode);
    }

    [Fact]
    public async Task ADraftsQuotesAreShownWithTheClaimsTheyMostLikelyMake()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("The Orlebar tunnel will close for repairs next winter.");
        var draft = await writer.NewDraftAsync(
            "Mayor Ines Kalvatne spoke on Friday. \"The Orlebar tunnel shuts for repair work this winter,\" Kalvatne said. " +
            "\"Nobody likes it, but it has to be done.\" Later she added: \"We thank the drivers for their patience.\"");
        var tunnel = draft.Quotes.Single(q => q.Text.StartsWith("The Orlebar tunnel"));
        var thanks = draft.Quotes.Single(q => q.Text.StartsWith("We thank"));
        await writer.MergePatchAsync($"/v1/extractions/{draft.Id}/quotes/{thanks.Number}", """{"status": "rejected"}""");
        await api.Reader().EmbeddedAsync();

        var all = await (await api.Reader().GetAsync($"/v1/extractions/{draft.Id}/claim-matches")).ReadAsync<JsonElement>();
        var one = await (await api.Reader().GetAsync($"/v1/extractions/{draft.Id}/quotes/{tunnel.Number}/claim-matches?limit=2")).ReadAsync<JsonElement>();

        var suggested = all.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("quote").GetInt32(), i => i.GetProperty("matches"));
        Assert.Equal(claim.Slug, suggested[tunnel.Number][0].GetProperty("claim").GetProperty("slug").GetString());
        Assert.Empty(suggested[draft.Quotes.Single(q => q.Text.StartsWith("Nobody")).Number].EnumerateArray());
        Assert.DoesNotContain(thanks.Number, suggested.Keys);
        Assert.Equal(claim.Slug, one.Slugs().First());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync($"/v1/extractions/{draft.Id}/quotes/999/claim-matches")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync($"/v1/extractions/{Guid.NewGuid()}/claim-matches")).StatusCode);
    }

    [Fact]
    public async Task ManyMatchesAtOnceAllAnswer()
    {
        await api.Reader().EmbeddedAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            api.Reader().GetAsync($"/v1/claims/matches?text={Uri.EscapeDataString($"missile treaty number {i}")}")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task TheStatusAndReadinessTellHowManyClaimsWaitForTheirVectors()
    {
        await api.Reader().EmbeddedAsync();

        var status = await (await api.Reader().GetAsync("/v1/claims/matches/status")).ReadAsync<JsonElement>();
        var ready = await (await api.Reader().GetAsync("/health/ready")).ReadAsync<JsonElement>();

        Assert.Equal(("ready", "all-MiniLM-L6-v2", 0), (status.GetProperty("semantic").GetString(), status.GetProperty("model").GetString(), status.GetProperty("pending").GetInt32()));
        Assert.Equal(status.GetProperty("claims").GetInt32(), status.GetProperty("embedded").GetInt32());
        var matching = ready.GetProperty("checks").GetProperty("matching");
        Assert.Equal(("Healthy", "ready", "0"), (matching.GetProperty("status").GetString(), matching.GetProperty("semantic").GetString(), matching.GetProperty("pending").GetString()));
    }
}

static class Matches
{
    public static IEnumerable<string?> Slugs(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("claim").GetProperty("slug").GetString());

    /// <summary>Waits until every claim has its vector: embedding is done in the background.</summary>
    public static async Task EmbeddedAsync(this HttpClient client)
    {
        for (var tries = 0; tries < 600; tries++)
        {
            var status = await (await client.GetAsync("/v1/claims/matches/status")).ReadAsync<JsonElement>();
            if (status.GetProperty("pending") is { ValueKind: JsonValueKind.Number } pending && pending.GetInt32() == 0) return;
            await Task.Delay(100);
        }
        Assert.Fail("The claims were not embedded within a minute.");
    }
}
