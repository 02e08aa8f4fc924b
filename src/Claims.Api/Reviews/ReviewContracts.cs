namespace Claims.Api.Reviews;

/// <summary>The one scale every review's verdict is put on; <see cref="RatingScale"/> maps a publisher's words onto it.</summary>
public enum Rating { True, MostlyTrue, Mixed, MostlyFalse, False, Other }

/// <summary>
/// Body of POST and PUT: a fact-check article about the claim. <c>url</c> and <c>rating</c> or <c>ratingText</c> are
/// required. An explicit <c>rating</c> wins; without one it is read from <c>ratingText</c>. <c>publisherSite</c> is a
/// domain (a URL is accepted and cut down to its host) and defaults to the host of <c>url</c>. <c>text</c> is the
/// article's text (at most <see cref="MaxTextLength"/> characters), which claim matching reads at a lower weight than the
/// claim's own words.
/// </summary>
public sealed record ReviewRequest(
    string? Url,
    string? PublisherName = null,
    string? PublisherSite = null,
    string? Title = null,
    DateOnly? ReviewedOn = null,
    string? Language = null,
    string? RatingText = null,
    Rating? Rating = null,
    string? Text = null)
{
    /// <summary>The longest article text a review keeps: the review_text_length check of db/migrations/0015_review_text.sql.</summary>
    public const int MaxTextLength = 100_000;
}

public sealed record ReviewResponse
{
    public Guid Id { get; init; }
    public Guid ClaimId { get; init; }
    public string? PublisherName { get; init; }
    public string PublisherSite { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Title { get; init; }
    public DateOnly? ReviewedOn { get; init; }
    public string? Language { get; init; }
    public string? RatingText { get; init; }
    public Rating Rating { get; init; }
    public string? Text { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    public string TextualRating() => RatingScale.Textual(RatingText, Rating);
}
