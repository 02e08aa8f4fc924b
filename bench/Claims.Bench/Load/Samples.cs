using Dapper;
using Npgsql;

namespace Claims.Bench.Load;

/// <summary>Real slugs and names from the database, drawn as readers would ask for them.</summary>
sealed record Samples(
    IReadOnlyList<string> SpeakerSlugs, IReadOnlyList<string> ClaimSlugs, IReadOnlyList<string> Names, IReadOnlyList<(string Text, string Speaker)> Sentences, long Quotes)
{
    public static async Task<Samples> DrawAsync(NpgsqlDataSource db, int count, int seed)
    {
        // Speakers are drawn through their quotes, so prolific speakers are asked for more often, as in real use.
        const string sql = """
            SELECT setseed(@Seed);
            SELECT sp.slug FROM (SELECT speaker_id FROM quote ORDER BY random() LIMIT @Count) q JOIN speaker sp ON sp.id = q.speaker_id;
            SELECT slug FROM claim ORDER BY random() LIMIT @Count;
            (SELECT name FROM speaker ORDER BY random() LIMIT @Half) UNION ALL (SELECT name FROM entity ORDER BY random() LIMIT @Half);
            SELECT count(*) FROM quote;
            SELECT q.text, sp.slug FROM (SELECT text, speaker_id FROM quote ORDER BY random() LIMIT @Count) q JOIN speaker sp ON sp.id = q.speaker_id;
            """;
        await using var conn = await db.OpenConnectionAsync();
        await using var results = await conn.QueryMultipleAsync(sql, new { Seed = seed / (double)int.MaxValue, Count = count, Half = count / 2 });
        await results.ReadAsync();
        var speakers = (await results.ReadAsync<string>()).AsList();
        var claims = (await results.ReadAsync<string>()).AsList();
        var names = (await results.ReadAsync<string>()).AsList();
        var quotes = await results.ReadSingleAsync<long>();
        var sentences = (await results.ReadAsync<(string, string)>()).AsList();
        if (speakers.Count == 0 || claims.Count == 0 || names.Count == 0)
            throw new BenchFailedException("The database has no quotes, claims or names to sample: run generate first.");
        return new Samples(speakers, claims, names, sentences, quotes);
    }
}
