namespace Claims.Api.Matching;

public sealed partial class ClaimIndex
{
    // Claims a lock is taken for while loading; vectors a batch of the graph's, which adds them on several threads.
    const int Chunk = 200, VectorChunk = 2000;

    // A claim as the index holds it: its lexemes, its reviews' titles and their lexemes, its reviews' texts' lexemes (a
    // lexeme in two reviews' texts is given twice, and counted once with both counts), and its vector when it has one.
    const string ClaimsSql = """
        SELECT c.id, c.text, c.search::text AS text_lexemes, t.titles, to_tsvector('english', t.titles)::text AS title_lexemes,
               t.bodies AS body_lexemes, coalesce(t.reviews, '{}') AS reviews, e.input_hash, e.vector
        FROM claim c
        LEFT JOIN LATERAL (SELECT string_agg(r.title, ' ' ORDER BY r.id) AS titles,
                                  string_agg(r.text_search::text, ' ' ORDER BY r.id) AS bodies, array_agg(r.id) AS reviews
                           FROM review r WHERE r.claim_id = c.id) t ON true
        LEFT JOIN claim_embedding e ON e.claim_id = c.id AND e.model = @Model
        WHERE @All OR c.id = ANY(@Ids)
        """;

    // The claims and reviews written since the position; a review's claim is looked up, or remembered when it is gone.
    const string ChangesSql = """
        SELECT ch.position, ch.resource, ch.resource_id, r.claim_id AS review_claim_id
        FROM change ch LEFT JOIN review r ON ch.resource = 'review' AND r.id = ch.resource_id
        WHERE ch.resource IN ('claim', 'review') AND ch.position > @After
        ORDER BY ch.position
        LIMIT 10000
        """;

    const string VectorsSql = """
        SELECT e.claim_id, e.input_hash, e.vector, e.version FROM claim_embedding e
        WHERE e.version > @After AND e.model = @Model
        ORDER BY e.version
        LIMIT @Take
        """;

    sealed class ClaimRow
    {
        public Guid Id { get; init; }
        public string Text { get; init; } = "";
        public string? Titles { get; init; }
        public string? TextLexemes { get; init; }
        public string? TitleLexemes { get; init; }
        public string? BodyLexemes { get; init; }
        public Guid[] Reviews { get; init; } = [];
        public byte[]? InputHash { get; init; }
        public byte[]? Vector { get; init; }
    }

    async Task LoadAllAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var start = await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(position), 0) FROM change", cancellationToken: ct));
        var batch = new List<ClaimRow>(Chunk);
        // Vectors come afterwards, by version (CatchUpVectorsAsync), so that lexical matching starts without waiting for them.
        await foreach (var row in conn.QueryUnbufferedAsync<ClaimRow>(ClaimsSql, new { All = true, Ids = Array.Empty<Guid>(), Model = "" }).WithCancellation(ct))
        {
            batch.Add(row);
            if (batch.Count < Chunk) continue;
            Write(() => batch.ForEach(Set));
            batch.Clear();
        }
        Write(() => { batch.ForEach(Set); lexical.TrimExcess(); position = start; });
        logger.LogInformation("Claim matching indexed {Claims} claims ({Lexemes} distinct words)", slots.Count, lexical.Lexemes);
    }

    async Task ApplyChangesAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        while (true)
        {
            var changes = (await conn.QueryAsync<(long Position, string Resource, Guid ResourceId, Guid? ReviewClaimId)>(
                new CommandDefinition(ChangesSql, new { After = position }, cancellationToken: ct))).AsList();
            if (changes.Count == 0) return;
            var claims = Read(() => changes.Select(c => c.Resource == "claim" ? c.ResourceId
                    : c.ReviewClaimId ?? reviewClaims.GetValueOrDefault(c.ResourceId)).Where(id => id != Guid.Empty).Distinct().ToArray());
            var rows = (await conn.QueryAsync<ClaimRow>(new CommandDefinition(ClaimsSql,
                new { All = false, Ids = claims, Model = model ?? "" }, cancellationToken: ct))).ToDictionary(r => r.Id);
            Write(() =>
            {
                foreach (var id in claims)
                {
                    if (rows.TryGetValue(id, out var row)) Set(row);
                    else Remove(id);
                }
                position = changes[^1].Position;
            });
        }
    }

    /// <summary>One chunk of the vectors written since the last look; how many it read.</summary>
    async Task<int> ApplyVectorsAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<(Guid ClaimId, byte[] InputHash, byte[] Vector, long Version)>(new CommandDefinition(VectorsSql,
            new { After = version, Model = model, Take = VectorChunk }, cancellationToken: ct))).AsList();
        if (rows.Count == 0) return 0;
        var floats = rows.Select(r => VectorBytes.ToFloats(r.Vector)).ToList();
        Write(() =>
        {
            var known = rows.Select((row, i) => (Row: row, Vector: floats[i], Slot: slots.GetValueOrDefault(row.ClaimId, -1))).Where(r => r.Slot >= 0).ToList();
            vectors!.SetMany(known.Select(k => (k.Slot, k.Vector)).ToList());
            foreach (var (row, _, slot) in known) SetVectorHash(slot, row.InputHash);
            version = rows[^1].Version;
        });
        return rows.Count;
    }

    void Set(ClaimRow row)
    {
        if (!slots.TryGetValue(row.Id, out var slot))
        {
            slot = entries.Count;
            entries.Add(new Entry(row.Id));
            slots.Add(row.Id, slot);
        }
        var entry = entries[slot]!;
        foreach (var review in entry.Reviews) reviewClaims.Remove(review);
        entry.Reviews = row.Reviews;
        foreach (var review in row.Reviews) reviewClaims[review] = row.Id;
        lexical.Set(slot, new(new(TsVectorText.Parse(row.TextLexemes)), new(TsVectorText.Parse(row.TitleLexemes)), new(TsVectorText.Parse(row.BodyLexemes))));
        if (model is null) return;
        entry.InputHash = HashOf(model, EmbeddingInput(row.Text, row.Titles));
        if (row.Vector is not null) SetVector(slot, row.InputHash!, row.Vector);
        else if (!entry.InputHash.AsSpan().SequenceEqual(entry.VectorHash)) pending.Add(slot);
    }

    void SetVector(int slot, byte[] inputHash, byte[] vector)
    {
        vectors!.Set(slot, VectorBytes.ToFloats(vector));
        SetVectorHash(slot, inputHash);
    }

    void SetVectorHash(int slot, byte[] inputHash)
    {
        var entry = entries[slot]!;
        entry.VectorHash = inputHash;
        if (entry.InputHash.AsSpan().SequenceEqual(inputHash)) pending.Remove(slot);
        else pending.Add(slot);
    }

    void Remove(Guid id)
    {
        if (!slots.Remove(id, out var slot)) return;
        foreach (var review in entries[slot]!.Reviews) reviewClaims.Remove(review);
        entries[slot] = null;
        lexical.Remove(slot);
        vectors?.Remove(slot);
        pending.Remove(slot);
    }
}
