using Npgsql;
using NpgsqlTypes;

namespace Claims.Bench.Generation;

/// <summary>Entities, and the 'auto' mention rows the mention triggers would have written for the texts that name them.</summary>
static class EntityTables
{
    public static async Task CopyEntitiesAsync(NpgsqlConnection conn, Entity[] entities)
    {
        await using var writer = await Copy.BeginAsync(conn, "entity (id, slug, name, aliases)");
        foreach (var entity in entities)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(entity.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(entity.Slug, NpgsqlDbType.Text);
            await writer.WriteAsync(entity.Name, NpgsqlDbType.Text);
            await writer.WriteAsync(entity.Aliases, NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
        await writer.CompleteAsync();
    }

    public static async Task CopyMentionsAsync(NpgsqlConnection conn, Entity[] entities, WrittenQuotes quotes, WrittenClaims claims)
    {
        await using (var writer = await Copy.BeginAsync(conn, "quote_entity (quote_id, entity_id, origin)"))
        {
            foreach (var (quote, entity) in quotes.Mentions)
                await WriteMentionAsync(writer, quotes.Ids[quote], entities[entity].Id);
            await writer.CompleteAsync();
        }
        await using (var writer = await Copy.BeginAsync(conn, "claim_entity (claim_id, entity_id, origin)"))
        {
            foreach (var (claim, entity) in claims.Mentions)
                await WriteMentionAsync(writer, claims.Ids[claim], entities[entity].Id);
            await writer.CompleteAsync();
        }
    }

    static async Task WriteMentionAsync(NpgsqlBinaryImporter writer, Guid textId, Guid entityId)
    {
        await writer.StartRowAsync();
        await writer.WriteAsync(textId, NpgsqlDbType.Uuid);
        await writer.WriteAsync(entityId, NpgsqlDbType.Uuid);
        await writer.WriteAsync("auto", NpgsqlDbType.Text);
    }
}
