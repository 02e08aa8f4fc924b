using Npgsql;
using NpgsqlTypes;

namespace Claims.Bench.Generation;

/// <summary>Who asserts or disputes which claim; half cite one of the speaker's own quotes as evidence.</summary>
static class StanceTable
{
    public static async Task CopyAsync(NpgsqlConnection conn, int count, Guid[] claimIds, WrittenQuotes quotes, Speaker[] speakers, Random random)
    {
        var claimPopularity = new PopularityOver(claimIds.Length, 0.7, random);
        var held = new HashSet<(int Claim, int Speaker)>();
        await using var writer = await Copy.BeginAsync(conn, "stance (id, claim_id, speaker_id, position, quote_id)");
        while (held.Count < count)
        {
            // A random quote picks the speaker, so prolific speakers hold more stances, and is the evidence if cited.
            var quote = random.Next(quotes.Ids.Length);
            var speaker = quotes.SpeakerOf[quote];
            var claim = claimPopularity.Next();
            if (!held.Add((claim, speaker))) continue;
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(claimIds[claim], NpgsqlDbType.Uuid);
            await writer.WriteAsync(speakers[speaker].Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(random.Chance(0.6) ? "asserts" : "disputes", NpgsqlDbType.Text);
            await writer.WriteNullableAsync(random.Chance(0.5) ? quotes.Ids[quote] : (Guid?)null, NpgsqlDbType.Uuid);
        }
        await writer.CompleteAsync();
    }
}
