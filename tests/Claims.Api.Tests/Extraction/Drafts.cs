using System.Net;
using System.Net.Http.Json;
using Claims.Api.Extraction;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests.Extraction;

/// <summary>Drafts made through the API, of articles with URLs of their own, so tests never share one.</summary>
public static class Drafts
{
    public const string Body = "The minister spoke on Monday. \"We will build the bridge,\" she said. The bridge opens in May.";

    public static string NewUrl() => $"https://example.org/articles/{Guid.NewGuid():N}";

    public static object Article(string body = Body, string? url = null) =>
        new { url = url ?? NewUrl(), publisher = "Example Wire", publishedOn = "2024-03-05", language = "en", title = "A bridge", body };

    public static async Task<ExtractionDraft> NewDraftAsync(this HttpClient writer, string body = Body, string? url = null) =>
        await (await writer.PostJsonAsync("/v1/extractions", Article(body, url))).ReadAsync<ExtractionDraft>(HttpStatusCode.Created);

    /// <summary>Adds a quote by its text, accepted, said by <paramref name="speaker"/> (a draft number or a stored slug).</summary>
    public static async Task<ExtractionDraft> AddQuoteAsync(this HttpClient writer, ExtractionDraft draft, string text, object? speaker, string? status = null) =>
        await (await writer.PostJsonAsync($"/v1/extractions/{draft.Id}/quotes", new { text, speaker, status })).ReadAsync<ExtractionDraft>();

    public static Task<HttpResponseMessage> CommitAsync(this HttpClient writer, ExtractionDraft draft, object? body = null) =>
        body is null ? writer.PostAsync($"/v1/extractions/{draft.Id}/commit", null) : writer.PostAsJsonAsync($"/v1/extractions/{draft.Id}/commit", body, Http.Json);

    /// <summary>Every table's row count, the feed's head and the drafts': equal before and after means nothing was written.</summary>
    public static async Task<long[]> StateAsync(ApiFactory api) =>
        [.. await DatabaseState.OfAsync(api.ConnectionString), .. await DatabaseState.CountsAsync(api.ConnectionString, "extraction")];
}
