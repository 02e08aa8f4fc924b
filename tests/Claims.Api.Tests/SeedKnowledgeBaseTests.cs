using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Seeding;
using Claims.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Claims.Api.Tests;

public sealed class SeedKnowledgeBaseTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void EveryQuoteInTheSeedFileIsItsSourceTextAtItsSpan()
    {
        var seed = SeedLoader.Read();
        var bodies = seed.Sources.ToDictionary(s => s.Url, s => SeedLoader.ReadDocument(s.File));

        Assert.All(seed.Quotes, quote =>
        {
            Assert.NotNull(quote.Span);
            var body = bodies[quote.Source];
            // Spans count code points, as PostgreSQL's substr does.
            var codePoints = body.EnumerateRunes().Select(r => r.ToString()).ToArray();
            Assert.Equal(quote.Text, string.Concat(codePoints[quote.Span.Start..quote.Span.End]));
        });
    }

    [Fact]
    public async Task EveryStoredQuoteIsItsSourceTextAtItsSpan()
    {
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        var mismatches = await conn.QueryAsync<Guid>("""
            SELECT q.id FROM quote q JOIN source s ON s.id = q.source_id
            WHERE q.span_start IS NULL OR substr(s.body, q.span_start + 1, q.span_end - q.span_start) <> q.text
            """);
        var count = await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM quote");

        Assert.Empty(mismatches);
        Assert.Equal(SeedLoader.Read().Quotes.Count, count);
    }

    [Fact]
    public void TheSeedDocumentsAreKeptVerbatim()
    {
        var here = AppContext.BaseDirectory;
        var shared = Path.GetFullPath(Path.Combine(here, "../../../../../../shared/seeds"));
        if (!Directory.Exists(shared)) return; // outside this workspace the embedded copies are all there is
        foreach (var file in Directory.GetFiles(shared))
            Assert.Equal(File.ReadAllText(file), SeedLoader.ReadDocument(Path.GetFileName(file)));
    }

    [Fact]
    public async Task StoltenbergsQuotesFromBothReportsComeNewestFirstWithTheirSources()
    {
        var page = await (await api.Reader().GetAsync($"/v1/speakers/{Seeded.Stoltenberg}/quotes?limit=100")).ReadAsync<Page<QuoteResponse>>();

        var direct = page.Items.Where(q => q.Kind == QuoteKind.Direct).ToList();
        Assert.Contains(direct, q => q.Source.Url == Seeded.TassUrl && q.Text.StartsWith("We want to prevent or avoid a new arms race"));
        Assert.Contains(direct, q => q.Source.Url == Seeded.SputnikUrl && q.Text.StartsWith("We want to avoid or prevent a new arms race"));
        Assert.Contains(direct, q => q.SaidOn == new DateOnly(2020, 2, 11) && q.Text.StartsWith("I think the demise of the INF Treaty"));
        Assert.All(page.Items.Where(q => q.Source.Url == Seeded.TassUrl), q => Assert.Equal("TASS", q.Source.Publisher));
        var dates = page.Items.Select(q => q.SaidOn ?? DateOnly.MinValue).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal(new DateOnly(2020, 2, 12), dates[0]);
    }

    [Fact]
    public async Task SeedingAgainChangesNothing()
    {
        await using var db = NpgsqlDataSource.Create(api.ConnectionString);
        var before = await CountsAsync(db);

        await SeedLoader.SeedAsync(db);
        Assert.False(await SeedLoader.SeedIfEmptyAsync(db));

        Assert.Equal(before, await CountsAsync(db));
    }

    [Fact]
    public async Task StartingOnAnEmptyDatabaseMigratesAndSeedsIt()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            using (var app = api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Claims", connectionString)))
            {
                var claim = await app.CreateClient().ClaimAsync(Seeded.ViolationClaim);
                Assert.NotEmpty(claim.Stances);
            }
            await using var db = NpgsqlDataSource.Create(connectionString);
            await using var template = NpgsqlDataSource.Create(api.ConnectionString);
            Assert.Equal((await CountsAsync(template)).Quotes, (await CountsAsync(db)).Quotes);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    static async Task<(int Speakers, int Sources, int Quotes, int Claims, int Stances, int Links, int Entities)> CountsAsync(NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(int, int, int, int, int, int, int)>("""
            SELECT (SELECT count(*)::int FROM speaker), (SELECT count(*)::int FROM source), (SELECT count(*)::int FROM quote),
                   (SELECT count(*)::int FROM claim), (SELECT count(*)::int FROM stance), (SELECT count(*)::int FROM claim_link),
                   (SELECT count(*)::int FROM entity)
            """);
    }
}
