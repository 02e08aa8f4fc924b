using static Claims.Api.Claims.ClaimQueries;

namespace Claims.Api.Reviews;

/// <summary>Fact-check reviews of a claim, and the two shapes they are published in: ClaimReview JSON-LD and the Fact Check Tools API.</summary>
public static class ReviewsApi
{
    public static RouteGroupBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/claims/{idOrSlug}/reviews").WithTags("Reviews");

        group.MapGet("/", ListReviews).WithName(nameof(ListReviews))
            .WithSummary("Lists the claim's fact-check reviews, newest first.");
        group.MapPost("/", CreateReview).WithName(nameof(CreateReview)).Validate<ReviewRequest>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Adds a fact-check review; without a rating, it is read from the publisher's words (ratingText).");
        group.MapGet("/{reviewId:guid}", GetReview).WithName(nameof(GetReview)).WithETag()
            .WithSummary("Gets one review of the claim.");
        group.MapPut("/{reviewId:guid}", UpdateReview).WithName(nameof(UpdateReview)).Validate<ReviewRequest>().ProducesProblem(409).WithETag()
            .WithSummary("Replaces a review. Honours If-Match.");
        group.MapDelete("/{reviewId:guid}", DeleteReview).WithName(nameof(DeleteReview))
            .WithSummary("Deletes a review. Honours If-Match.");

        app.MapClaimReview();
        app.MapFactCheckSearch();
        return group;
    }

    static async Task<Results<Ok<Page<ReviewResponse>>, NotFound>> ListReviews(string idOrSlug, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            SELECT EXISTS (SELECT 1 FROM claim WHERE id = @Id OR slug = @Slug);
            WITH {Target}
            SELECT {ReviewStore.Columns} FROM review WHERE claim_id = (SELECT id FROM target) ORDER BY {ReviewStore.Order};
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var results = await conn.QueryMultipleAsync(new CommandDefinition(sql, IdOrSlug.Parse(idOrSlug), cancellationToken: ct));
        if (!await results.ReadSingleAsync<bool>()) return TypedResults.NotFound();
        return TypedResults.Ok(new Page<ReviewResponse>((await results.ReadAsync<ReviewResponse>()).AsList(), null));
    }

    static async Task<Results<Created<ReviewResponse>, NotFound>> CreateReview(
        string idOrSlug, ReviewRequest request, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO review (id, claim_id, publisher_name, publisher_site, url, title, reviewed_on, language, rating_text, rating, text)
            SELECT @ReviewId, id, @PublisherName, @PublisherSite, @Url, @Title, @ReviewedOn, @Language, @RatingText, @Rating, @Text
            FROM claim WHERE id = @Id OR slug = @Slug
            RETURNING {ReviewStore.Columns}
            """;
        var key = IdOrSlug.Parse(idOrSlug);
        var args = new DynamicParameters(ReviewStore.Values.Of(request, Guid.CreateVersion7()));
        args.AddDynamicParams(new { key.Id, key.Slug });
        await using var conn = await db.OpenConnectionAsync(ct);
        var review = await conn.QuerySingleOrDefaultAsync<ReviewResponse>(new CommandDefinition(sql, args, cancellationToken: ct));
        return review is null ? TypedResults.NotFound() : TypedResults.Created($"/v1/claims/{idOrSlug}/reviews/{review.Id}", review);
    }

    static async Task<Results<Ok<ReviewResponse>, NotFound>> GetReview(string idOrSlug, Guid reviewId, NpgsqlDataSource db, CancellationToken ct) =>
        await ReviewStore.FindAsync(db, IdOrSlug.Parse(idOrSlug), reviewId, ct) is { } review ? TypedResults.Ok(review) : TypedResults.NotFound();

    static async Task<Results<Ok<ReviewResponse>, NotFound, ProblemHttpResult>> UpdateReview(
        string idOrSlug, Guid reviewId, ReviewRequest request, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        await ReviewStore.FindAsync(db, IdOrSlug.Parse(idOrSlug), reviewId, ct) is null
            ? TypedResults.NotFound()
            : await ConditionalWrites.ReplaceAsync(http, db, ReviewStore.Instance, new IdOrSlug(reviewId, ""), request, ct);

    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteReview(
        string idOrSlug, Guid reviewId, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        await ReviewStore.FindAsync(db, IdOrSlug.Parse(idOrSlug), reviewId, ct) is null
            ? TypedResults.NotFound()
            : await ConditionalWrites.DeleteAsync(http, db, ReviewStore.Instance, new IdOrSlug(reviewId, ""), ct);
}
