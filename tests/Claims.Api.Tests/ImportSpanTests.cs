using System.Net;
using System.Text;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Dapper;
using Npgsql;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>A quote's span is checked against its source's body in code points, as the database's trigger checks it.</summary>
public sealed class ImportSpanTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    // Characters of one to four bytes in UTF-8, and of one and two UTF-16 units, over several 64-code-point steps.
    static readonly string Body = "🌍 " + string.Concat(Enumerable.Range(0, 12).Select(i => $"Ça coûte {i} € — “le {i}🚀 dit” ; "));

    [Fact]
    public async Task SpansAnywhereInABodyOfWideCharactersAreFoundByCodePoint()
    {
        var (speaker, source) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        int[][] spans = [[0, 1], [1, 40], [63, 64], [64, 65], [64, 130], [100, 192], [127, 200], [191, 193], [CodePoints - 5, CodePoints], [0, CodePoints]];

        var report = await (await ImportAsync(api.Writer(), [
            Speaker(speaker), Source(source, Body),
            .. spans.Select(s => Quote(speaker, source, Slice(s[0], s[1]), s[0], s[1])),
        ])).ReadAsync<ImportReport>();

        Assert.Equal(new ImportCounts(spans.Length, 0, 0), report.Quote);
    }

    [Fact]
    public async Task ASpanThatDoesNotHoldItsTextIsRefusedWithWhatItHolds()
    {
        var (speaker, source) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        var response = await ImportAsync(api.Writer(),
            Speaker(speaker), Source(source, Body),
            Quote(speaker, source, Slice(64, 80), 65, 81),
            Quote(speaker, source, Slice(64, 80), 64, 79),
            Quote(speaker, source, Slice(CodePoints - 3, CodePoints), CodePoints - 3, CodePoints + 1),
            Quote(speaker, source, "far away", CodePoints + 10, CodePoints + 18));

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal($"The source text at span [65, 81) is '{Slice(65, 81)}', which is not the quote's text.", errors.GetProperty("line 3")[0].GetString());
        Assert.Equal($"The source text at span [64, 79) is '{Slice(64, 79)}', which is not the quote's text.", errors.GetProperty("line 4")[0].GetString());
        Assert.Equal($"The span [{CodePoints - 3}, {CodePoints + 1}) lies outside the source text, which has {CodePoints} characters.",
            errors.GetProperty("line 5")[0].GetString());
        Assert.Contains("lies outside the source text", errors.GetProperty("line 6")[0].GetString());
    }

    [Fact]
    public async Task ASpanPastTheEndOfAStoredBodyIsRefusedEvenWhenTheBodyEndsWithTheText()
    {
        var (speaker, source) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await (await ImportAsync(api.Writer(), Speaker(speaker), Source(source, "He said: We will.")))
            .ReadAsync<ImportReport>();

        var response = await ImportAsync(api.Writer(), Quote(speaker, source, "We will.", 9, 20));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "line 1");
        Assert.Equal("The span [9, 20) lies outside the source text, which has 17 characters.",
            problem.GetProperty("errors").GetProperty("line 1")[0].GetString());
    }

    [Fact]
    public async Task ASourceGivenWithoutItsBodyKeepsTheStoredOneAndItsQuotesAreCheckedAgainstIt()
    {
        var (speaker, source) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await (await ImportAsync(api.Writer(), Speaker(speaker), Source(source, Body))).ReadAsync<ImportReport>();
        var bodiless = Record("source", new { id = source, url = Url(source), title = "Retitled" });

        var report = await (await ImportAsync(api.Writer(), bodiless, Quote(speaker, source, Slice(64, 130), 64, 130)))
            .ReadAsync<ImportReport>();
        var refused = await ImportAsync(api.Writer(), bodiless, Quote(speaker, source, Slice(64, 80), 65, 81));

        Assert.Equal((new ImportCounts(0, 1, 0), new ImportCounts(1, 0, 0)), (report.Source, report.Quote));
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        Assert.Equal(Body, await conn.ExecuteScalarAsync<string>("SELECT body FROM source WHERE id = @source", new { source }));
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "line 2");
        Assert.Equal($"The source text at span [65, 81) is '{Slice(65, 81)}', which is not the quote's text.",
            problem.GetProperty("errors").GetProperty("line 2")[0].GetString());
    }

    [Fact]
    public async Task ANewSourceGivenWithoutABodyHoldsNoSpan()
    {
        var (speaker, source) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        var response = await ImportAsync(api.Writer(),
            Speaker(speaker), Record("source", new { id = source, url = Url(source) }), Quote(speaker, source, "We will.", 0, 8));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "line 3");
        Assert.Equal("The span [0, 8) lies outside the source text, which has 0 characters.",
            problem.GetProperty("errors").GetProperty("line 3")[0].GetString());
    }

    static int CodePoints => Body.EnumerateRunes().Count();

    static string Slice(int start, int end) => string.Concat(Body.EnumerateRunes().Skip(start).Take(end - start).Select(r => r.ToString()));

    static string Speaker(Guid id) => Record("speaker", new { id, slug = $"spanner-{id:N}", name = "Spanner" });

    static string Source(Guid id, string body) => Record("source", new { id, url = Url(id), body });

    static string Url(Guid source) => $"https://example.org/spans/{source:N}";

    static string Quote(Guid speaker, Guid source, string text, int start, int end) =>
        Record("quote", new { id = Guid.CreateVersion7(), speakerId = speaker, sourceId = source, text, span = new { start, end } });
}
