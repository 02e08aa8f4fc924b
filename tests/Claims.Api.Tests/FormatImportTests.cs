using System.Net;
using System.Text;
using System.Text.Json;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Claims.Api.Tests;

/// <summary>
/// The import pipeline every field format runs through, driven by a format of the tests' own (<see cref="RowsFormat"/>),
/// and how a format is named over HTTP.
/// </summary>
public sealed class FormatImportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    readonly string run = Guid.NewGuid().ToString("N")[..8];
    NpgsqlDataSource db = null!;

    public Task InitializeAsync()
    {
        db = NpgsqlDataSource.Create(api.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task ARecordsErrorsAreNamedByItsOriginAndTypeAndNothingIsWritten()
    {
        var before = await StateAsync();

        var result = await ImportAsync(
            Input("a.rows", $"ann-{run}|Ann|first-{run}|The first claim.", $"Not A Slug|Bob|second-{run}|The second claim."),
            Input("b.rows", $"ann-{run}|Ann|first-{run}|Another claim under the first slug."));

        Assert.Null(result.Report);
        Assert.Equal(
        [
            new ImportError("a.rows:2", "speaker: 'slug' must be lower-case letters and digits in words joined by '-'."),
            new ImportError("a.rows:2", $"stance: There is no speaker {StableIds.For("rows", "speaker", "Not A Slug")}, stored or among the valid records imported."),
            new ImportError("b.rows:1", "claim: The claim on a.rows:1 has the same slug."),
        ], result.Errors.Take(3));
        Assert.Equal(result.ErrorCount, result.Errors.Count);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task WhatTheFormatFindsWrongFailsTheImportInInputOrderAndWritesNothing()
    {
        var before = await StateAsync();

        var result = await ImportAsync(
            Input("a.rows", $"cy-{run}|Cy|third-{run}|The third claim.", "two|fields", $"cy-{run}|Cy|fourth-{run}|The fourth claim."),
            Input("b.rows", "!"));

        Assert.Null(result.Report);
        Assert.Equal(
        [
            new ImportError("a.rows:2", "A row has 4 fields; this one has 2."),
            new ImportError("b.rows", "The input could not be read: The row is unreadable."),
        ], result.Errors);
        Assert.Equal(2, result.ErrorCount);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task SkippedRowsAreReportedAndTheRestImports()
    {
        var result = await ImportAsync(Input("a.rows", $"di-{run}|Di|fifth-{run}|The fifth claim.", $"di-{run}|Di|sixth-{run}|"));

        var report = Assert.IsType<ImportReport>(result.Report);
        Assert.Equal(new ImportCounts(1, 0, 0), report.Speaker);
        Assert.Equal(new ImportCounts(1, 0, 0), report.Claim);
        Assert.Equal(new ImportCounts(1, 0, 0), report.Stance);
        Assert.Equal([new ImportNote("a.rows:2", "The row has no claim.")], report.Skipped);
        Assert.Equal(1, report.SkippedCount);
    }

    [Fact]
    public async Task ImportingTheSameInputsTwiceChangesNothingTheSecondTime()
    {
        ImportInput[] inputs =
        [
            Input("a.rows", $"ed-{run}|Ed|seventh-{run}|The seventh claim.", $"flo-{run}|Flo|eighth-{run}|The eighth claim."),
            Input("b.rows", $"ed-{run}|Ed|ninth-{run}|The ninth claim."),
        ];

        var first = (await ImportAsync(inputs)).Report!;
        var between = await StateAsync();
        var second = (await ImportAsync(inputs)).Report!;

        Assert.Equal(new ImportCounts(2, 0, 0), first.Speaker);
        Assert.Equal(new ImportCounts(3, 0, 0), first.Claim);
        Assert.Equal(new ImportCounts(3, 0, 0), first.Stance);
        Assert.Equal(new ImportCounts(0, 0, 2), second.Speaker);
        Assert.Equal(new ImportCounts(0, 0, 3), second.Claim);
        Assert.Equal(new ImportCounts(0, 0, 3), second.Stance);
        Assert.Equal(between, await StateAsync());
    }

    [Fact]
    public async Task ProgressCountsTheRecordsReadAndNamesTheInputBeingRead()
    {
        var progress = new ImportProgress();

        await FormatImporter.ImportAsync(db, new RowsFormat(),
            [Input("a.rows", $"gus-{run}|Gus|tenth-{run}|The tenth claim."), Input("b.rows", $"gus-{run}|Gus|eleventh-{run}|The eleventh claim.")],
            NullLoggerFactory.Instance, CancellationToken.None, progress);

        Assert.Equal(5, progress.Records);
        Assert.Equal("b.rows", progress.Input);
        Assert.Equal("merging", progress.Phase);
    }

[Fact]
    public async Task AnImportInAnUnknownFormatIsRefusedWithTheFormatsListed()
    {
        var before = await StateAsync();

        // A field format's body may come with any media type, or none (curl -T).
        var response = await api.Writer().PostAsync("/v1/import?format=robot", new ByteArrayContent("a\tb\n"u8.ToArray()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "format");
        var message = problem.GetProperty("errors").GetProperty("format")[0].GetString();
        Assert.StartsWith("There is no format 'robot'; the formats are ndjson", message);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task NdjsonIsTheFormatWhenNoneIsNamedAndCanBeNamed()
    {
        var (named, unnamed) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        var report = await (await api.Writer().PostAsync("/v1/import?format=ndjson", new StringContent(
            Ndjson.Record("speaker", new { id = named, slug = $"named-{named:N}", name = "Named" }) + "\n", Encoding.UTF8, "application/x-ndjson")))
            .ReadAsync<ImportReport>();
        await (await Ndjson.ImportAsync(api.Writer(), Ndjson.Record("speaker", new { id = unnamed, slug = $"unnamed-{unnamed:N}", name = "Unnamed" })))
            .ReadAsync<ImportReport>();

        Assert.Equal(new ImportCounts(1, 0, 0), report.Speaker);
        Assert.Empty(report.Skipped);
        Assert.Equal(HttpStatusCode.OK, (await api.Reader().GetAsync($"/v1/speakers/{named}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Reader().GetAsync($"/v1/speakers/{unnamed}")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheImportsFormatAndAnswersWithoutABodyLimit()
    {
        var document = JsonDocument.Parse(await api.Reader().GetStringAsync("/openapi/v1.json")).RootElement;
        var import = document.GetProperty("paths").GetProperty("/v1/import").GetProperty("post");

        var format = Assert.Single(import.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "format");
        Assert.Equal("query", format.GetProperty("in").GetString());
        Assert.Equal(FormatImporter.Names, format.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(n => n.GetString()));
        var responses = import.GetProperty("responses");
        Assert.All(new[] { "200", "400", "401", "415" }, status => Assert.True(responses.TryGetProperty(status, out _), $"no {status}"));
        Assert.False(responses.TryGetProperty("413", out _));
        Assert.True(document.GetProperty("paths").GetProperty("/v1/speakers").GetProperty("post").GetProperty("responses").TryGetProperty("413", out _));
    }

    Task<ImportResult> ImportAsync(params ImportInput[] inputs) => FormatImporter.ImportAsync(db, new RowsFormat(), inputs, NullLoggerFactory.Instance, CancellationToken.None);

    static ImportInput Input(string name, params string[] rows) =>
        new(name, () => new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', rows) + "\n")));

    Task<long[]> StateAsync() => DatabaseState.OfAsync(api.ConnectionString);
}
