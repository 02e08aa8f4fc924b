using System.Net;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class QuoteVariantsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task<List<QuoteResponse>> StoltenbergQuotesAsync(string extra = "") =>
        (await (await api.Reader().GetAsync($"/v1/speakers/{Seeded.Stoltenberg}/quotes?limit=100{extra}")).ReadAsync<Page<QuoteResponse>>()).Items.ToList();

    [Theory]
    [InlineData("We want to prevent or avoid a new arms race", "We want to avoid or prevent a new arms race")]
    [InlineData("A new arms race would be dangerous, and also extremely expensive", "A new arms race will be dangerous but also extremely expensive")]
    public async Task EachSeedPairIsOneStatementWithTwoSources(string tassWords, string sputnikWords)
    {
        var quotes = await StoltenbergQuotesAsync();
        var tass = quotes.Single(q => q.Text.StartsWith(tassWords));
        var sputnik = quotes.Single(q => q.Text.StartsWith(sputnikWords));

        Assert.Equal(tass.StatementId, sputnik.StatementId);
        Assert.Equal((1, 1), (tass.VariantCount, sputnik.VariantCount));
        var variants = await (await api.Reader().GetAsync($"/v1/quotes/{tass.Id}/variants")).ReadAsync<Page<QuoteResponse>>();
        Assert.Equal(sputnik.Id, Assert.Single(variants.Items).Id);

        var collapsed = await StoltenbergQuotesAsync("&collapse=variants");
        var shown = Assert.Single(collapsed, q => q.StatementId == tass.StatementId);
        Assert.Equal([Seeded.TassUrl, Seeded.SputnikUrl], shown.Sources!.Select(s => s.Url).Order());
    }

    [Fact]
    public async Task NoOtherSeedQuotesAreMerged()
    {
        var quotes = await StoltenbergQuotesAsync();
        var collapsed = await StoltenbergQuotesAsync("&collapse=variants");

        Assert.Equal(4, quotes.Count(q => q.VariantCount > 0));
        Assert.Equal(quotes.Count - 2, collapsed.Count);
        Assert.All(collapsed.Where(q => q.VariantCount == 0), q => Assert.Single(q.Sources!));
    }

    [Fact]
    public async Task ARewordingWrittenLaterJoinsTheStatementAndADifferentStatementOnTheSameTopicDoesNot()
    {
        var writer = api.Writer();
        var stoltenberg = await (await writer.GetAsync($"/v1/speakers/{Seeded.Stoltenberg}")).ReadAsync<Speakers.SpeakerResponse>();
        var source = await writer.NewSourceAsync(
            "He said: \"We want to prevent a new arms race, and we look into what more we can do on arms control.\" " +
            "He added: \"An arms race is something NATO has discussed with allies in Brussels for years.\"");

        var rewording = await writer.NewQuoteAsync(stoltenberg.Id, source, "We want to prevent a new arms race, and we look into what more we can do on arms control.");
        var sameTopic = await writer.NewQuoteAsync(stoltenberg.Id, source, "An arms race is something NATO has discussed with allies in Brussels for years.");

        var tass = (await StoltenbergQuotesAsync()).Single(q => q.Text.StartsWith("We want to prevent or avoid"));
        Assert.Equal(tass.StatementId, rewording.StatementId);
        Assert.Equal(2, rewording.VariantCount);
        Assert.Equal(0, sameTopic.VariantCount);
        Assert.Equal(sameTopic.Id, sameTopic.StatementId);
    }

    [Fact]
    public async Task TheSameWordsFromAnotherSpeakerAreNotAVariant()
    {
        var writer = api.Writer();
        var other = await writer.NewSpeakerAsync("Echoing Speaker");
        var source = await writer.NewSourceAsync("Someone said: \"We want to avoid or prevent a new arms race, and therefore we look into arms control.\"");

        var echo = await writer.NewQuoteAsync(other.Id, source, "We want to avoid or prevent a new arms race, and therefore we look into arms control.");

        Assert.Equal(0, echo.VariantCount);
    }

    [Fact]
    public async Task QuotesCanBeMergedAndSplitByHand()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Hand Grouped");
        var source = await writer.NewSourceAsync("First: \"Taxes will fall next year.\" Later: \"Our budget shrinks the levy on income.\"");
        var a = await writer.NewQuoteAsync(speaker.Id, source, "Taxes will fall next year.");
        var b = await writer.NewQuoteAsync(speaker.Id, source, "Our budget shrinks the levy on income.");
        Assert.NotEqual(a.StatementId, b.StatementId);

        var merged = await (await writer.PostJsonAsync($"/v1/quotes/{a.Id}/variants", new { quoteId = b.Id })).ReadAsync<Page<QuoteResponse>>();
        Assert.Equal(b.Id, Assert.Single(merged.Items).Id);
        Assert.Equal(1, (await (await writer.GetAsync($"/v1/quotes/{b.Id}")).ReadAsync<QuoteResponse>()).VariantCount);

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/quotes/{a.Id}/variants/{b.Id}")).StatusCode);
        Assert.Empty((await (await writer.GetAsync($"/v1/quotes/{a.Id}/variants")).ReadAsync<Page<QuoteResponse>>()).Items);
        await (await writer.DeleteAsync($"/v1/quotes/{a.Id}/variants/{b.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MergingQuotesOfDifferentSpeakersOrUnknownQuotesIsRefused()
    {
        var writer = api.Writer();
        var source = await writer.NewSourceAsync("One said \"Alpha words here.\" Two said \"Beta words there.\"");
        var one = await writer.NewQuoteAsync((await writer.NewSpeakerAsync("One")).Id, source, "Alpha words here.");
        var two = await writer.NewQuoteAsync((await writer.NewSpeakerAsync("Two")).Id, source, "Beta words there.");

        await (await writer.PostJsonAsync($"/v1/quotes/{one.Id}/variants", new { quoteId = two.Id })).AssertProblemAsync(HttpStatusCode.BadRequest, "quoteId");
        await (await writer.PostJsonAsync($"/v1/quotes/{one.Id}/variants", new { quoteId = Guid.CreateVersion7() })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.GetAsync($"/v1/quotes/{Guid.CreateVersion7()}/variants")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
