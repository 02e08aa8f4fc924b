using System.Text.Json;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>A kept draft: its document, what its commit wrote, and the stored source it was made from, as that source was then.</summary>
public sealed record StoredDraft(
    Guid Id, DraftStatus Status, DraftDocument Document, CommitResult? Result, Guid? SourceId, DateTime? SourceUpdatedAt,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public ExtractionDraft View => new(Id, Status, Document.Source, Document.Speakers, Document.Quotes, Document.Warnings, CreatedAt, UpdatedAt, Result);
}

/// <summary>How drafts are kept: one row each, the document as JSON (see the 0012 migration).</summary>
public static class DraftStore
{
    const string Columns = "id, status, draft::text AS document, result::text AS result, source_id, source_updated_at, created_at, updated_at";

    sealed record Row(
        Guid Id, string Status, string Document, string? Result, Guid? SourceId, DateTime? SourceUpdatedAt, DateTime CreatedAt, DateTime UpdatedAt);

    public static async Task<StoredDraft> InsertAsync(NpgsqlConnection conn, MadeDraft made, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO extraction (id, source_id, source_updated_at, draft)
            VALUES (@Id, @SourceId, @SourceUpdatedAt, @Document::jsonb)
            RETURNING created_at
            """;
        var id = Guid.CreateVersion7();
        var at = await conn.QuerySingleAsync<DateTime>(new CommandDefinition(sql,
            new { Id = id, made.SourceId, made.SourceUpdatedAt, Document = Json(made.Document) }, cancellationToken: ct));
        return new StoredDraft(id, DraftStatus.Open, made.Document, null, made.SourceId, made.SourceUpdatedAt, at, at);
    }

    public static async Task<StoredDraft?> GetAsync(NpgsqlConnection conn, Guid id, CancellationToken ct) =>
        await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM extraction WHERE id = @id", new { id }, cancellationToken: ct))
            is { } row ? Read(row) : null;

    /// <summary>
    /// The draft, locked against other edits and commits until the transaction ends; the write order's lock first, as
    /// every writer that locks rows before it writes them takes it (see <see cref="WriteOrder"/>).
    /// </summary>
    public static async Task<StoredDraft?> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        await WriteOrder.LockAsync(conn, tx, ct);
        return await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM extraction WHERE id = @id FOR UPDATE", new { id }, tx, cancellationToken: ct))
            is { } row ? Read(row) : null;
    }

    /// <summary>Writes the draft's document, status and commit result back; answers it as now kept.</summary>
    public static async Task<StoredDraft> SaveAsync(NpgsqlConnection conn, NpgsqlTransaction tx, StoredDraft draft, CancellationToken ct)
    {
        const string sql = """
            UPDATE extraction
            SET status = @Status, draft = @Document::jsonb, result = @Result::jsonb, source_id = @SourceId, updated_at = now()
            WHERE id = @Id
            RETURNING updated_at
            """;
        var at = await conn.QuerySingleAsync<DateTime>(new CommandDefinition(sql, new
        {
            draft.Id,
            Status = draft.Status.ToDb(),
            Document = Json(draft.Document),
            Result = draft.Result is null ? null : JsonSerializer.Serialize(draft.Result, AppJsonContext.ApiOptions.GetTypeInfo(typeof(CommitResult))),
            draft.SourceId,
        }, tx, cancellationToken: ct));
        return draft with { UpdatedAt = at };
    }

    static string Json(DraftDocument document) => JsonSerializer.Serialize(document, AppJsonContext.ApiOptions.GetTypeInfo(typeof(DraftDocument)));

    public static async Task<bool> DeleteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        await conn.ExecuteAsync(new CommandDefinition("DELETE FROM extraction WHERE id = @id", new { id }, tx, cancellationToken: ct)) > 0;

    static StoredDraft Read(Row row) => new(
        row.Id,
        Enum.Parse<DraftStatus>(row.Status, ignoreCase: true),
        (DraftDocument)JsonSerializer.Deserialize(row.Document, AppJsonContext.ApiOptions.GetTypeInfo(typeof(DraftDocument)))!,
        row.Result is null ? null : (CommitResult)JsonSerializer.Deserialize(row.Result, AppJsonContext.ApiOptions.GetTypeInfo(typeof(CommitResult)))!,
        row.SourceId, row.SourceUpdatedAt, row.CreatedAt, row.UpdatedAt);
}
