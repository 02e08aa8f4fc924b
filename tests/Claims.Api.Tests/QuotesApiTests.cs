using System.Net;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class QuotesApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AQuoteIsRecordedWithItsSpeakerSourceAndSpan()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var source = await writer.NewSourceAsync();

        var quote = await writer.NewQuoteAsync(speaker.Id, source, "We will build it.", saidOn: "2021-03-03");
        var read = await (await api.Reader().GetAsync($"/v1/quotes/{quote.Id}")).ReadAsync<QuoteResponse>();

        Assert.Equal(quote, read with { ClaimMatches = null }); // the quote's own GET adds its claim suggestions
        Assert.Equal((speaker.Id, source.Id, source.Url), (read.Speaker.Id, read.Source.Id, read.Source.Url));
        Assert.Equal(QuoteKind.Direct, read.Kind);
        Assert.Equal(new DateOnly(2021, 3, 3), read.SaidOn);
        Assert.Equal("We will build it.", source.Body[read.Span!.Start..read.Span.End]);
    }

    [Fact]
    public async Task AQuoteWithOnlyItsRequiredFieldsIsAccepted()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var source = await writer.NewSourceAsync();

        var quote = await (await writer.PostJsonAsync("/v1/quotes", new { speakerId = speaker.Id, sourceId = source.Id, text = "Paraphrased words", kind = "paraphrase" }))
            .ReadAsync<QuoteResponse>(HttpStatusCode.Created);

        Assert.Null(quote.Span);
        Assert.Equal(QuoteKind.Paraphrase, quote.Kind);
    }

    [Fact]
    public async Task ASpanThatDoesNotHoldTheTextIsRejected()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var source = await writer.NewSourceAsync();

        var response = await writer.PostJsonAsync("/v1/quotes",
            new { speakerId = speaker.Id, sourceId = source.Id, text = "We will burn it.", span = new { start = 20, end = 36 } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "span");
        Assert.Contains("\"We will build it\"", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ASpanOutsideTheSourceIsRejected()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var source = await writer.NewSourceAsync("Short.");

        var response = await writer.PostJsonAsync("/v1/quotes",
            new { speakerId = speaker.Id, sourceId = source.Id, text = "Short. And more", span = new { start = 0, end = 15 } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "span");
    }

    [Fact]
    public async Task ASpanWhoseLengthDiffersFromTheTextIsRejectedBeforeTheDatabase()
    {
        var writer = api.Writer();
        var response = await writer.PostJsonAsync("/v1/quotes",
            new { speakerId = Guid.NewGuid(), sourceId = Guid.NewGuid(), text = "abc", span = new { start = 5, end = 4 } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "span.end");
    }

    [Fact]
    public async Task AQuoteOfAnUnknownSpeakerOrSourceIsNotFound()
    {
        var writer = api.Writer();
        var source = await writer.NewSourceAsync();
        var speaker = await writer.NewSpeakerAsync();

        await (await writer.PostJsonAsync("/v1/quotes", new { speakerId = Guid.CreateVersion7(), sourceId = source.Id, text = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await writer.PostJsonAsync("/v1/quotes", new { speakerId = speaker.Id, sourceId = Guid.CreateVersion7(), text = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AQuoteMissingRequiredFieldsNamesEachOne()
    {
        var response = await api.Writer().PostJsonAsync("/v1/quotes", new { });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "speakerId", "sourceId", "text");
    }

    [Fact]
    public async Task UpdatingAQuoteReplacesItsFields()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var source = await writer.NewSourceAsync();
        var quote = await writer.NewQuoteAsync(speaker.Id, source, "We will build it.");

        var updated = await (await writer.PutJsonAsync($"/v1/quotes/{quote.Id}", new
        {
            speakerId = speaker.Id, sourceId = source.Id, text = "Then left.", kind = "paraphrase", place = "Lisbon",
            span = new { start = source.Body.IndexOf("Then left."), end = source.Body.IndexOf("Then left.") + 10 },
        })).ReadAsync<QuoteResponse>();

        Assert.Equal(("Then left.", QuoteKind.Paraphrase, "Lisbon"), (updated.Text, updated.Kind, updated.Place));
        Assert.Equal(HttpStatusCode.NotFound, (await writer.PutJsonAsync($"/v1/quotes/{Guid.CreateVersion7()}",
            new { speakerId = speaker.Id, sourceId = source.Id, text = "x" })).StatusCode);
    }

    [Fact]
    public async Task DeletingAQuoteKeepsTheStanceItEvidencedWithoutEvidence()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync();
        var source = await writer.NewSourceAsync();
        var quote = await writer.NewQuoteAsync(speaker.Id, source, "We will build it.");
        var claim = await writer.NewClaimAsync("It will be built.");
        await (await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = speaker.Id, position = "asserts", quoteId = quote.Id }))
            .ReadAsync<StanceResponse>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/v1/quotes/{quote.Id}")).StatusCode);

        var stance = Assert.Single((await writer.ClaimAsync(claim.Slug)).Stances);
        Assert.Equal(speaker.Id, stance.Speaker.Id);
        Assert.Null(stance.Quote);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/v1/quotes/{quote.Id}")).StatusCode);
    }

    [Fact]
    public async Task QuotesCanBeListedBySpeakerSlugAndSource()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Listed Speaker");
        var source = await writer.NewSourceAsync();
        var quote = await writer.NewQuoteAsync(speaker.Id, source, "We will build it.");

        var bySpeaker = await (await writer.GetAsync($"/v1/quotes?speaker={speaker.Slug}")).ReadAsync<Page<QuoteResponse>>();
        var bySource = await (await writer.GetAsync($"/v1/quotes?source={source.Id}")).ReadAsync<Page<QuoteResponse>>();

        Assert.Equal(quote.Id, Assert.Single(bySpeaker.Items).Id);
        Assert.Equal(quote.Id, Assert.Single(bySource.Items).Id);
        Assert.Null(bySpeaker.NextCursor);
    }
}
