using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

public static class DraftCommitApi
{
    public static RouteGroupBuilder MapDraftCommit(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/commit", CommitExtraction).WithName(nameof(CommitExtraction)).ProducesValidationProblem()
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)
            .WithSummary("Writes the draft's source, the new speakers its accepted quotes need and those quotes, in one transaction; " +
                         "minConfidence also commits the pending quotes at or above it. A second commit answers the same and writes nothing. " +
                         "Honours If-Match.");
        return group;
    }

    /// <summary>The body is optional: without one, only the accepted quotes are committed.</summary>
    static async Task<Results<Ok<CommitResult>, NotFound, ProblemHttpResult>> CommitExtraction(
        Guid id, HttpContext http, NpgsqlDataSource db, IValidator<CommitRequest> validator, CancellationToken ct, CommitRequest? request = null)
    {
        if (request is not null && await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
            return DraftAnswers.Invalid(invalid.ToErrors());
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await DraftStore.LockAsync(conn, tx, id, ct) is not { } draft) return TypedResults.NotFound();
        if (draft.Result is { } done) return TypedResults.Ok(done);
        if (ConditionalWrites.Fails(http, draft.View)) return ConditionalWrites.PreconditionFailed();

        var (committed, refusal) = await DraftCommit.RunAsync(conn, tx, draft, request?.MinConfidence, ct);
        if (refusal is not null) return refusal;
        await tx.CommitAsync(ct);
        return TypedResults.Ok(committed!.Result!);
    }
}
