using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Dapper;
using Npgsql;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>The planner's statistics right after an import: the tables it changed substantially are analysed at once.</summary>
public sealed class ImportStatisticsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ATableAnImportGrewIsAnalysedAndOneItBarelyTouchedIsNot()
    {
        var before = await AnalysesAsync();
        var speaker = Guid.CreateVersion7();

        var report = await (await ImportAsync(api.Writer(),
            [Record("speaker", new { id = speaker, slug = $"analysed-{speaker:N}", name = "Analysed" }), .. Claims(200)])).ReadAsync<ImportReport>();

        Assert.Equal((1, 200), (report.Speaker.Created, report.Claim.Created));
        Assert.Equal((before.Speaker, before.Claim + 1), await AnalysesAsync());
    }

    [Fact]
    public async Task ASmallImportLeavesTheStatisticsToAutovacuum()
    {
        var before = await AnalysesAsync();

        await (await ImportAsync(api.Writer(), Claims(3))).ReadAsync<ImportReport>();

        Assert.Equal(before, await AnalysesAsync());
    }

    static string[] Claims(int count) => Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7())
        .Select(id => Record("claim", new { id, slug = $"analysed-{id:N}", text = $"Claim {id} is counted." })).ToArray();

    /// <summary>How many times each table was analysed by hand (not by autovacuum).</summary>
    async Task<(long Speaker, long Claim)> AnalysesAsync()
    {
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        return await conn.QuerySingleAsync<(long, long)>("""
            SELECT (SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'speaker'),
                   (SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'claim')
            """);
    }
}
