using System.Net;
using System.Net.Http.Headers;
using Claims.Api.Tests.Infrastructure;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>
/// Text the database cannot index (a b-tree entry over 2,704 bytes, a search vector over 1 MB) and bytes that are not
/// UTF-8 are errors of their line, not a failed import.
/// </summary>
public sealed class ImportLengthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TextTooLongToIndexIsAnErrorOfItsField()
    {
        var (speaker, source, claim) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var random = new Random(7);
        string Letters(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('a' + random.Next(26))));
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Letters(5)));
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var response = await ImportAsync(api.Writer(),
            Record("speaker", new { id = speaker, slug = string.Join('-', Enumerable.Range(0, 20).Select(_ => Letters(10))), name = "Long", party = Letters(3000) }),
            Record("source", new { id = source, url = $"https://long.example/{Letters(3000)}" }),
            Record("claim", new { id = claim, slug = $"long-{claim:N}", text = Words(200_000), topics = new[] { Letters(3000) } }),
            Record("review", new { id = Guid.CreateVersion7(), claimId = claim, publisherSite = "long.example", url = $"https://long.example/{Letters(3000)}", rating = "false" }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "line 1", "line 2", "line 3", "line 4");
        var errors = problem.GetProperty("errors");
        Assert.Equal(["'slug' must be at most 80 characters long, not 219.", "'party' must be at most 800 characters long, not 3,000."],
            errors.GetProperty("line 1").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("'url' must be at most 2,048 characters long", errors.GetProperty("line 2")[0].GetString());
        Assert.Equal(["'text' must be at most 100,000 characters long, not 1,199,999.", "'topics' must be at most 800 characters long in all, not 3,000."],
            errors.GetProperty("line 3").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("'url' must be at most 2,048 characters long", errors.GetProperty("line 4")[0].GetString());
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    [Fact]
    public async Task AUrlAsLongAsTheApiTakesComesBackInThroughAnImport()
    {
        var writer = api.Writer();
        var url = $"https://long.example/{new string('u', 2000)}";
        var source = await (await writer.PostJsonAsync("/v1/sources", new { url, body = "x" })).ReadAsync<Sources.SourceDetail>(HttpStatusCode.Created);
        (await writer.DeleteAsync($"/v1/sources/{source.Id}")).EnsureSuccessStatusCode();

        var report = await (await ImportAsync(writer, Record("source", new { id = source.Id, url, body = "x" }))).ReadAsync<Transfer.ImportReport>();

        Assert.Equal(new Transfer.ImportCounts(1, 0, 0), report.Source);
    }

    [Fact]
    public async Task BytesThatAreNotUtf8AreAnErrorOfTheirLine()
    {
        var before = await DatabaseState.OfAsync(api.ConnectionString);
        var line = System.Text.Encoding.UTF8.GetBytes(Record("speaker", new { id = Guid.CreateVersion7(), slug = $"bytes-{Guid.NewGuid():N}", name = "XX" }));
        var name = Array.IndexOf(line, (byte)'X');
        (line[name], line[name + 1]) = (0xFF, 0xFE);
        var content = new ByteArrayContent(line) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-ndjson") } };

        var problem = await (await api.Writer().PostAsync("/v1/import", content)).AssertProblemAsync(HttpStatusCode.BadRequest, "line 1");

        Assert.Contains("bytes that are not UTF-8", problem.GetProperty("errors").GetProperty("line 1")[0].GetString());
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }

    [Fact]
    public async Task AnAifNodeIdTooLongForASlugIsAnErrorOfItsNode()
    {
        var id = new string('7', 100);
        var body = new StringContent($$"""{"nodes":[{"nodeID":"{{id}}","text":"A claim","type":"I"}],"edges":[],"locutions":[]}""");
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var problem = await (await api.Writer().PostAsync("/v1/import?format=aif", body)).AssertProblemAsync(HttpStatusCode.BadRequest, $"body node {id}");

        Assert.StartsWith("claim: 'slug' must be at most 80 characters long", problem.GetProperty("errors").GetProperty($"body node {id}")[0].GetString());
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }
}
