using System.Text.Json;
using Claims.Api.Infrastructure.Json;

namespace Claims.Api.Seeding;

/// <summary>Loads the seed knowledge base embedded from seeds/. Idempotent: rows already there (by id, slug or URL) are left alone.</summary>
public static class SeedLoader
{
    const long AdvisoryLockKey = 0x436C61696D7353; // serialises concurrent loaders

    public static SeedKnowledgeBase Read()
    {
        var json = Migration.ReadResource(typeof(SeedLoader).Assembly, "seeds/knowledge-base.json");
        return JsonSerializer.Deserialize(json, AppJsonContext.Default.SeedKnowledgeBase)
            ?? throw new InvalidDataException("seeds/knowledge-base.json is empty.");
    }

    public static string ReadDocument(string file) => Migration.ReadResource(typeof(SeedLoader).Assembly, $"seeds/{file}");

    /// <summary>Seeds only a database with no speakers, sources or claims: what start-up does.</summary>
    public static async Task<bool> SeedIfEmptyAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@AdvisoryLockKey)", new { AdvisoryLockKey }, tx, cancellationToken: ct));
        var empty = await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT NOT EXISTS (SELECT 1 FROM speaker) AND NOT EXISTS (SELECT 1 FROM source) AND NOT EXISTS (SELECT 1 FROM claim)",
            transaction: tx, cancellationToken: ct));
        if (empty) await InsertAsync(conn, tx, Read(), ct);
        await tx.CommitAsync(ct);
        return empty;
    }

    /// <summary>Adds whatever of the seed is missing, in one transaction: what the <c>seed</c> command does.</summary>
    public static async Task SeedAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@AdvisoryLockKey)", new { AdvisoryLockKey }, tx, cancellationToken: ct));
        await InsertAsync(conn, tx, Read(), ct);
        await tx.CommitAsync(ct);
    }

    static async Task InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, SeedKnowledgeBase seed, CancellationToken ct)
    {
        async Task Run(string sql, IEnumerable<object> rows) =>
            await conn.ExecuteAsync(new CommandDefinition(sql, rows, tx, cancellationToken: ct));

        await Run("""
            INSERT INTO speaker (id, slug, name, kind, title, aliases) VALUES (@Id, @Slug, @Name, @Kind, @Title, @Aliases)
            ON CONFLICT DO NOTHING
            """, seed.Speakers);
        await Run("""
            INSERT INTO entity (id, slug, name, aliases) VALUES (@Id, @Slug, @Name, @Aliases)
            ON CONFLICT DO NOTHING
            """, seed.Entities);
        await Run("""
            INSERT INTO source (id, url, title, publisher, published_on, language, body)
            VALUES (@Id, @Url, @Title, @Publisher, @PublishedOn, @Language, @Body)
            ON CONFLICT DO NOTHING
            """, seed.Sources.Select(s => new { s.Id, s.Url, s.Title, s.Publisher, s.PublishedOn, s.Language, Body = ReadDocument(s.File) }));
        await Run("""
            INSERT INTO claim (id, slug, text) VALUES (@Id, @Slug, @Text)
            ON CONFLICT DO NOTHING
            """, seed.Claims);
        await Run("""
            INSERT INTO claim_entity (claim_id, entity_id)
            SELECT c.id, e.id FROM claim c, entity e WHERE c.slug = @Claim AND e.slug = @Entity
            ON CONFLICT DO NOTHING
            """, seed.Claims.SelectMany(c => c.Entities.Select(e => new { Claim = c.Slug, Entity = e })));
        await Run("""
            INSERT INTO quote (id, speaker_id, source_id, kind, text, said_on, place, span_start, span_end)
            SELECT @Id, sp.id, src.id, @Kind, @Text, @SaidOn, @Place, @SpanStart, @SpanEnd
            FROM speaker sp, source src WHERE sp.slug = @Speaker AND src.url = @Source
            ON CONFLICT DO NOTHING
            """, seed.Quotes.Select(q => new { q.Id, q.Speaker, q.Source, q.Kind, q.Text, q.SaidOn, q.Place, SpanStart = q.Span?.Start, SpanEnd = q.Span?.End }));
        await Run("""
            INSERT INTO stance (id, claim_id, speaker_id, position, quote_id)
            SELECT @Id, c.id, sp.id, @Position, @Quote FROM claim c, speaker sp WHERE c.slug = @Claim AND sp.slug = @Speaker
            ON CONFLICT DO NOTHING
            """, seed.Stances.Select(s => new { Id = Guid.CreateVersion7(), s.Claim, s.Speaker, s.Position, s.Quote }));
        await Run("""
            INSERT INTO claim_link (from_claim_id, to_claim_id, kind)
            SELECT f.id, t.id, @Kind FROM claim f, claim t WHERE f.slug = @From AND t.slug = @To
            ON CONFLICT DO NOTHING
            """, seed.ClaimLinks);
    }
}
