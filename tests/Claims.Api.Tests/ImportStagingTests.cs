using System.Net;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>Records are parsed on one thread and staged on another, in small batches; a line that cannot be read is an error of its own.</summary>
public sealed class ImportStagingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AFileOfManyBatchesIsStagedWholeAndItsErrorsComeInLineOrder()
    {
        var run = Guid.NewGuid().ToString("N");
        var file = Enumerable.Range(1, 2500)
            .Select(i => Record("speaker", new { id = Guid.CreateVersion7(), slug = $"batched-{run}-{i}", name = $"Batched {i}" }))
            .ToArray();
        var broken = file.ToArray();
        broken[1499] = "{not json";
        broken[2399] = Record("speaker", new { id = Guid.CreateVersion7(), name = "No Slug" });
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var refused = await (await ImportAsync(api.Writer(), broken)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var unchanged = await DatabaseState.OfAsync(api.ConnectionString);
        var report = await (await ImportAsync(api.Writer(), file)).ReadAsync<ImportReport>();

        Assert.Equal(["line 1500", "line 2400"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(before, unchanged);
        Assert.Equal(new ImportCounts(2500, 0, 0), report.Speaker);
    }

    [Fact]
    public async Task TextWithHalfASurrogatePairIsAnErrorOfItsLine()
    {
        var id = Guid.CreateVersion7();
        var before = await DatabaseState.OfAsync(api.ConnectionString);

        var response = await ImportAsync(api.Writer(),
            Record("speaker", new { id, slug = $"whole-{id:N}", name = "Whole" }),
            $$$"""{"type":"speaker","data":{"id":"{{{Guid.CreateVersion7()}}}","slug":"half-{{{id:N}}}","name":"Half \ud800 a pair"}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "line 2");
        Assert.Contains("surrogate pair", problem.GetProperty("errors").GetProperty("line 2")[0].GetString());
        Assert.Equal(before, await DatabaseState.OfAsync(api.ConnectionString));
    }
}
