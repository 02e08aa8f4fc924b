namespace Claims.Api.Entities;

public static class EntitiesApi
{
    public static RouteGroupBuilder MapEntities(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/entities").WithTags("Entities");

        group.MapGet("/", ListEntities).WithName(nameof(ListEntities)).Validate<EntityListQuery>()
            .WithSummary("Lists entities in slug order; q= finds them by any name, misspelt too.");
        group.MapGet("/{idOrSlug}", GetEntity).WithName(nameof(GetEntity)).WithETag()
            .WithSummary("Gets an entity with its aliases and the newest claims and quotes that mention it.");
        group.MapPost("/", CreateEntity).WithName(nameof(CreateEntity)).Validate<EntityRequest>().ProducesProblem(409)
            .WithSummary("Creates an entity; quotes and claims that name it under any name are linked to it.");
        group.MapPut("/{idOrSlug}", UpdateEntity).WithName(nameof(UpdateEntity)).Validate<EntityRequest>().ProducesProblem(409).WithETag()
            .WithSummary("Replaces an entity's name and aliases, and relinks what mentions it. Honours If-Match.");
        group.MapPatch("/{idOrSlug}", PatchEntity).WithName(nameof(PatchEntity)).AcceptsMergePatch<EntityRequest>().ProducesProblem(409).WithETag()
            .WithSummary("Changes an entity's name, slug or aliases with a JSON Merge Patch. Honours If-Match.");
        group.MapDelete("/{idOrSlug}", DeleteEntity).WithName(nameof(DeleteEntity))
            .WithSummary("Deletes an entity and its mentions (not the quotes or claims). Honours If-Match.");

        group.MapEntityMentions();
        return group;
    }

    const string Columns = EntityStore.Columns;

    static async Task<Ok<Page<EntityResponse>>> ListEntities([AsParameters] EntityListQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM entity
            WHERE (@Q::text IS NULL OR id IN (SELECT matching_entities(@Q)))
              AND (@AfterSlug::text IS NULL OR slug > @AfterSlug)
            ORDER BY slug
            LIMIT @Take
            """;
        Cursor.TryDecode(query.Cursor, out var after);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<EntityResponse>(new CommandDefinition(sql, new
        {
            query.Q,
            AfterSlug = query.Cursor is null ? null : after.Key,
            Take = query.Take() + 1,
        }, cancellationToken: ct));
        return TypedResults.Ok(rows.AsList().ToPage(query.Take(), e => new Cursor(e.Slug, e.Id)));
    }

    static async Task<Results<Ok<EntityDetail>, NotFound>> GetEntity(string idOrSlug, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var entity = await EntityStore.FindAsync(conn, null, IdOrSlug.Parse(idOrSlug), ct);
        return entity is null ? TypedResults.NotFound() : TypedResults.Ok(entity);
    }

    static async Task<Created<EntityResponse>> CreateEntity(EntityRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"INSERT INTO entity (id, slug, name, aliases) VALUES (@Id, @Slug, @Name, @Aliases) RETURNING {Columns}";
        await using var conn = await db.OpenConnectionAsync(ct);
        var entity = await Slugs.InsertAsync(conn, SlugTable.Entity, request.Slug, request.Name!, slug => conn.QuerySingleAsync<EntityResponse>(
            new CommandDefinition(sql, EntityStore.Parameters(Guid.CreateVersion7(), slug, request), cancellationToken: ct)), ct);
        return TypedResults.Created($"/v1/entities/{entity.Slug}", entity);
    }

    static Task<Results<Ok<EntityDetail>, NotFound, ProblemHttpResult>> UpdateEntity(
        string idOrSlug, EntityRequest request, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.ReplaceAsync(http, db, EntityStore.Instance, IdOrSlug.Parse(idOrSlug), request, ct);

    static Task<Results<Ok<EntityDetail>, NotFound, ProblemHttpResult, ValidationProblem>> PatchEntity(
        string idOrSlug, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.PatchAsync(http, db, EntityStore.Instance, IdOrSlug.Parse(idOrSlug), ct);

    static Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteEntity(
        string idOrSlug, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.DeleteAsync(http, db, EntityStore.Instance, IdOrSlug.Parse(idOrSlug), ct);
}
