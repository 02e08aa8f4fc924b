using Claims.Api.Claims;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class FilterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task<List<T>> ListAsync<T>(string url) => (await (await api.Reader().GetAsync(url)).ReadAsync<Page<T>>()).Items.ToList();

    [Fact]
    public async Task ClaimsCanBeFilteredByWhoAssertsOrDisputesThem()
    {
        var assertedByUs = await ListAsync<ClaimResponse>($"/v1/claims?assertedBy={Seeded.UnitedStates}&limit=100");
        var disputedByUs = await ListAsync<ClaimResponse>($"/v1/claims?disputedBy={Seeded.UnitedStates}&limit=100");
        var both = await ListAsync<ClaimResponse>($"/v1/claims?assertedBy={Seeded.UnitedStates}&disputedBy=russia&limit=100");

        Assert.Equal([Seeded.ViolationClaim, "russia-violated-inf-treaty"], assertedByUs.Select(c => c.Slug).Order());
        Assert.Equal("us-violated-inf-treaty", Assert.Single(disputedByUs).Slug);
        Assert.Equal("russia-violated-inf-treaty", Assert.Single(both).Slug);
        Assert.Empty(await ListAsync<ClaimResponse>("/v1/claims?assertedBy=no-such-speaker"));
    }

    [Fact]
    public async Task ClaimFiltersCombineWithEntityAndSearch()
    {
        var claims = await ListAsync<ClaimResponse>($"/v1/claims?assertedBy={Seeded.Nato}&entity=inf-treaty&q=violates&limit=100");

        Assert.Equal(Seeded.ViolationClaim, Assert.Single(claims).Slug);
    }

    [Fact]
    public async Task QuotesCanBeFilteredByLanguageInAnyCaseAndPublisher()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Polyglot");
        var german = await (await writer.PostJsonAsync("/v1/sources", new
        {
            url = "https://example.de/bericht", publisher = "Beispiel Zeitung", language = "de", body = "Er sagte: \"Wir wollen keinen Rüstungswettlauf.\"",
        })).ReadAsync<Sources.SourceDetail>(System.Net.HttpStatusCode.Created);
        var quote = await writer.NewQuoteAsync(speaker.Id, german, "Wir wollen keinen Rüstungswettlauf.");

        var byLanguage = await ListAsync<QuoteResponse>("/v1/quotes?language=de");
        var byLanguageInCapitals = await ListAsync<QuoteResponse>("/v1/quotes?language=DE");
        var sourcesInCapitals = await ListAsync<Sources.SourceResponse>("/v1/sources?language=DE");
        var byPublisher = await ListAsync<QuoteResponse>("/v1/quotes?publisher=Beispiel%20Zeitung");
        var english = await ListAsync<QuoteResponse>($"/v1/quotes?language=en&speaker={speaker.Slug}");

        Assert.Equal(quote.Id, Assert.Single(byLanguage).Id);
        Assert.Equal(quote.Id, Assert.Single(byLanguageInCapitals).Id);
        Assert.Equal(german.Id, Assert.Single(sourcesInCapitals).Id);
        Assert.Equal(quote.Id, Assert.Single(byPublisher).Id);
        Assert.Empty(english);
    }

    [Fact]
    public async Task SpeakersCanBeSearchedByName()
    {
        var speakers = await ListAsync<SpeakerResponse>("/v1/speakers?q=Putin");

        Assert.Equal("vladimir-putin", Assert.Single(speakers).Slug);
    }
}
