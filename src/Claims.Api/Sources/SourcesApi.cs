
namespace Claims.Api.Sources;

public static class SourcesApi
{
    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/sources").WithTags("Sources");

        group.MapGet("/", ListSources).WithName(nameof(ListSources)).Validate<SourceListQuery>()
            .WithSummary("Lists sources, newest first, filterable by publisher and publication date.");
        group.MapGet("/{id:guid}", GetSource).WithName(nameof(GetSource)).WithETag()
            .WithSummary("Gets a source with its full text.");
        group.MapPost("/", CreateSource).WithName(nameof(CreateSource)).Validate<SourceRequest>().ProducesProblem(409)
            .WithSummary("Creates a source; its URL must be new.");
        group.MapPut("/{id:guid}", UpdateSource).WithName(nameof(UpdateSource)).Validate<SourceRequest>().ProducesProblem(409).WithETag()
            .WithSummary("Replaces a source's fields; a new body must still hold every quote at its span. Honours If-Match.");
        group.MapPatch("/{id:guid}", PatchSource).WithName(nameof(PatchSource)).AcceptsMergePatch<SourceRequest>().ProducesProblem(409).WithETag()
            .WithSummary("Changes some of a source's fields with a JSON Merge Patch. Honours If-Match.");
        group.MapDelete("/{id:guid}", DeleteSource).WithName(nameof(DeleteSource)).ProducesProblem(409)
            .WithSummary("Deletes a source that has no quotes. Honours If-Match.");

        return group;
    }

    const string Columns = SourceStore.Columns;
    const string DetailColumns = SourceStore.DetailColumns;

    static async Task<Ok<Page<SourceResponse>>> ListSources([AsParameters] SourceListQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM source
            WHERE (@Publisher::text IS NULL OR publisher = @Publisher)
              AND (@Language::text IS NULL OR lower(language) = lower(@Language))
              AND (@Q::text IS NULL OR id IN (SELECT matching_sources(@Q)))
              AND (@From::date IS NULL OR published_on >= @From)
              AND (@To::date IS NULL OR published_on <= @To)
              AND (@AfterId::uuid IS NULL
                   OR (coalesce(published_on, '-infinity'::date), id) < (coalesce(@AfterDate::date, '-infinity'::date), @AfterId))
            ORDER BY coalesce(published_on, '-infinity'::date) DESC, id DESC
            LIMIT @Take
            """;
        var (afterId, afterDate) = query.DateKeyset();
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<SourceResponse>(new CommandDefinition(sql, new
        {
            query.Publisher,
            query.Language,
            query.Q,
            query.From,
            query.To,
            AfterId = afterId,
            AfterDate = afterDate,
            Take = query.Take() + 1,
        }, cancellationToken: ct));
        return TypedResults.Ok(rows.AsList().ToPage(query.Take(), s => Cursor.FromDate(s.PublishedOn, s.Id)));
    }

    static async Task<Results<Ok<SourceDetail>, NotFound>> GetSource(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"SELECT {DetailColumns} FROM source WHERE id = @id";
        await using var conn = await db.OpenConnectionAsync(ct);
        var source = await conn.QuerySingleOrDefaultAsync<SourceDetail>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
        return source is null ? TypedResults.NotFound() : TypedResults.Ok(source);
    }

    static async Task<Created<SourceDetail>> CreateSource(SourceRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var source = await conn.QuerySingleAsync<SourceDetail>(new CommandDefinition(SourceStore.InsertSql, SourceStore.Parameters(Guid.CreateVersion7(), request), cancellationToken: ct));
        return TypedResults.Created($"/v1/sources/{source.Id}", source);
    }

    static Task<Results<Ok<SourceDetail>, NotFound, ProblemHttpResult>> UpdateSource(
        Guid id, SourceRequest request, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.ReplaceAsync(http, db, SourceStore.Instance, new IdOrSlug(id, ""), request, ct);

    static Task<Results<Ok<SourceDetail>, NotFound, ProblemHttpResult, ValidationProblem>> PatchSource(
        Guid id, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.PatchAsync(http, db, SourceStore.Instance, new IdOrSlug(id, ""), ct);

    static Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteSource(
        Guid id, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.DeleteAsync(http, db, SourceStore.Instance, new IdOrSlug(id, ""), ct);
}
