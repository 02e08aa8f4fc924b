using System.Net;
using Claims.Api.Tests.Infrastructure;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>A JSON object that gives a key twice is a 400 naming the key, in every body the API reads, and writes nothing.</summary>
public sealed class DuplicateKeyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/v1/speakers", """{"name": "Twice", "name": "Twice Again"}""", "name")]
    [InlineData("/v1/speakers", """{"name": "Twice", "Name": "Twice Again"}""", "Name")]
    [InlineData("/v1/claims", """{"text": "Twice", "topics": ["a"], "topics": []}""", "topics")]
    [InlineData("/v1/quotes", """{"speakerId": null, "span": {"start": 1, "start": 2}}""", "span.start")]
    public async Task ABodyThatGivesAKeyTwiceIsABadRequestNamingIt(string url, string body, string field)
    {
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var response = await api.Writer().PostRawAsync(url, body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Contains($"'{field.Split('.')[^1].ToLowerInvariant()}' is given more than once", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    [Theory]
    [InlineData("/v1/speakers/" + Seeded.Nato)]
    [InlineData("/v1/claims/" + Seeded.ViolationClaim)]
    public async Task AMergePatchThatGivesAKeyTwiceIsABadRequestNamingIt(string url)
    {
        var before = await (await api.Reader().GetAsync(url)).Content.ReadAsStringAsync();

        var response = await api.Writer().MergePatchAsync(url, """{"a": 1, "a": 2}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "a");
        Assert.Equal(before, await (await api.Reader().GetAsync(url)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnImportLineThatGivesAKeyTwiceIsAnErrorOfThatLine()
    {
        var id = Guid.CreateVersion7();
        var line = $$$"""{"type": "speaker", "data": {"id": "{{{id}}}", "slug": "twice-{{{id:N}}}", "name": "A", "name": "B"}}""";

        var response = await ImportAsync(api.Writer(), line);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "line 1");
        Assert.Contains("'name' is given more than once", problem.GetProperty("errors").GetProperty("line 1")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync($"/v1/speakers/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnImportLineWhoseKeyIsNotUnicodeIsAnErrorOfThatLine()
    {
        var response = await ImportAsync(api.Writer(), """{"type": "speaker", "data": {"\ud800": 1, "name": "A"}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "line 1");
        Assert.Contains("not valid Unicode", problem.GetProperty("errors").GetProperty("line 1")[0].GetString());
    }
}
