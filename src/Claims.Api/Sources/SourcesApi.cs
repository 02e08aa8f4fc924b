
namespace Claims.Api.Sources;

public static class SourcesApi
{
    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/sources").WithTags("Sources");

        group.MapGet("/", ListSources).WithName(nameof(ListSources)).Validate<SourceListQuery>()
            .WithSummary("Lists sources, newest first, filterable by publisher and publication date.");
        group.MapGet("/{id:guid}", GetSource).WithName(nameof(GetSource))
            .WithSummary("Gets a source with its full text.");
        group.MapPost("/", CreateSource).WithName(nameof(CreateSource)).Validate<SourceRequest>().ProducesProblem(409)
            .WithSummary("Creates a source; its URL must be new.");
        group.MapPut("/{id:guid}", UpdateSource).WithName(nameof(UpdateSource)).Validate<SourceRequest>().ProducesProblem(409)
            .WithSummary("Replaces a source's fields; a new body must still hold every quote at its span.");
        group.MapDelete("/{id:guid}", DeleteSource).WithName(nameof(DeleteSource)).ProducesProblem(409)
            .WithSummary("Deletes a source that has no quotes.");

        return group;
    }

    const string Columns = "id, url, title, publisher, published_on, language, char_length(body) AS body_length, created_at, updated_at";
    const string DetailColumns = $"{Columns}, body";

    static async Task<Ok<Page<SourceResponse>>> ListSources([AsParameters] SourceListQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM source
            WHERE (@Publisher::text IS NULL OR publisher = @Publisher)
              AND (@Language::text IS NULL OR language = @Language)
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
        const string sql = $"""
            INSERT INTO source (id, url, title, publisher, published_on, language, body)
            VALUES (@Id, @Url, @Title, @Publisher, @PublishedOn, @Language, @Body)
            RETURNING {DetailColumns}
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var source = await conn.QuerySingleAsync<SourceDetail>(new CommandDefinition(sql, Parameters(Guid.CreateVersion7(), request), cancellationToken: ct));
        return TypedResults.Created($"/v1/sources/{source.Id}", source);
    }

    static async Task<Results<Ok<SourceDetail>, NotFound>> UpdateSource(Guid id, SourceRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            UPDATE source
            SET url = @Url, title = @Title, publisher = @Publisher, published_on = @PublishedOn, language = @Language,
                body = @Body, updated_at = now()
            WHERE id = @Id
            RETURNING {DetailColumns}
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var source = await conn.QuerySingleOrDefaultAsync<SourceDetail>(new CommandDefinition(sql, Parameters(id, request), cancellationToken: ct));
        return source is null ? TypedResults.NotFound() : TypedResults.Ok(source);
    }

    static object Parameters(Guid id, SourceRequest request) => new
    {
        Id = id,
        Url = request.Url!.Trim(),
        request.Title,
        request.Publisher,
        request.PublishedOn,
        request.Language,
        Body = request.Body ?? "",
    };

    static async Task<Results<NoContent, NotFound>> DeleteSource(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = "DELETE FROM source WHERE id = @id";
        await using var conn = await db.OpenConnectionAsync(ct);
        var deleted = await conn.ExecuteAsync(new CommandDefinition(sql, new { id }, cancellationToken: ct));
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
