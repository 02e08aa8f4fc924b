using System.Net;
using System.Text;
using Claims.Api.Extraction;
using Claims.Api.Sources;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

/// <summary>Whatever is posted to be read, a bad article is a clear 4xx problem and nothing is written, neither draft nor knowledge.</summary>
public sealed class ExtractionBadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task AssertRefusedAsync(Func<HttpClient, string, Task<HttpResponseMessage>> post, HttpStatusCode status, params string[] fields)
    {
        foreach (var path in new[] { "/v1/extractions", "/v1/extractions/preview" })
        {
            var before = await Drafts.StateAsync(api);
            await (await post(api.Writer(), path)).AssertProblemAsync(status, fields);
            Assert.Equal(before, await Drafts.StateAsync(api));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t ")]
    [InlineData(null)]
    public async Task AnEmptyBodyIsRefused(string? body) =>
        await AssertRefusedAsync((client, path) => client.PostJsonAsync(path, new { url = Drafts.NewUrl(), body }), HttpStatusCode.BadRequest, "body");

    [Theory]
    [InlineData("PK\u0003\u0004\0\0\u0008binary")]
    [InlineData("A text with a NUL\0 inside.")]
    [InlineData("Text with a bell \u0007 in it.")]
    public async Task ABinaryBodyIsRefused(string body) =>
        await AssertRefusedAsync((client, path) => client.PostJsonAsync(path, new { url = Drafts.NewUrl(), body }), HttpStatusCode.BadRequest, "body");

    [Fact]
    public async Task HalfASurrogatePairIsRefused() =>
        await AssertRefusedAsync((client, path) => client.PostRawAsync(path, $$"""{"url": "{{Drafts.NewUrl()}}", "body": "Half \ud800 a pair."}"""),
            HttpStatusCode.BadRequest, "body");

    [Fact]
    public async Task TabsLineAndPageBreaksAreText()
    {
        var draft = await api.Writer().NewDraftAsync("Col\tumn.\r\nNext line.\fNext page.");

        Assert.Equal(DraftStatus.Open, draft.Status);
    }

    [Fact]
    public async Task ATextOverTheLimitIsRefused() =>
        await AssertRefusedAsync((client, path) => client.PostJsonAsync(path, new { url = Drafts.NewUrl(), body = new string('a', ArticleRules.MaxTextBytes + 1) }),
            HttpStatusCode.BadRequest, "body");

    [Fact]
    public async Task ARequestOverTheLimitIsTooLarge() =>
        await AssertRefusedAsync((client, path) => client.PostJsonAsync(path, new { url = Drafts.NewUrl(), body = new string('a', ExtractionsApi.MaxRequestBytes) }),
            HttpStatusCode.RequestEntityTooLarge);

    [Fact]
    public async Task ABodyThatIsNotUtf8IsRefused()
    {
        // Latin-1 "café": the byte E9 before a quotation mark is no UTF-8.
        byte[] json = [.. Encoding.UTF8.GetBytes($$"""{"url": "{{Drafts.NewUrl()}}", "body": "caf"""), 0xE9, .. "\"}"u8];

        await AssertRefusedAsync((client, path) =>
        {
            var content = new ByteArrayContent(json);
            content.Headers.ContentType = new("application/json");
            return client.PostAsync(path, content);
        }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnUnknownSourceIdIsNotFound() =>
        await AssertRefusedAsync((client, path) => client.PostJsonAsync(path, new { sourceId = Guid.CreateVersion7() }), HttpStatusCode.NotFound);

    [Fact]
    public async Task ABodyAndASourceIdTogetherAreRefused() =>
        await AssertRefusedAsync((client, path) => client.PostJsonAsync(path, new { sourceId = Guid.CreateVersion7(), body = "Text." }),
            HttpStatusCode.BadRequest, "body");

    [Fact]
    public async Task ASourceIdWithSourceFieldsIsRefused() =>
        await AssertRefusedAsync((client, path) => client.PostJsonAsync(path, new { sourceId = Guid.CreateVersion7(), url = Drafts.NewUrl() }),
            HttpStatusCode.BadRequest, "url");

    [Fact]
    public async Task AStoredSourceWithoutTextCannotBeReadById()
    {
        var stored = await (await api.Writer().PostJsonAsync("/v1/sources", new { url = Drafts.NewUrl() })).ReadAsync<SourceDetail>(HttpStatusCode.Created);

        await AssertRefusedAsync((client, path) => client.PostJsonAsync(path, new { sourceId = stored.Id }), HttpStatusCode.BadRequest, "sourceId");
    }

    [Theory]
    [InlineData("""{"body": "Text."}""", "url")]
    [InlineData("""{"url": "ftp://example.org/a", "body": "Text."}""", "url")]
    [InlineData("""{"url": "https://example.org/a", "language": "not a tag", "body": "Text."}""", "language")]
    [InlineData("""{"url": "https://example.org/a", "publishedOn": "2024-02-30", "body": "Text."}""", "publishedOn")]
    [InlineData("""{"url": "https://example.org/a", "body": 42}""", "body")]
    public async Task AnArticlesFieldsFollowTheSourcesRules(string json, string field) =>
        await AssertRefusedAsync((client, path) => client.PostRawAsync(path, json), HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    public async Task AMinConfidenceOutsideZeroToOneIsRefused(string value) =>
        await AssertRefusedAsync((client, path) => client.PostJsonAsync($"{path}?minConfidence={value}", Drafts.Article()), HttpStatusCode.BadRequest, "minConfidence");
}
