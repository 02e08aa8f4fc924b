using System.Net;
using Claims.Api.Claims;
using Claims.Api.Quotes;
using Claims.Api.Sources;
using Claims.Api.Speakers;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>Creates fresh resources through the API, each with unique names, so tests never lean on one another's writes.</summary>
public static class Builders
{
    public static async Task<SpeakerResponse> NewSpeakerAsync(this HttpClient writer, string name = "Test Speaker") =>
        await (await writer.PostJsonAsync("/v1/speakers", new { name })).ReadAsync<SpeakerResponse>(HttpStatusCode.Created);

    public static async Task<SourceDetail> NewSourceAsync(this HttpClient writer, string body = "The minister said: \"We will build it.\" Then left.") =>
        await (await writer.PostJsonAsync("/v1/sources", new
        {
            url = $"https://example.org/news/{Guid.NewGuid():N}",
            publisher = "Example News",
            publishedOn = "2021-03-04",
            language = "en",
            body,
        })).ReadAsync<SourceDetail>(HttpStatusCode.Created);

    public static async Task<QuoteResponse> NewQuoteAsync(this HttpClient writer, Guid speakerId, SourceDetail source, string text, string? saidOn = null)
    {
        var start = source.Body.IndexOf(text, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{text}' is not in the source body");
        return await (await writer.PostJsonAsync("/v1/quotes", new
        {
            speakerId,
            sourceId = source.Id,
            text,
            saidOn,
            span = new { start, end = start + text.Length },
        })).ReadAsync<QuoteResponse>(HttpStatusCode.Created);
    }

    public static async Task<ClaimResponse> NewClaimAsync(this HttpClient writer, string text = "Test claim") =>
        await (await writer.PostJsonAsync("/v1/claims", new { text })).ReadAsync<ClaimResponse>(HttpStatusCode.Created);

    public static async Task<StanceResponse> NewStanceAsync(
        this HttpClient writer, ClaimResponse claim, SpeakerResponse speaker, string position, string? saidOn = null, string? context = null) =>
        await (await writer.PostJsonAsync($"/v1/claims/{claim.Id}/stances", new { speakerId = speaker.Id, position, saidOn, context }))
            .ReadAsync<StanceResponse>(HttpStatusCode.Created);

    public static async Task<ClaimDetail> ClaimAsync(this HttpClient client, string idOrSlug) =>
        await (await client.GetAsync($"/v1/claims/{idOrSlug}")).ReadAsync<ClaimDetail>();
}
