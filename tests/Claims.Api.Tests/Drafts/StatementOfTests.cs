using Claims.Api.Seeding;
using Claims.Api.Tests.Infrastructure;
using Dapper;
using Npgsql;
using Claims.Api.Drafts;

namespace Claims.Api.Tests.Drafts;

/// <summary>statement_of (0012), the statement rule the quote trigger applies and the articles import asks for its quotes.</summary>
public sealed class StatementOfTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Sql = """
        SELECT statement_of(@Id, (SELECT id FROM speaker WHERE slug = @Speaker), to_tsvector('english', @Text),
                            @OtherIds, ARRAY(SELECT (SELECT id FROM speaker WHERE slug = @Speaker) FROM unnest(@OtherIds)),
                            ARRAY(SELECT to_tsvector('english', t) FROM unnest(@OtherTexts) AS t), @OtherStatements)
        """;

    async Task<Guid> StatementOfAsync(Guid id, string speaker, string text, Guid[]? otherIds = null, string[]? otherTexts = null, Guid[]? otherStatements = null)
    {
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        return await conn.QuerySingleAsync<Guid>(Sql, new
        {
            Id = id, Speaker = speaker, Text = text,
            OtherIds = otherIds ?? [], OtherTexts = otherTexts ?? [], OtherStatements = otherStatements ?? [],
        });
    }

    [Fact]
    public async Task AQuoteRenderingAStoredStatementOfItsSpeakerJoinsIt()
    {
        var seeded = SeedLoader.Read().Quotes.Single(q => q.Text.StartsWith("We want to avoid or prevent", StringComparison.Ordinal));
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        var statement = await conn.QuerySingleAsync<Guid>("SELECT statement_id FROM quote WHERE id = @Id", new { seeded.Id });
        var id = Guid.CreateVersion7();

        Assert.Equal(statement, await StatementOfAsync(id, Seeded.Stoltenberg, "We want to avoid or prevent a new arms race, and we look into arms control."));
        Assert.Equal(id, await StatementOfAsync(id, Seeded.Nato, "We want to avoid or prevent a new arms race, and we look into arms control."));
        Assert.Equal(id, await StatementOfAsync(id, Seeded.Stoltenberg, "The weather in Brussels was mild on Wednesday."));
        Assert.Equal(id, await StatementOfAsync(id, Seeded.Stoltenberg, "Arms race."));
    }

    [Fact]
    public async Task AQuoteJoinsTheStatementOfAnotherGivenBesideTheStoredOnes()
    {
        var (id, other, statement) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

        var joined = await StatementOfAsync(id, Seeded.Stoltenberg, "The bridge across the river opens in May, the mayor confirmed.",
            [other], ["The mayor confirmed the bridge across the river opens in May."], [statement]);

        Assert.Equal(statement, joined);
    }
}
