using System.Net;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Search;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class SearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task<List<SearchHit>> SearchAsync(string query)
    {
        var page = await (await api.Reader().GetAsync($"/v1/search?{query}")).ReadAsync<Page<SearchHit>>();
        return page.Items.ToList();
    }

    [Fact]
    public async Task AnAliasFindsTheViolationClaimAndItsCounterClaimUnderTheOtherName()
    {
        var hits = await SearchAsync("q=SSC-8&types=claim&limit=100");

        var slugs = hits.Select(h => h.Slug).ToList();
        Assert.Contains(Seeded.ViolationClaim, slugs);
        Assert.Contains(Seeded.ComplianceClaim, slugs); // its text says only "9M729"
    }

    [Fact]
    public async Task ALongSentenceIsABagOfWordsThatNeedsNotEveryWord()
    {
        var sentence = Uri.EscapeDataString("Yesterday the spokesman told reporters at some length that the alliance believes Russia's missile violates the treaty");

        var hits = await SearchAsync($"q={sentence}&types=claim");

        Assert.Equal(Seeded.ViolationClaim, hits.First().Slug);
        var phrase = Uri.EscapeDataString("\"spokesman told reporters\" missile violates treaty");
        Assert.Empty(await SearchAsync($"q={phrase}&types=claim"));
    }

    [Fact]
    public async Task AnAliasFindsQuotesThatUseOnlyAnotherName()
    {
        var hits = await SearchAsync("q=SSC-8&types=quote&limit=100");

        var texts = hits.Select(h => h.Snippet).ToList();
        Assert.Contains(texts, t => t.Contains("9M729") && !t.Contains("SSC-8"));
        Assert.Contains(texts, t => t.Contains("SSC"));
    }

    [Fact]
    public async Task AMisspeltNameStillFindsTheSpeaker()
    {
        var hits = await SearchAsync("q=Stoltenburg");

        var top = hits[0];
        Assert.Equal((HitKind.Speaker, Seeded.Stoltenberg), (top.Kind, top.Slug));
    }

    [Fact]
    public async Task StemmingFindsOtherFormsOfAWord()
    {
        var hits = await SearchAsync("q=violates&types=quote&limit=100");

        Assert.Contains(hits, h => h.Snippet.Contains("<mark>violating</mark>"));
    }

    [Fact]
    public async Task AQuotedPhraseMatchesItsWordsInOrder()
    {
        var phrase = await SearchAsync("q=%22arms%20control%22&types=quote&limit=100");
        var reversed = await SearchAsync("q=%22control%20arms%22&types=quote&limit=100");

        Assert.NotEmpty(phrase);
        Assert.All(phrase, h => Assert.Contains("<mark>arms</mark> <mark>control</mark>", h.Snippet));
        Assert.Empty(reversed);
    }

    [Fact]
    public async Task AMinusWordExcludesWhatContainsIt()
    {
        var all = await SearchAsync("q=%22arms%20race%22&types=quote&limit=100");
        var withoutDangerous = await SearchAsync("q=%22arms%20race%22%20-dangerous&types=quote&limit=100");

        Assert.Contains(all, h => h.Snippet.Contains("dangerous"));
        Assert.NotEmpty(withoutDangerous);
        Assert.DoesNotContain(withoutDangerous, h => h.Snippet.Contains("dangerous"));
        Assert.True(withoutDangerous.Count < all.Count);
    }

    [Fact]
    public async Task TypesNarrowTheKindsAndHitsAreRankedWithSnippets()
    {
        var hits = await SearchAsync("q=INF%20Treaty&types=claim,entity&limit=100");

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains(h.Kind, new[] { HitKind.Claim, HitKind.Entity }));
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
        Assert.Contains(hits, h => h.Kind == HitKind.Entity && h.Slug == "inf-treaty");
        Assert.Contains(hits, h => h.Snippet.Contains("<mark>"));
    }

    [Theory]
    [InlineData("types=")]
    [InlineData("types=,%20,")]
    public async Task TypesNamingNoKindSearchesEveryKind(string types)
    {
        var all = await SearchAsync("q=NATO&limit=100");
        var hits = await SearchAsync($"q=NATO&limit=100&{types}");

        Assert.NotEmpty(all);
        Assert.Equal(all.Select(h => (h.Kind, h.Id)), hits.Select(h => (h.Kind, h.Id)));
    }

    [Fact]
    public async Task WalkingSearchCursorsVisitsEveryHitOnce()
    {
        var all = await SearchAsync("q=NATO&limit=100");
        var walked = new List<SearchHit>();
        string? cursor = null;
        do
        {
            var page = await (await api.Reader().GetAsync($"/v1/search?q=NATO&limit=3{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}"))
                .ReadAsync<Page<SearchHit>>();
            walked.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.True(all.Count > 3);
        Assert.Equal(all.Select(h => (h.Kind, h.Id)), walked.Select(h => (h.Kind, h.Id)));
    }

    [Theory]
    [InlineData("/v1/search")]
    [InlineData("/v1/search?q=")]
    [InlineData("/v1/search?q=nato&types=robots")]
    [InlineData("/v1/search?q=nato&cursor=abc")]
    [InlineData("/v1/search?q=nato&limit=1000")]
    public async Task ABadSearchIsABadRequest(string url)
    {
        await (await api.Reader().GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("-")]
    [InlineData("\"unclosed")]
    [InlineData("a & b | c <-> d :* (")]
    [InlineData("the of and")]
    public async Task OddSearchSyntaxIsNeverAnError(string q)
    {
        var response = await api.Reader().GetAsync($"/v1/search?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheListsQueryUsesTheSameEngine()
    {
        var reader = api.Reader();
        var claims = await (await reader.GetAsync("/v1/claims?q=SSC-8&limit=100")).ReadAsync<Page<ClaimResponse>>();
        var quotes = await (await reader.GetAsync($"/v1/speakers/{Seeded.Stoltenberg}/quotes?q=violates&limit=100")).ReadAsync<Page<QuoteResponse>>();

        Assert.Contains(claims.Items, c => c.Slug == Seeded.ComplianceClaim);
        Assert.NotEmpty(quotes.Items);
        Assert.All(quotes.Items, q => Assert.Contains("violat", q.Text));
    }
}
