using System.Text.Json;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

public sealed class ExtractionOpenApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static string[] Responses(JsonElement operation) => [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name)];

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheDraftEndpointsWithTheirSchemas()
    {
        var paths = JsonDocument.Parse(await api.Reader().GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        var create = paths.GetProperty("/v1/extractions").GetProperty("post");
        Assert.Superset(new HashSet<string> { "201", "400", "401", "404", "409", "413" }, Responses(create).ToHashSet());
        Assert.Contains("ExtractionDraft", create.GetProperty("responses").GetProperty("201").GetRawText());
        Assert.Contains("ArticleRequest", create.GetProperty("requestBody").GetRawText());
        Assert.True(create.TryGetProperty("security", out _));

        var preview = paths.GetProperty("/v1/extractions/preview").GetProperty("post");
        Assert.False(preview.TryGetProperty("security", out _));
        Assert.DoesNotContain("401", Responses(preview));
        Assert.Contains("The body is over 4 MB", preview.GetProperty("responses").GetProperty("413").GetRawText());

        var commit = paths.GetProperty("/v1/extractions/{id}/commit").GetProperty("post");
        Assert.Contains("CommitResult", commit.GetProperty("responses").GetProperty("200").GetRawText());
        Assert.Superset(new HashSet<string> { "200", "400", "404", "409", "412" }, Responses(commit).ToHashSet());

        var review = paths.GetProperty("/v1/extractions/{id}/quotes/{number}").GetProperty("patch");
        Assert.Superset(new HashSet<string> { "200", "400", "404", "409", "412", "415" }, Responses(review).ToHashSet());
        Assert.Contains("merge-patch+json", review.GetProperty("requestBody").GetRawText());
        foreach (var path in new[] { "/v1/extractions/{id}", "/v1/extractions/{id}/quotes", "/v1/extractions/{id}/speakers", "/v1/extractions/{id}/speakers/{number}" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing");
        Assert.All(paths.EnumerateObject().Where(p => p.Name.StartsWith("/v1/extractions", StringComparison.Ordinal)).SelectMany(p => p.Value.EnumerateObject()),
            operation => Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} has no summary"));
    }
}
