using Dapper;
using Npgsql;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>Row counts read straight from a test's database.</summary>
public static class DatabaseState
{
    /// <summary>Each table's row count; "a + b" counts two tables together.</summary>
    public static async Task<long[]> CountsAsync(string connectionString, params string[] tables)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        var sql = string.Join(", ", tables.Select(t => $"({string.Join(" + ", t.Split(" + ").Select(p => $"(SELECT count(*) FROM {p})"))})"));
        return (await conn.QuerySingleAsync<string>($"SELECT concat_ws(',', {sql})")).Split(',').Select(long.Parse).ToArray();
    }

    /// <summary>Every table's row count and the feed's head: equal before and after means nothing was written.</summary>
    public static Task<long[]> OfAsync(string connectionString) => CountsAsync(connectionString,
        "speaker", "source", "entity", "claim", "quote", "stance", "claim_link", "quote_entity", "claim_entity", "review", "change");
}
