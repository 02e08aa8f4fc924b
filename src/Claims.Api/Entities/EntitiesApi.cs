using Claims.Api.Claims;
using Claims.Api.Quotes;

namespace Claims.Api.Entities;

public static class EntitiesApi
{
    public static RouteGroupBuilder MapEntities(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/entities").WithTags("Entities");

        group.MapGet("/", ListEntities).WithName(nameof(ListEntities)).Validate<EntityListQuery>()
            .WithSummary("Lists entities in slug order; q= finds them by any name, misspelt too.");
        group.MapGet("/{idOrSlug}", GetEntity).WithName(nameof(GetEntity))
            .WithSummary("Gets an entity with its aliases and the newest claims and quotes that mention it.");
        group.MapPost("/", CreateEntity).WithName(nameof(CreateEntity)).Validate<EntityRequest>().ProducesProblem(409)
            .WithSummary("Creates an entity; quotes and claims that name it under any name are linked to it.");
        group.MapPut("/{idOrSlug}", UpdateEntity).WithName(nameof(UpdateEntity)).Validate<EntityRequest>().ProducesProblem(409)
            .WithSummary("Replaces an entity's name and aliases, and relinks what mentions it.");
        group.MapDelete("/{idOrSlug}", DeleteEntity).WithName(nameof(DeleteEntity))
            .WithSummary("Deletes an entity and its mentions (not the quotes or claims).");

        group.MapEntityMentions();
        return group;
    }

    const string Columns = "id, slug, name, aliases, created_at, updated_at";

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
        const string sql = $"""
            SELECT {Columns},
                   (SELECT count(*)::int FROM claim_entity ce WHERE ce.entity_id = e.id) AS claim_count,
                   (SELECT count(*)::int FROM quote_entity qe WHERE qe.entity_id = e.id) AS quote_count
            FROM entity e WHERE id = @Id OR slug = @Slug;

            SELECT c.id, c.slug, c.text
            FROM claim_entity ce JOIN claim c ON c.id = ce.claim_id
            WHERE ce.entity_id = (SELECT id FROM entity WHERE id = @Id OR slug = @Slug)
            ORDER BY c.id DESC
            LIMIT 20;

            {QuoteQueries.Select}
            JOIN quote_entity qe ON qe.quote_id = q.id
            WHERE qe.entity_id = (SELECT id FROM entity WHERE id = @Id OR slug = @Slug)
            ORDER BY coalesce(q.said_on, '-infinity'::date) DESC, q.id DESC
            LIMIT 20;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition(sql, IdOrSlug.Parse(idOrSlug), cancellationToken: ct));
        var entity = await results.ReadSingleOrDefaultAsync<EntityDetail>();
        if (entity is null) return TypedResults.NotFound();
        var claims = (await results.ReadAsync<ClaimRef>()).AsList();
        var quotes = (await results.ReadAsync<QuoteQueries.QuoteRow>()).Select(q => q.ToResponse()).ToList();
        return TypedResults.Ok(entity with { Claims = claims, Quotes = quotes });
    }

    static async Task<Created<EntityResponse>> CreateEntity(EntityRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"INSERT INTO entity (id, slug, name, aliases) VALUES (@Id, @Slug, @Name, @Aliases) RETURNING {Columns}";
        await using var conn = await db.OpenConnectionAsync(ct);
        var slug = request.Slug ?? await Slugs.FreeSlugAsync(conn, SlugTable.Entity, request.Name!, null, ct);
        var entity = await conn.QuerySingleAsync<EntityResponse>(new CommandDefinition(sql, new
        {
            Id = Guid.CreateVersion7(),
            Slug = slug,
            Name = request.Name!.Trim(),
            Aliases = request.Aliases ?? [],
        }, cancellationToken: ct));
        return TypedResults.Created($"/v1/entities/{entity.Slug}", entity);
    }

    static async Task<Results<Ok<EntityResponse>, NotFound>> UpdateEntity(string idOrSlug, EntityRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            UPDATE entity SET name = @Name, slug = coalesce(@NewSlug, slug), aliases = @Aliases, updated_at = now()
            WHERE id = @Id OR slug = @Slug
            RETURNING {Columns}
            """;
        var key = IdOrSlug.Parse(idOrSlug);
        await using var conn = await db.OpenConnectionAsync(ct);
        var entity = await conn.QuerySingleOrDefaultAsync<EntityResponse>(new CommandDefinition(sql, new
        {
            key.Id,
            key.Slug,
            NewSlug = request.Slug,
            Name = request.Name!.Trim(),
            Aliases = request.Aliases ?? [],
        }, cancellationToken: ct));
        return entity is null ? TypedResults.NotFound() : TypedResults.Ok(entity);
    }

    static async Task<Results<NoContent, NotFound>> DeleteEntity(string idOrSlug, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = "DELETE FROM entity WHERE id = @Id OR slug = @Slug";
        await using var conn = await db.OpenConnectionAsync(ct);
        var deleted = await conn.ExecuteAsync(new CommandDefinition(sql, IdOrSlug.Parse(idOrSlug), cancellationToken: ct));
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
