using Claims.Api.Search;
using Npgsql;

namespace Claims.Bench.Compare;

/// <summary>
/// What PostGraphile needs beyond the tables to answer as Claims does, created in the bench database only: the quote
/// order (undated last, as <c>coalesce(said_on, '-infinity')</c>, which the index sorts by), the variant count, and the
/// search, whose body is Claims' own statement (PostGraphile has no ranked search of its own).
/// </summary>
static class PostGraphileSchema
{
    public static string Sql => $"""
        CREATE OR REPLACE FUNCTION quote_said_key(q quote) RETURNS date LANGUAGE sql IMMUTABLE
            RETURN coalesce(q.said_on, '-infinity'::date);
        COMMENT ON FUNCTION quote_said_key(quote) IS E'@sortable';
        CREATE OR REPLACE FUNCTION quote_variant_count(q quote) RETURNS integer LANGUAGE sql STABLE
            RETURN (SELECT s.quotes - 1 FROM quote_statement s WHERE s.statement_id = q.statement_id);
        CREATE OR REPLACE FUNCTION search_hits(terms text, take integer)
            RETURNS TABLE (kind text, id uuid, score real, slug text, title text, snippet text) LANGUAGE sql STABLE AS $body$
        {SearchApi.Sql
            .Replace("@Q", "$1").Replace("@Kinds", "'{quote,claim,speaker,entity,source}'::text[]")
            .Replace("@Ranked", SearchApi.RankedPerKind.ToString()).Replace("@AfterId", "NULL").Replace("@AfterScore", "NULL")
            .Replace("@AfterKind", "NULL::text").Replace("@Take", "$2")}
        $body$;
        """;
}

/// <summary>
/// <c>postgraphile-schema</c>: creates <see cref="PostGraphileSchema.Sql"/> in the bench database and prints the
/// database's URL in libpq's form, for PostGraphile's --connection (without the password, which PGPASSWORD gives).
/// </summary>
static class PostGraphileSchemaCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var database = BenchCluster.DatabaseName(options);
        options.RejectUnknown();
        await using var server = await BenchCluster.StartAsync();
        var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString(database));
        await using (var conn = new NpgsqlConnection(connection.ConnectionString))
        {
            await conn.OpenAsync();
            await using var command = new NpgsqlCommand(PostGraphileSchema.Sql, conn);
            await command.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"postgres://{connection.Username}@{connection.Host}:{connection.Port}/{database}");
        return 0;
    }
}
