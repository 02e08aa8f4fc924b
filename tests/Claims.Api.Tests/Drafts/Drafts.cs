using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Claims.Api.Extraction;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

/// <summary>Drafts made through the API, of articles with URLs of their own, so tests never share one.</summary>
public static class Drafts
{
    /// <summary>A text with no quotation marks and no reporting words: the quotes of its drafts are the tests' own.</summary>
    public const string Body = "The minister spoke on Monday. We will build the bridge. The bridge opens in May.";

    public static string NewUrl() => $"https://example.org/articles/{Guid.NewGuid():N}";

    public static object Article(string body = Body, string? url = null) =>
        new { url = url ?? NewUrl(), publisher = "Example Wire", publishedOn = "2024-03-05", language = "en", title = "A bridge", body };

    public static async Task<ExtractionDraft> NewDraftAsync(this HttpClient writer, string body = Body, string? url = null) =>
        await (await writer.PostJsonAsync("/v1/extractions", Article(body, url))).ReadAsync<ExtractionDraft>(HttpStatusCode.Created);

    /// <summary>Adds a quote by its text, accepted, said by <paramref name="speaker"/> (a draft number or a stored slug).</summary>
    public static async Task<ExtractionDraft> AddQuoteAsync(this HttpClient writer, ExtractionDraft draft, string text, object? speaker, string? status = null) =>
        await (await writer.PostJsonAsync($"/v1/extractions/{draft.Id}/quotes", new { text, speaker, status })).ReadAsync<ExtractionDraft>();

    /// <summary>The quote added last: the one with the highest number.</summary>
    public static DraftQuotation Added(this ExtractionDraft draft) => draft.Quotes.MaxBy(q => q.Number)!;

    /// <summary>
    /// Accepts the quotation with this text, said by <paramref name="speaker"/>, as a reviewer would: the extracted
    /// quote, if the extractor found it, else one added. Answers the draft and the quote's number.
    /// </summary>
    public static async Task<(ExtractionDraft, int)> AcceptAsync(this HttpClient writer, ExtractionDraft draft, string text, object speaker)
    {
        if (draft.Quotes.FirstOrDefault(q => q.Text == text && q.Status == DraftQuoteStatus.Pending) is { } found)
        {
            var patched = await (await writer.MergePatchAsync($"/v1/extractions/{draft.Id}/quotes/{found.Number}",
                JsonSerializer.Serialize(new { status = "accepted", speaker }))).ReadAsync<ExtractionDraft>();
            return (patched, found.Number);
        }
        var added = await writer.AddQuoteAsync(draft, text, speaker);
        return (added, added.Added().Number);
    }

    public static Task<HttpResponseMessage> CommitAsync(this HttpClient writer, ExtractionDraft draft, object? body = null) =>
        body is null ? writer.PostAsync($"/v1/extractions/{draft.Id}/commit", null) : writer.PostAsJsonAsync($"/v1/extractions/{draft.Id}/commit", body, Http.Json);

    /// <summary>Every table's row count, the feed's head and the drafts': equal before and after means nothing was written.</summary>
    public static async Task<long[]> StateAsync(ApiFactory api) =>
        [.. await DatabaseState.OfAsync(api.ConnectionString), .. await DatabaseState.CountsAsync(api.ConnectionString, "extraction")];
}
