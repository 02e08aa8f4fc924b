using System.Net;
using System.Text.Json;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class SelfDescriptionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryEndpoint()
    {
        var document = JsonDocument.Parse(await api.Reader().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        string[] expected =
        [
            "/v1/speakers", "/v1/speakers/{idOrSlug}", "/v1/speakers/{idOrSlug}/quotes", "/v1/speakers/{idOrSlug}/claims", "/v1/sources", "/v1/sources/{id}",
            "/v1/quotes", "/v1/quotes/{id}", "/v1/claims", "/v1/claims/{idOrSlug}", "/v1/claims/{idOrSlug}/counter-claims",
            "/v1/claims/{idOrSlug}/counter-claims/{otherId}", "/v1/claims/{idOrSlug}/supports", "/v1/claims/{idOrSlug}/supports/{otherId}",
            "/v1/claims/{idOrSlug}/stances", "/v1/claims/{idOrSlug}/stances/{stanceId}", "/v1/claims/{idOrSlug}/graph",
            "/v1/search", "/v1/entities", "/v1/entities/{idOrSlug}", "/v1/entities/{idOrSlug}/mentions",
            "/v1/entities/{idOrSlug}/mentions/{targetId}", "/v1/quotes/{id}/variants", "/v1/quotes/{id}/variants/{otherId}",
        ];
        foreach (var path in expected) Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing");

        var create = paths.GetProperty("/v1/speakers").GetProperty("post");
        Assert.True(create.TryGetProperty("requestBody", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(create.TryGetProperty("security", out _));
        var list = paths.GetProperty("/v1/quotes").GetProperty("get");
        var parameters = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "speaker", "source", "from", "to", "limit", "cursor" }, parameters.ToHashSet());
    }

    [Fact]
    public async Task TheDocsAreBrowsable()
    {
        var response = await api.Reader().GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await api.Reader().GetAsync("/docs")).StatusCode);
    }

    [Fact]
    public async Task HealthAndReadinessAnswerInJson()
    {
        var live = await (await api.Reader().GetAsync("/health")).ReadAsync<JsonElement>();
        var ready = await (await api.Reader().GetAsync("/health/ready")).ReadAsync<JsonElement>();

        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
