using System.Text;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;
using Npgsql;

namespace Claims.Api.Tests;

/// <summary>The import pipeline every field format runs through, driven by a format of the tests' own (<see cref="RowsFormat"/>).</summary>
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
            CancellationToken.None, progress);

        Assert.Equal(5, progress.Records);
        Assert.Equal("b.rows", progress.Input);
        Assert.Equal("merging", progress.Phase);
    }

    Task<ImportResult> ImportAsync(params ImportInput[] inputs) => FormatImporter.ImportAsync(db, new RowsFormat(), inputs, CancellationToken.None);

    static ImportInput Input(string name, params string[] rows) =>
        new(name, () => new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', rows) + "\n")));

    Task<long[]> StateAsync() => DatabaseState.OfAsync(api.ConnectionString);
}
