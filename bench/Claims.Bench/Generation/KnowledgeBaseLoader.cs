using Dapper;
using Npgsql;

namespace Claims.Bench.Generation;

/// <summary>Loads every table with binary COPY (triggers off, secondary indexes built afterwards), then verifies and analyses.</summary>
sealed class KnowledgeBaseLoader(NpgsqlDataSource db, KnowledgeBaseSize size, Random random, Phases phases)
{
    public async Task<IReadOnlyList<(string Table, long Rows)>> LoadAsync()
    {
        var entities = Entities.Make(size.Entities, random, Vocabulary.Embedded);
        var prose = new Prose(random, Vocabulary.Embedded, entities);
        await using var main = await BulkLoad.OpenAsync(db);
        await using var second = await BulkLoad.OpenAsync(db);

        var indexes = await phases.TimeAsync("drop secondary indexes", () => BulkLoad.DropSecondaryIndexesAsync(main));
        await phases.TimeAsync("entities", () => EntityTables.CopyEntitiesAsync(main, entities));
        var speakers = await phases.TimeAsync("speakers", () => SpeakerTable.CopyAsync(main, size.Speakers, random));
        var quotes = await phases.TimeAsync("sources and quotes", async () =>
        {
            await BulkLoad.SetSearchVectorsInReplicaModeAsync(main, on: true);
            try
            {
                return await new SourceAndQuoteTables(random, prose, speakers, size.Quotes).CopyAsync(main, second, size.Sources);
            }
            finally
            {
                await BulkLoad.SetSearchVectorsInReplicaModeAsync(main, on: false);
            }
        });
        await phases.TimeAsync("statement sizes", () => main.ExecuteAsync("SELECT recount_statement_sizes()"));
        var claims = await phases.TimeAsync("claims", () => ClaimTables.CopyClaimsAsync(main, size.Claims, prose));
        var links = await phases.TimeAsync("claim links", () => ClaimTables.CopyLinksAsync(main, size.ClaimLinks, claims.Ids, random));
        await phases.TimeAsync("stances", () => StanceTable.CopyAsync(main, size.Stances, claims.Ids, quotes, speakers, random));
        await phases.TimeAsync("entity mentions", () => EntityTables.CopyMentionsAsync(main, entities, quotes, claims));
        await phases.TimeAsync($"{indexes.Count} secondary indexes", () => BulkLoad.CreateIndexesAsync(db, indexes));
        await phases.TimeAsync("verify spans and mentions", () => BulkLoad.VerifyAsync(main));
        await phases.TimeAsync("vacuum analyze", () => main.ExecuteAsync("VACUUM (ANALYZE)"));

        Console.WriteLine($"  claim links: {links.Counters:N0} counters, {links.Supports:N0} supports; the most linked claim has {links.MostLinks:N0}");
        return await BulkLoad.CountAsync(main);
    }
}
