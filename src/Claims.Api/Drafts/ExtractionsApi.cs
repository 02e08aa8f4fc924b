using Microsoft.AspNetCore.Mvc;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

public static class ExtractionsApi
{
    /// <summary>What a request that carries an article may weigh: its text's limit, escaped as JSON (\u00e9 is six bytes).</summary>
    public const int MaxRequestBytes = 4 * ArticleRules.MaxTextBytes;

    public static RouteGroupBuilder MapExtractions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/extractions").WithTags("Extractions");

        group.MapPost("/", CreateExtraction).WithName(nameof(CreateExtraction)).Validate<ArticleRequest>().Validate<ExtractionQuery>()
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Reads an article, or a stored source's text (sourceId), into a draft of who said what, kept for review and commit.");
        group.MapPost("/preview", PreviewExtraction).WithName(nameof(PreviewExtraction)).Validate<ArticleRequest>().Validate<ExtractionQuery>()
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).WritesNothing().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("The draft POST /v1/extractions would make, kept nowhere; open like a read, as it writes nothing.");
        group.MapGet("/", ListExtractions).WithName(nameof(ListExtractions)).Validate<ExtractionListQuery>()
            .WithSummary("Lists drafts, newest first, filterable by status (open or committed).");
        group.MapGet("/{id:guid}", GetExtraction).WithName(nameof(GetExtraction)).WithETag()
            .WithSummary("Gets a draft: its source, speakers and quotes, and once committed what the commit wrote.");
        group.MapDelete("/{id:guid}", DeleteExtraction).WithName(nameof(DeleteExtraction))
            .WithSummary("Deletes a draft; what a commit wrote stays. Honours If-Match.");

        group.MapDraftReview();
        group.MapDraftCommit();
        group.MapDraftClaimMatches();
        return group;
    }

    static async Task<Results<Created<ExtractionDraft>, ProblemHttpResult>> CreateExtraction(
        ArticleRequest article, [AsParameters] ExtractionQuery query, HttpContext http, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var (made, refusal) = await DraftMaker.MakeAsync(conn, article, query.MinConfidence, ct);
        if (refusal is not null) return DraftAnswers.Refused(refusal);
        var draft = (await DraftStore.InsertAsync(conn, made!, ct)).View;
        http.Response.Headers.ETag = ETags.Of(http, draft);
        return TypedResults.Created($"/v1/extractions/{draft.Id}", draft);
    }

    static async Task<Results<Ok<ExtractionDraft>, ProblemHttpResult>> PreviewExtraction(
        ArticleRequest article, [AsParameters] ExtractionQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var (made, refusal) = await DraftMaker.MakeAsync(conn, article, query.MinConfidence, ct);
        if (refusal is not null) return DraftAnswers.Refused(refusal);
        var document = made!.Document;
        return TypedResults.Ok(new ExtractionDraft(null, DraftStatus.Preview, document.Source, document.Speakers, document.Quotes, document.Warnings));
    }

    static async Task<Ok<Page<ExtractionSummary>>> ListExtractions([AsParameters] ExtractionListQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = """
            SELECT id, status, draft->'source'->>'url' AS url, draft->'source'->>'title' AS title,
                   jsonb_array_length(draft->'speakers') AS speakers, jsonb_array_length(draft->'quotes') AS quotes, created_at, updated_at
            FROM extraction
            WHERE (@Status::text IS NULL OR status = @Status) AND (@AfterId::uuid IS NULL OR id < @AfterId)
            ORDER BY id DESC
            LIMIT @Take
            """;
        Cursor.TryDecode(query.Cursor, out var after);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(Guid Id, string Status, string Url, string? Title, int Speakers, int Quotes, DateTime CreatedAt, DateTime UpdatedAt)>(
            new CommandDefinition(sql, new
            {
                Status = query.Status?.ToLowerInvariant(),
                AfterId = query.Cursor is null ? (Guid?)null : after.Id,
                Take = query.Take() + 1,
            }, cancellationToken: ct));
        var items = rows.Select(r => new ExtractionSummary(r.Id, Enum.Parse<DraftStatus>(r.Status, ignoreCase: true), r.Url, r.Title,
            r.Speakers, r.Quotes, r.CreatedAt, r.UpdatedAt)).ToList();
        return TypedResults.Ok(items.ToPage(query.Take(), d => new Cursor("", d.Id)));
    }

    static async Task<Results<Ok<ExtractionDraft>, NotFound>> GetExtraction(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await DraftStore.GetAsync(conn, id, ct) is { } draft ? TypedResults.Ok(draft.View) : TypedResults.NotFound();
    }

    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteExtraction(
        Guid id, HttpContext http, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await DraftStore.LockAsync(conn, tx, id, ct) is not { } draft) return TypedResults.NotFound();
        if (ConditionalWrites.Fails(http, draft.View)) return ConditionalWrites.PreconditionFailed();
        await DraftStore.DeleteAsync(conn, tx, id, ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
