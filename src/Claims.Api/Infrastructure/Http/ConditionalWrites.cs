using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Claims.Api.Infrastructure.Json;

namespace Claims.Api.Infrastructure.Http;

/// <summary>What the conditional writes need to know of one kind of resource. <typeparamref name="TView"/> is what its GET answers.</summary>
public interface IResourceStore<TRequest, TView> where TView : class
{
    /// <summary>Locks the row named by @Id or @Slug for the transaction and returns its id.</summary>
    string LockSql { get; }

    /// <summary>Deletes the row with @Id.</summary>
    string DeleteSql { get; }

    Task<TView> RenderAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct);

    /// <summary>The request that would write the resource as it is: what a merge patch applies to.</summary>
    TRequest ToRequest(TView view);

    Task UpdateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, TRequest request, CancellationToken ct);
}

/// <summary>
/// PUT, PATCH and DELETE of one resource, honouring If-Match and If-None-Match: the row is locked, its current
/// representation's ETag compared, and the write made, all in one transaction, so an editor holding a stale ETag gets
/// 412 and never overwrites a newer value, and so does one whose If-None-Match names the current ETag (or is *).
/// </summary>
public static class ConditionalWrites
{
    public static async Task<Results<Ok<TView>, NotFound, ProblemHttpResult>> ReplaceAsync<TRequest, TView>(
        HttpContext http, NpgsqlDataSource db, IResourceStore<TRequest, TView> store, IdOrSlug key, TRequest request, CancellationToken ct)
        where TView : class
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await LockAsync(conn, tx, store, key, ct) is not { } id) return TypedResults.NotFound();
        if (Fails(http, await store.RenderAsync(conn, tx, id, ct))) return PreconditionFailed();

        await store.UpdateAsync(conn, tx, id, request, ct);
        var updated = await store.RenderAsync(conn, tx, id, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(updated);
    }

    public static async Task<Results<Ok<TView>, NotFound, ProblemHttpResult, ValidationProblem>> PatchAsync<TRequest, TView>(
        HttpContext http, NpgsqlDataSource db, IResourceStore<TRequest, TView> store, IdOrSlug key, CancellationToken ct)
        where TView : class
    {
        if (NotMergePatch(http) is { } unsupported) return unsupported;
        var patch = await ReadPatchAsync(http, ct);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await LockAsync(conn, tx, store, key, ct) is not { } id) return TypedResults.NotFound();
        var current = await store.RenderAsync(conn, tx, id, ct);
        if (Fails(http, current)) return PreconditionFailed();

        var typeInfo = (JsonTypeInfo<TRequest>)ETags.JsonOptions(http).GetTypeInfo(typeof(TRequest));
        var request = Merge(JsonSerializer.SerializeToNode(store.ToRequest(current), typeInfo), patch, typeInfo);
        var validation = await http.RequestServices.GetRequiredService<IValidator<TRequest>>().ValidateAsync(request, ct);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.ToErrors(), title: "The patched resource is not valid");

        await store.UpdateAsync(conn, tx, id, request, ct);
        var updated = await store.RenderAsync(conn, tx, id, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(updated);
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync<TRequest, TView>(
        HttpContext http, NpgsqlDataSource db, IResourceStore<TRequest, TView> store, IdOrSlug key, CancellationToken ct)
        where TView : class
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await LockAsync(conn, tx, store, key, ct) is not { } id) return TypedResults.NotFound();
        if (HasPreconditions(http) && Fails(http, await store.RenderAsync(conn, tx, id, ct))) return PreconditionFailed();

        await conn.ExecuteAsync(new CommandDefinition(store.DeleteSql, new { Id = id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<Guid?> LockAsync<TRequest, TView>(
        NpgsqlConnection conn, NpgsqlTransaction tx, IResourceStore<TRequest, TView> store, IdOrSlug key, CancellationToken ct)
        where TView : class
    {
        await WriteOrder.LockAsync(conn, tx, ct);
        return await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(store.LockSql, key, tx, cancellationToken: ct));
    }

    /// <summary>415 for a PATCH whose body is not a JSON Merge Patch; null for one that is.</summary>
    public static ProblemHttpResult? NotMergePatch(HttpContext http) =>
        string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), JsonMergePatch.MediaType, StringComparison.OrdinalIgnoreCase)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"PATCH takes a JSON Merge Patch: send Content-Type: {JsonMergePatch.MediaType}.");

    static bool HasPreconditions(HttpContext http) => http.Request.Headers.IfMatch.Count > 0 || http.Request.Headers.IfNoneMatch.Count > 0;

    /// <summary>Whether the current representation fails If-Match or If-None-Match (RFC 9110 13.2.2: a write answers 412 for either).</summary>
    public static bool Fails(HttpContext http, object current)
    {
        if (!HasPreconditions(http)) return false;
        var (headers, etag) = (http.Request.Headers, ETags.Of(http, current));
        return headers.IfMatch.Count > 0 && !ETags.Lists(headers.IfMatch.ToString(), etag)
               || ETags.ListsWeakly(headers.IfNoneMatch.ToString(), etag);
    }

    public static ProblemHttpResult PreconditionFailed() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Precondition failed",
        detail: "The resource is not as If-Match or If-None-Match require: it changed since the ETag in If-Match was read " +
                "(GET it again, and reapply your change), or it is what If-None-Match names.");

    public static async Task<JsonNode?> ReadPatchAsync(HttpContext http, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, documentOptions: DuplicateKeys.Refused, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The merge patch is not valid JSON.", StatusCodes.Status400BadRequest, e);
        }
        // Keys are compared as they are read, to refuse one given twice: an unpaired surrogate in a key surfaces here.
        catch (InvalidOperationException e)
        {
            throw new BadHttpRequestException($"The merge patch is not valid: {e.Message}", StatusCodes.Status400BadRequest, e);
        }
    }

    /// <summary>The request <paramref name="current"/> becomes with the patch applied; a patch that makes it unreadable is a 400.</summary>
    public static TRequest Merge<TRequest>(JsonNode? current, JsonNode? patch, JsonTypeInfo<TRequest> typeInfo)
    {
        try
        {
            return JsonMergePatch.Apply(current, patch).Deserialize(typeInfo) ?? throw new JsonException("The patched resource is empty.");
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The patched resource is not valid.", StatusCodes.Status400BadRequest, e);
        }
        // A parsed patch keeps its strings escaped until they are read: an unpaired surrogate ("\ud800") surfaces only here.
        catch (InvalidOperationException e)
        {
            throw new BadHttpRequestException($"The merge patch is not valid: {e.Message}", StatusCodes.Status400BadRequest, e);
        }
    }
}
