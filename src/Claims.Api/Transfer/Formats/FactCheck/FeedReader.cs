using System.Globalization;
using Claims.Api.Reviews;

namespace Claims.Api.Transfer.Formats.FactCheck;

/// <summary>A date of the feed: the day as written (in the writer's own offset) and the moment it names.</summary>
readonly record struct FeedDate(DateOnly Day, DateTimeOffset At);

/// <summary>A review of the feed, checked and trimmed; <paramref name="Index"/> is its place in its claim's <c>claimReview</c>.</summary>
sealed record CheckedReview(
    int Index, string Url, string Site, string? PublisherName, string? Title, FeedDate? Reviewed, string? RatingText, string? Language)
{
    public string UrlKey { get; } = ReviewUrls.Key(Url);
}

/// <summary>A claim of the feed, checked: its text and claimant with whitespace collapsed, its reviews checked.</summary>
sealed record CheckedClaim(string Text, string? Claimant, FeedDate? ClaimDate, IReadOnlyList<CheckedReview> Reviews);

/// <summary>Checks a claim of the feed field by field, naming each field that is wrong.</summary>
static class FeedReader
{
    /// <summary>The claim checked; or null, with every problem added.</summary>
    public static CheckedClaim? Check(FeedClaim item, List<string> problems)
    {
        var before = problems.Count;
        var text = Collapse(item.Text);
        if (text is null) problems.Add("'text' is required.");
        var claimDate = ReadDate(item.ClaimDate, "claimDate", problems);
        var reviews = (item.ClaimReview ?? []).Select((review, i) => CheckReview(review, i, problems)).ToList();
        return problems.Count > before ? null : new CheckedClaim(text!, Collapse(item.Claimant), claimDate, [.. reviews.OfType<CheckedReview>()]);
    }

    /// <summary>Whitespace runs (line breaks, double spaces) as one space, trimmed; null when nothing is left.</summary>
    public static string? Collapse(string? text) =>
        text?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words ? string.Join(' ', words) : null;

    static CheckedReview? CheckReview(FeedReview? review, int index, List<string> problems)
    {
        var field = $"claimReview[{index}]";
        if (review is null)
        {
            problems.Add($"'{field}' is null.");
            return null;
        }
        var url = Blank(review.Url);
        var urlSite = url is null ? null : PublisherSites.OfUrl(url);
        if (url is null) problems.Add($"'{field}.url' is required.");
        else if (urlSite is null || !(url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            problems.Add($"'{field}.url' must be an http or https URL with a domain, not '{url}'.");

        var site = urlSite;
        if (Blank(review.Publisher?.Site) is { } given && (site = PublisherSites.Normalise(given)) is null)
            problems.Add($"'{field}.publisher.site' must be a domain such as misbar.com, not '{given}'.");

        var reviewed = ReadDate(review.ReviewDate, $"{field}.reviewDate", problems);
        return url is null || site is null
            ? null
            : new CheckedReview(index, url, site, PublisherSites.Name(Collapse(review.Publisher?.Name)), Blank(review.Title), reviewed,
                Blank(review.TextualRating), Blank(review.LanguageCode));
    }

    /// <summary>An RFC 3339 date and time ("2025-04-28T19:23:46Z") or a bare date; a missing one is null.</summary>
    static FeedDate? ReadDate(string? text, string field, List<string> problems)
    {
        if (Blank(text) is not { } value) return null;
        if (value.Length >= 10 && (value.Length == 10 || value[10] is 'T' or 't')
            && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return new FeedDate(day, at);
        problems.Add($"'{field}' must be an RFC 3339 date and time such as 2025-04-28T19:23:46Z, not '{value}'.");
        return null;
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
