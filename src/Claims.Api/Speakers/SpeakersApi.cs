using Claims.Api.Quotes;

namespace Claims.Api.Speakers;

public static class SpeakersApi
{
    public static RouteGroupBuilder MapSpeakers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/speakers").WithTags("Speakers");

        group.MapGet("/", ListSpeakers).WithName(nameof(ListSpeakers)).Validate<SpeakerListQuery>()
            .WithSummary("Lists speakers in slug order, optionally of one kind or party.");
        group.MapGet("/{idOrSlug}", GetSpeaker).WithName(nameof(GetSpeaker)).WithETag()
            .WithSummary("Gets a speaker by id or slug.");
        group.MapGet("/{idOrSlug}/quotes", ListSpeakerQuotes).WithName(nameof(ListSpeakerQuotes)).Validate<QuoteListQuery>()
            .WithSummary("Lists what a speaker said, newest first, each quote with its source.");
        group.MapSpeakerClaims();
        group.MapPost("/", CreateSpeaker).WithName(nameof(CreateSpeaker)).Validate<SpeakerRequest>().ProducesProblem(409)
            .WithSummary("Creates a speaker; the slug is derived from the name unless given.");
        group.MapPut("/{idOrSlug}", UpdateSpeaker).WithName(nameof(UpdateSpeaker)).Validate<SpeakerRequest>().ProducesProblem(409).WithETag()
            .WithSummary("Replaces a speaker's fields; an omitted slug keeps the current one. Honours If-Match.");
        group.MapPatch("/{idOrSlug}", PatchSpeaker).WithName(nameof(PatchSpeaker)).AcceptsMergePatch<SpeakerRequest>().ProducesProblem(409).WithETag()
            .WithSummary("Changes some of a speaker's fields with a JSON Merge Patch. Honours If-Match.");
        group.MapDelete("/{idOrSlug}", DeleteSpeaker).WithName(nameof(DeleteSpeaker)).ProducesProblem(409)
            .WithSummary("Deletes a speaker who has no quotes or stances left. Honours If-Match.");

        return group;
    }

    const string Columns = SpeakerStore.Columns;

    static async Task<Ok<Page<SpeakerResponse>>> ListSpeakers(
        [AsParameters] SpeakerListQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM speaker
            WHERE (@Kind::text IS NULL OR kind = @Kind)
              AND (@Party::text IS NULL OR lower(party) = lower(@Party))
              AND (@Q::text IS NULL OR id IN (SELECT matching_speakers(@Q)))
              AND (@AfterSlug::text IS NULL OR slug > @AfterSlug)
            ORDER BY slug
            LIMIT @Take
            """;
        Cursor.TryDecode(query.Cursor, out var after);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<SpeakerResponse>(new CommandDefinition(sql, new
        {
            Kind = query.Kind?.ToLowerInvariant(),
            query.Party,
            query.Q,
            AfterSlug = query.Cursor is null ? null : after.Key,
            Take = query.Take() + 1,
        }, cancellationToken: ct));
        return TypedResults.Ok(rows.AsList().ToPage(query.Take(), s => new Cursor(s.Slug, s.Id)));
    }

    static async Task<Results<Ok<SpeakerResponse>, NotFound>> GetSpeaker(string idOrSlug, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM speaker WHERE id = @Id OR slug = @Slug";
        await using var conn = await db.OpenConnectionAsync(ct);
        var speaker = await conn.QuerySingleOrDefaultAsync<SpeakerResponse>(new CommandDefinition(sql, IdOrSlug.Parse(idOrSlug), cancellationToken: ct));
        return speaker is null ? TypedResults.NotFound() : TypedResults.Ok(speaker);
    }

    static async Task<Results<Ok<Page<QuoteResponse>>, NotFound>> ListSpeakerQuotes(
        string idOrSlug, [AsParameters] QuoteListQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        var page = await QuoteQueries.ListAsync(db, query with { Speaker = idOrSlug }, ct);
        return page is null ? TypedResults.NotFound() : TypedResults.Ok(page);
    }

    static async Task<Created<SpeakerResponse>> CreateSpeaker(SpeakerRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var speaker = await Slugs.InsertAsync(conn, SlugTable.Speaker, request.Slug, request.Name!, slug => conn.QuerySingleAsync<SpeakerResponse>(
            new CommandDefinition(SpeakerStore.InsertSql, SpeakerStore.Parameters(Guid.CreateVersion7(), slug, request), cancellationToken: ct)), ct);
        return TypedResults.Created($"/v1/speakers/{speaker.Slug}", speaker);
    }

    static Task<Results<Ok<SpeakerResponse>, NotFound, ProblemHttpResult>> UpdateSpeaker(
        string idOrSlug, SpeakerRequest request, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.ReplaceAsync(http, db, SpeakerStore.Instance, IdOrSlug.Parse(idOrSlug), request, ct);

    static Task<Results<Ok<SpeakerResponse>, NotFound, ProblemHttpResult, ValidationProblem>> PatchSpeaker(
        string idOrSlug, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.PatchAsync(http, db, SpeakerStore.Instance, IdOrSlug.Parse(idOrSlug), ct);

    static Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteSpeaker(
        string idOrSlug, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.DeleteAsync(http, db, SpeakerStore.Instance, IdOrSlug.Parse(idOrSlug), ct);
}
