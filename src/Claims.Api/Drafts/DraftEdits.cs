using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>The answers the draft endpoints share.</summary>
public static class DraftAnswers
{
    public static ProblemHttpResult Refused(DraftRefusal refusal) => refusal switch
    {
        { Status: 400, Field: { } field } => Invalid(field, refusal.Detail),
        { SourceId: { } sourceId } => TypedResults.Problem(statusCode: refusal.Status, title: Title(refusal.Status), detail: refusal.Detail,
            extensions: new Dictionary<string, object?> { ["sourceId"] = sourceId.ToString() }),
        _ => TypedResults.Problem(statusCode: refusal.Status, title: Title(refusal.Status), detail: refusal.Detail),
    };

    /// <summary>A 400 naming the fields at fault, as a failed validation is.</summary>
    public static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = errors.Values.First()[0],
        });

    public static ProblemHttpResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(statusCode: 404, title: "Not found", detail: detail);

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(statusCode: 409, title: "Conflict", detail: detail);

    static string Title(int status) => status switch { 404 => "Not found", 409 => "Conflict", _ => "Bad request" };
}

/// <summary>
/// An edit of an open draft, in one transaction: the draft is locked, If-Match and If-None-Match are checked against
/// its representation (as for every resource, see <see cref="ConditionalWrites"/>), the edit is made or refused, and
/// the draft saved. A committed draft is what its commit wrote, and is not edited.
/// </summary>
public static class DraftEdits
{
    /// <summary>An edit: the draft's new document, or why not.</summary>
    public delegate Task<(DraftDocument? Document, ProblemHttpResult? Refusal)> Edit(NpgsqlConnection conn, StoredDraft draft);

    public static async Task<Results<Ok<ExtractionDraft>, NotFound, ProblemHttpResult>> EditAsync(
        HttpContext http, NpgsqlDataSource db, Guid id, Edit edit, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await DraftStore.LockAsync(conn, tx, id, ct) is not { } draft) return TypedResults.NotFound();
        if (draft.Status == DraftStatus.Committed)
            return DraftAnswers.Conflict($"Draft {id} is committed: what it wrote is in the knowledge base, and is changed there.");
        if (ConditionalWrites.Fails(http, draft.View)) return ConditionalWrites.PreconditionFailed();

        var (document, refusal) = await edit(conn, draft);
        if (refusal is not null) return refusal;
        var saved = await DraftStore.SaveAsync(conn, tx, draft with { Document = document! }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(saved.View);
    }
}
