namespace Claims.Api.Quotes;

/// <summary>
/// The same statement across sources. Quotes are grouped automatically when written (see the migration's
/// group_quote_statement: same speaker, content words overlapping by half or more); these endpoints let a person
/// merge or split groups, and a quote grouped by hand is no longer regrouped automatically.
/// </summary>
public static class QuoteVariantsApi
{
    public static void MapQuoteVariants(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/variants", ListVariants).WithName(nameof(ListVariants))
            .WithSummary("Lists the other quotes that render the same statement, newest first.");
        group.MapPost("/{id:guid}/variants", MergeVariant).WithName(nameof(MergeVariant))
            .Validate<VariantRequest>().ProducesProblem(404)
            .WithSummary("Merges another quote of the same speaker, with its variants, into this quote's statement.");
        group.MapDelete("/{id:guid}/variants/{otherId:guid}", SplitVariant).WithName(nameof(SplitVariant))
            .WithSummary("Splits a quote off this quote's statement into a statement of its own.");
    }

    const string VariantsSql = $"""
        SELECT EXISTS (SELECT 1 FROM quote WHERE id = @Id);
        {QuoteQueries.Select}
        WHERE q.statement_id = (SELECT statement_id FROM quote WHERE id = @Id) AND q.id <> @Id
        ORDER BY coalesce(q.said_on, '-infinity'::date) DESC, q.id DESC
        """;

    static async Task<Results<Ok<Page<QuoteResponse>>, NotFound>> ListVariants(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await VariantsAsync(conn, id, null, ct) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
    }

    static async Task<Results<Ok<Page<QuoteResponse>>, NotFound, ValidationProblem>> MergeVariant(
        Guid id, VariantRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        const string lockBoth = "SELECT id, speaker_id, statement_id FROM quote WHERE id IN (@Id, @OtherId) FOR UPDATE";
        const string merge = """
            UPDATE quote SET statement_id = @Into, statement_pinned = true, updated_at = now()
            WHERE statement_id IN (@Into, @From)
            """;
        var otherId = request.QuoteId!.Value;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await WriteOrder.LockAsync(conn, tx, ct);
        var quotes = (await conn.QueryAsync<(Guid Id, Guid SpeakerId, Guid StatementId)>(
            new CommandDefinition(lockBoth, new { Id = id, OtherId = otherId }, tx, cancellationToken: ct))).ToDictionary(q => q.Id);
        if (!quotes.TryGetValue(id, out var into) || !quotes.TryGetValue(otherId, out var from))
            return TypedResults.NotFound();
        if (into.SpeakerId != from.SpeakerId || id == otherId)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["quoteId"] = [id == otherId ? "A quote cannot be merged with itself." : "Only quotes of the same speaker can render one statement."],
            });

        await conn.ExecuteAsync(new CommandDefinition(merge, new { Into = into.StatementId, From = from.StatementId }, tx, cancellationToken: ct));
        var variants = (await VariantsAsync(conn, id, tx, ct))!;
        await tx.CommitAsync(ct);
        return TypedResults.Ok(variants);
    }

    static async Task<Results<NoContent, NotFound>> SplitVariant(Guid id, Guid otherId, NpgsqlDataSource db, CancellationToken ct)
    {
        // Counted by the quote found, not the row written: one already split off and pinned is not written again.
        const string sql = """
            WITH other AS (
                SELECT id FROM quote WHERE id = @OtherId AND id <> @Id AND statement_id = (SELECT statement_id FROM quote WHERE id = @Id)
            ),
            split AS (UPDATE quote q SET statement_id = q.id, statement_pinned = true, updated_at = now() FROM other WHERE q.id = other.id)
            SELECT count(*) FROM other
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var split = await conn.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { Id = id, OtherId = otherId }, cancellationToken: ct));
        return split == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    /// <summary>The variants of a quote, or null when there is no such quote.</summary>
    static async Task<Page<QuoteResponse>?> VariantsAsync(NpgsqlConnection conn, Guid id, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition(VariantsSql, new { Id = id }, tx, cancellationToken: ct));
        if (!await results.ReadSingleAsync<bool>()) return null;
        var variants = (await results.ReadAsync<QuoteQueries.QuoteRow>()).Select(r => r.ToResponse()).ToList();
        return new Page<QuoteResponse>(variants, null);
    }
}
