using System.Net;
using System.Text.Json;
using Claims.Api.Arguments;
using Claims.Api.Claims;
using Claims.Api.Infrastructure;
using Claims.Api.Infrastructure.Database;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer.Formats;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Claims.Api.Tests.Infrastructure.AifImports;

namespace Claims.Api.Tests;

public sealed class AifExportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Aif = AifVocabulary.MediaType;

    static HttpRequestMessage Get(string path, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    async Task<(HttpResponseMessage Response, AifNodeset Map)> ExportAsync(string path, string? accept = null)
    {
        var response = await api.Reader().SendAsync(Get(path, accept));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(Aif, response.Content.Headers.ContentType?.MediaType);
        return (response, JsonSerializer.Deserialize<AifNodeset>(body, Http.Json)!);
    }

    [Theory]
    [InlineData(Aif)]
    [InlineData("application/json;q=0.5, application/vnd.aif+json")]
    public async Task TheGraphIsAnAifMapWhenAcceptPrefersIt(string accept)
    {
        var (response, map) = await ExportAsync($"/v1/claims/{Seeded.ViolationClaim}/graph", accept);

        Assert.Contains("Accept", response.Headers.Vary);
        Assert.NotEmpty(map.Nodes);
    }

    [Fact]
    public async Task FormatAifAsksForTheSameMapAndWinsOverAccept()
    {
        var byAccept = await api.Reader().SendAsync(Get($"/v1/claims/{Seeded.ViolationClaim}/graph?depth=3", Aif));
        var byFormat = await api.Reader().SendAsync(Get($"/v1/claims/{Seeded.ViolationClaim}/graph?depth=3&format=aif", "application/json"));
        var json = await api.Reader().SendAsync(Get($"/v1/claims/{Seeded.ViolationClaim}/graph?format=json", Aif));

        Assert.Equal(await byAccept.Content.ReadAsByteArrayAsync(), await byFormat.Content.ReadAsByteArrayAsync());
        Assert.Equal(Aif, byFormat.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Seeded.ViolationClaim, (await json.ReadAsync<ClaimGraph>()).Nodes[0].Slug);
    }

    [Fact]
    public async Task AnUnknownFormatIsABadRequestAndAnAcceptOfNothingKnownGetsJson()
    {
        var unknown = await api.Reader().GetAsync($"/v1/claims/{Seeded.ViolationClaim}/graph?format=xml");
        var html = await api.Reader().SendAsync(Get($"/v1/claims/{Seeded.ViolationClaim}/graph", "text/html"));

        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "format");
        Assert.Equal("application/json", html.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnknownClaimHasNoMap()
    {
        var response = await api.Reader().SendAsync(Get("/v1/claims/no-such-claim/graph", Aif));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheViolationClaimsMapHoldsItsClaimsLinksAndWhoHoldsThem()
    {
        var (_, map) = await ExportAsync($"/v1/claims/{Seeded.ViolationClaim}/graph?format=aif");
        var graph = await (await api.Reader().GetAsync($"/v1/claims/{Seeded.ViolationClaim}/graph")).ReadAsync<ClaimGraph>();
        var described = Describe(map);

        Assert.Equal(graph.Nodes.Select(n => n.Id.ToString()).Order(), map.Nodes.Where(n => n.Type == "I").Select(n => n.NodeID).Order());
        Assert.Contains("CA: Russia's 9M729 missile complies with the INF Treaty. → Russia's 9M729 (SSC-8) missile violates the INF Treaty.", described);
        Assert.Contains("RA: Russia's 9M729 (SSC-8) missile violates the INF Treaty. → Russia violated the INF Treaty.", described);
        Assert.Contains("YA Disagreeing: Russia :  → Russia violated the INF Treaty.", described); // a stance without evidence
        Assert.Contains(described, d => d.StartsWith("YA Asserting: United States : ") && d.EndsWith(" → Russia's 9M729 (SSC-8) missile violates the INF Treaty."));
        var quoted = map.Locutions.Where(l => map.Nodes.Single(n => n.NodeID == l.NodeID).Text.StartsWith("Jens Stoltenberg : ")).ToList();
        Assert.Equal(2, quoted.Count);
        Assert.Equal([("2020-02-11 00:00:00", Seeded.TassUrl), ("2020-02-12 00:00:00", Seeded.SputnikUrl)], quoted.Select(l => (l.Start, l.Source)).Order());
        Assert.All(map.Edges, e => Assert.Contains(map.Nodes, n => n.NodeID == e.FromID));
    }

    [Fact]
    public async Task AStanceWithoutEvidenceIsAMoveWithNoWordsThatReadsBackWithItsDay()
    {
        var writer = api.Writer();
        var claim = await writer.NewClaimAsync("Silent holders count too.");
        var speaker = await writer.NewSpeakerAsync("Quiet Holder");
        var stance = Ndjson.Record("stance", new { id = Guid.CreateVersion7(), claimId = claim.Id, speakerId = speaker.Id, position = "disputes", saidOn = "2021-01-02" });
        Assert.Equal(HttpStatusCode.OK, (await Ndjson.ImportAsync(writer, stance)).StatusCode);

        var exported = await (await api.Reader().SendAsync(Get($"/v1/claims/{claim.Slug}/graph", Aif))).Content.ReadAsByteArrayAsync();
        var map = JsonSerializer.Deserialize<AifNodeset>(exported, Http.Json)!;
        var (records, _) = await ReadAsync(Input("quiet.json", exported));

        var move = Assert.Single(map.Nodes, n => n.Type == "L");
        Assert.Equal(("Quiet Holder : ", "2021-01-02 00:00:00"), (move.Text, Assert.Single(map.Locutions).Start));
        var read = Assert.Single(records, r => r.Type == "stance").Data;
        Assert.Equal(("disputes", null, "2021-01-02"), ((string?)read["position"], (string?)read["quoteId"], (string?)read["saidOn"]));
        Assert.DoesNotContain(records, r => r.Type is "quote" or "source");
    }

    [Fact]
    public async Task TheSameGraphGivesTheSameMap()
    {
        var first = await api.Reader().SendAsync(Get($"/v1/claims/{Seeded.ViolationClaim}/graph", Aif));
        var second = await api.Reader().SendAsync(Get($"/v1/claims/{Seeded.ViolationClaim}/graph", Aif));

        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheMapImportedIntoAnEmptyDatabaseIsTheSameGraph()
    {
        var exported = await (await api.Reader().SendAsync(Get($"/v1/claims/{Seeded.ViolationClaim}/graph", Aif))).Content.ReadAsByteArrayAsync();

        // Not through an ApiFactory: the API seeds an empty database at start-up, and the map must meet an empty one.
        var empty = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            await using var db = NpgsqlDataSource.Create(empty);
            await Migrator.MigrateAsync(db, Migration.Embedded);
            var result = await FormatImporter.ImportAsync(db, new AifFormat(), [Input("violation.json", exported)], NullLoggerFactory.Instance, CancellationToken.None);
            Assert.Empty(result.Errors);
            Assert.Empty(result.Report!.Skipped);

            await using var conn = await db.OpenConnectionAsync();
            var root = await conn.ExecuteScalarAsync<Guid>("SELECT id FROM claim WHERE text = 'Russia''s 9M729 (SSC-8) missile violates the INF Treaty.'");
            var again = await ClaimGraphAif.ExportAsync(db, new IdOrSlug(root, ""), 2, CancellationToken.None);
            Assert.Equal(Describe(JsonSerializer.Deserialize<AifNodeset>(exported, Http.Json)!), Describe(JsonSerializer.Deserialize<AifNodeset>(again!, Http.Json)!));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(empty);
        }
    }

    [Fact]
    public async Task TheOpenApiDocumentSaysTheGraphComesAsAif()
    {
        var document = JsonDocument.Parse(await api.Reader().GetStringAsync("/openapi/v1.json")).RootElement;
        var ok = document.GetProperty("paths").GetProperty("/v1/claims/{idOrSlug}/graph").GetProperty("get").GetProperty("responses").GetProperty("200");

        Assert.True(ok.GetProperty("content").TryGetProperty(Aif, out _));
        Assert.True(ok.GetProperty("content").TryGetProperty("application/json", out _));
    }

    /// <summary>A map by its texts, not its ids: each claim, each relation between claims, and each holder's move.</summary>
    static List<string> Describe(AifNodeset map)
    {
        var nodes = map.Nodes.ToDictionary(n => n.NodeID);
        string Text(string id) => nodes[id].Text;
        string From(AifNode node) => Text(map.Edges.Single(e => e.ToID == node.NodeID).FromID);
        string To(AifNode node) => Text(map.Edges.Single(e => e.FromID == node.NodeID).ToID);
        return map.Nodes.Select(n => n.Type switch
        {
            "I" => $"I: {n.Text}",
            "L" => $"L: {n.Text}",
            "YA" => $"YA {n.Text}: {From(n)} → {To(n)}",
            _ => $"{n.Type}: {From(n)} → {To(n)}",
        }).Order().ToList();
    }
}
