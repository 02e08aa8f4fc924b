namespace Claims.Api.Reviews;

/// <summary>How a review is read, and written by PUT and DELETE with their If-Match. Reviews are addressed by their own id;
/// the handlers check first that the review belongs to the claim in the path (a review never moves between claims).</summary>
sealed class ReviewStore : IResourceStore<ReviewRequest, ReviewResponse>
{
    public static readonly ReviewStore Instance = new();

    public const string Columns =
        "id, claim_id, publisher_name, publisher_site, url, title, reviewed_on, language, rating_text, rating, text, created_at, updated_at";

    /// <summary>A claim's reviews, newest first; undated ones last.</summary>
    public const string Order = "coalesce(reviewed_on, '-infinity'::date) DESC, id DESC";

    public string LockSql => "SELECT id FROM review WHERE id = @Id FOR UPDATE";

    public string DeleteSql => "DELETE FROM review WHERE id = @Id";

    public async Task<ReviewResponse> RenderAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM review WHERE id = @Id";
        return await conn.QuerySingleAsync<ReviewResponse>(new CommandDefinition(sql, new { Id = id }, tx, cancellationToken: ct));
    }

    public ReviewRequest ToRequest(ReviewResponse view) => new(
        view.Url, view.PublisherName, view.PublisherSite, view.Title, view.ReviewedOn, view.Language, view.RatingText, view.Rating, view.Text);

    public async Task UpdateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, ReviewRequest request, CancellationToken ct)
    {
        const string sql = """
            UPDATE review SET publisher_name = @PublisherName, publisher_site = @PublisherSite, url = @Url, title = @Title,
                reviewed_on = @ReviewedOn, language = @Language, rating_text = @RatingText, rating = @Rating, text = @Text,
                updated_at = now()
            WHERE id = @ReviewId
            """;
        await conn.ExecuteAsync(new CommandDefinition(sql, Values.Of(request, id), tx, cancellationToken: ct));
    }

    /// <summary>The review with this id on the claim named by id or slug; null when either is unknown.</summary>
    public static async Task<ReviewResponse?> FindAsync(NpgsqlDataSource db, IdOrSlug claim, Guid reviewId, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM review
            WHERE id = @ReviewId AND claim_id IN (SELECT id FROM claim WHERE id = @Id OR slug = @Slug)
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ReviewResponse>(new CommandDefinition(sql, new { claim.Id, claim.Slug, ReviewId = reviewId }, cancellationToken: ct));
    }

    /// <summary>A request as stored: trimmed, the site normalised (or taken from the URL), the rating resolved.</summary>
    public sealed record Values(
        Guid ReviewId, string Url, string? PublisherName, string PublisherSite, string? Title, DateOnly? ReviewedOn,
        string? Language, string? RatingText, string Rating, string? Text)
    {
        public static Values Of(ReviewRequest request, Guid reviewId)
        {
            var url = request.Url!.Trim();
            var ratingText = Blank(request.RatingText);
            return new Values(
                reviewId,
                url,
                PublisherSites.Name(request.PublisherName),
                PublisherSites.Normalise(request.PublisherSite) ?? PublisherSites.OfUrl(url)!,
                Blank(request.Title),
                request.ReviewedOn,
                Blank(request.Language),
                ratingText,
                (request.Rating ?? RatingScale.FromText(ratingText)).ToDb(),
                Blank(request.Text));
        }

        static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
