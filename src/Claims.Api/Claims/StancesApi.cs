using static Claims.Api.Claims.ClaimQueries;

namespace Claims.Api.Claims;

/// <summary>Who asserts or disputes a claim. A speaker holds at most one stance on a claim.</summary>
public static class StancesApi
{
    public static void MapStances(this RouteGroupBuilder group)
    {
        group.MapPost("/{idOrSlug}/stances", AddStance).WithName(nameof(AddStance))
            .Validate<StanceRequest>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Records that a speaker asserts or disputes the claim, optionally with one of the speaker's quotes as evidence, " +
                         "and when and where they did.");
        group.MapGet("/{idOrSlug}/stances/{stanceId:guid}", GetStance).WithName(nameof(GetStance))
            .WithSummary("Gets one of the claim's stances.");
        group.MapDelete("/{idOrSlug}/stances/{stanceId:guid}", RemoveStance).WithName(nameof(RemoveStance))
            .WithSummary("Removes a stance from the claim.");
    }

    static async Task<Results<Created<StanceResponse>, NotFound>> AddStance(
        string idOrSlug, StanceRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        const string insert = $"""
            WITH {Target}
            INSERT INTO stance (id, claim_id, speaker_id, position, quote_id, said_on, context)
            SELECT @StanceId, id, @SpeakerId, @Position, @QuoteId, @SaidOn, @Context FROM target
            """;
        const string select = $"{SelectStance} WHERE st.id = @StanceId";

        var key = IdOrSlug.Parse(idOrSlug);
        var stanceId = Guid.CreateVersion7();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var inserted = await conn.ExecuteAsync(new CommandDefinition(insert, new
        {
            key.Id,
            key.Slug,
            StanceId = stanceId,
            request.SpeakerId,
            Position = request.Position!.Value.ToDb(),
            request.QuoteId,
            request.SaidOn,
            Context = request.Context?.Trim(),
        }, tx, cancellationToken: ct));
        if (inserted == 0) return TypedResults.NotFound();

        var stance = await conn.QuerySingleAsync<StanceRow>(new CommandDefinition(select, new { StanceId = stanceId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/v1/claims/{idOrSlug}/stances/{stanceId}", stance.ToResponse());
    }

    static async Task<Results<Ok<StanceResponse>, NotFound>> GetStance(string idOrSlug, Guid stanceId, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"WITH {Target} {SelectStance} JOIN target t ON t.id = st.claim_id WHERE st.id = @StanceId";
        var key = IdOrSlug.Parse(idOrSlug);
        await using var conn = await db.OpenConnectionAsync(ct);
        var stance = await conn.QuerySingleOrDefaultAsync<StanceRow>(new CommandDefinition(sql,
            new { key.Id, key.Slug, StanceId = stanceId }, cancellationToken: ct));
        return stance is null ? TypedResults.NotFound() : TypedResults.Ok(stance.ToResponse());
    }

    static async Task<Results<NoContent, NotFound>> RemoveStance(string idOrSlug, Guid stanceId, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            WITH {Target}
            DELETE FROM stance st USING target t WHERE st.id = @StanceId AND st.claim_id = t.id
            """;
        var key = IdOrSlug.Parse(idOrSlug);
        await using var conn = await db.OpenConnectionAsync(ct);
        var deleted = await conn.ExecuteAsync(new CommandDefinition(sql, new { key.Id, key.Slug, StanceId = stanceId }, cancellationToken: ct));
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
