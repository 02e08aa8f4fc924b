using Claims.Api.Matching;

namespace Claims.Api.Quotes;

public static class QuotesApi
{
    public static RouteGroupBuilder MapQuotes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/quotes").WithTags("Quotes");

        group.MapGet("/", ListQuotes).WithName(nameof(ListQuotes)).Validate<QuoteListQuery>()
            .WithSummary("Lists quotes, newest first, filterable by speaker (id or slug), source and date said.");
        group.MapGet("/{id:guid}", GetQuote).WithName(nameof(GetQuote)).WithETag()
            .WithSummary("Gets a quote with its speaker and source.");
        group.MapPost("/", CreateQuote).WithName(nameof(CreateQuote)).Validate<QuoteRequest>().ProducesProblem(404)
            .WithSummary("Records words of a speaker in a source; a span must hold exactly the text.");
        group.MapPut("/{id:guid}", UpdateQuote).WithName(nameof(UpdateQuote)).Validate<QuoteRequest>().ProducesProblem(409).WithETag()
            .WithSummary("Replaces a quote's fields. Honours If-Match.");
        group.MapPatch("/{id:guid}", PatchQuote).WithName(nameof(PatchQuote)).AcceptsMergePatch<QuoteRequest>().ProducesProblem(409).WithETag()
            .WithSummary("Changes some of a quote's fields with a JSON Merge Patch. Honours If-Match.");
        group.MapDelete("/{id:guid}", DeleteQuote).WithName(nameof(DeleteQuote))
            .WithSummary("Deletes a quote; stances it evidenced stay, without evidence. Honours If-Match.");

        group.MapQuoteVariants();
        group.MapQuoteClaimMatches();
        return group;
    }

    static async Task<Results<Ok<Page<QuoteResponse>>, NotFound>> ListQuotes([AsParameters] QuoteListQuery query, NpgsqlDataSource db, CancellationToken ct)
    {
        var page = await QuoteQueries.ListAsync(db, query, ct);
        return page is null ? TypedResults.NotFound() : TypedResults.Ok(page);
    }

    static async Task<Results<Ok<QuoteResponse>, NotFound>> GetQuote(Guid id, NpgsqlDataSource db, ClaimMatcher matcher, CancellationToken ct)
    {
        QuoteResponse? quote;
        await using (var conn = await db.OpenConnectionAsync(ct))
            quote = await QuoteQueries.GetAsync(conn, id, null, ct);
        if (quote is null) return TypedResults.NotFound();
        var matches = await matcher.MatchAsync(quote.Text, quote.Speaker.Id.ToString(), MatchesApi.Suggestions, MatchesApi.SuggestionThreshold, ct);
        return TypedResults.Ok(quote with { ClaimMatches = matches.Items });
    }

    static async Task<Created<QuoteResponse>> CreateQuote(QuoteRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(QuoteStore.InsertSql, QuoteStore.Parameters(id, request), tx, cancellationToken: ct));
        var quote = (await QuoteQueries.GetAsync(conn, id, tx, ct))!;
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/v1/quotes/{id}", quote);
    }

    static Task<Results<Ok<QuoteResponse>, NotFound, ProblemHttpResult>> UpdateQuote(
        Guid id, QuoteRequest request, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.ReplaceAsync(http, db, QuoteStore.Instance, new IdOrSlug(id, ""), request, ct);

    static Task<Results<Ok<QuoteResponse>, NotFound, ProblemHttpResult, ValidationProblem>> PatchQuote(
        Guid id, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.PatchAsync(http, db, QuoteStore.Instance, new IdOrSlug(id, ""), ct);

    static Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteQuote(
        Guid id, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        ConditionalWrites.DeleteAsync(http, db, QuoteStore.Instance, new IdOrSlug(id, ""), ct);
}
