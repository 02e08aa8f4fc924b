using Npgsql;
using NpgsqlTypes;

namespace Claims.Bench.Generation;

sealed record WrittenClaims(Guid[] Ids, List<(int Claim, int Entity)> Mentions);

/// <summary>Claims, and the links between them: counters and supports, never to itself, at most one link per pair.</summary>
static class ClaimTables
{
    public static async Task<WrittenClaims> CopyClaimsAsync(NpgsqlConnection conn, int count, Prose prose)
    {
        var claims = new WrittenClaims(new Guid[count], []);
        var slugs = new UniqueSlugs();
        await using var writer = await Copy.BeginAsync(conn, "claim (id, slug, text)");
        for (var i = 0; i < count; i++)
        {
            var (text, entity) = prose.ClaimText();
            claims.Ids[i] = Guid.CreateVersion7();
            if (entity is { } e) claims.Mentions.Add((i, e));
            await writer.StartRowAsync();
            await writer.WriteAsync(claims.Ids[i], NpgsqlDbType.Uuid);
            await writer.WriteAsync(slugs.For(text), NpgsqlDbType.Text);
            await writer.WriteAsync(text, NpgsqlDbType.Text);
        }
        await writer.CompleteAsync();
        return claims;
    }

    /// <summary>
    /// Link ends are drawn by popularity, so a few claims are hubs that many others counter or support, as in a real debate.
    /// </summary>
    public static async Task<(int Counters, int Supports, int MostLinks)> CopyLinksAsync(NpgsqlConnection conn, int count, Guid[] claimIds, Random random)
    {
        var popularity = new PopularityOver(claimIds.Length, 0.5, random);
        var pairs = new HashSet<(int, int)>();
        var degree = new int[claimIds.Length];
        var counters = 0;
        await using var writer = await Copy.BeginAsync(conn, "claim_link (from_claim_id, to_claim_id, kind)");
        while (pairs.Count < count)
        {
            var (from, to) = (popularity.Next(), popularity.Next());
            // One link per unordered pair also keeps the counters pair index (least, greatest) unique.
            if (from == to || !pairs.Add((Math.Min(from, to), Math.Max(from, to)))) continue;
            var kind = random.Chance(0.4) ? "counters" : "supports";
            if (kind == "counters") counters++;
            degree[from]++;
            degree[to]++;
            await writer.StartRowAsync();
            await writer.WriteAsync(claimIds[from], NpgsqlDbType.Uuid);
            await writer.WriteAsync(claimIds[to], NpgsqlDbType.Uuid);
            await writer.WriteAsync(kind, NpgsqlDbType.Text);
        }
        await writer.CompleteAsync();
        return (counters, count - counters, degree.Max());
    }
}
