namespace Claims.Api.Transfer.Formats.FactCheck;

/// <summary>
/// One review per article of a claim. The feed lists one article under several addresses: "www." or not and a
/// trailing slash (one URL key, as the database's unique index sees it: merged silently), and addresses that differ
/// more, always with the same publisher, time and verdict: Misbar's slug before and after a headline was corrected,
/// AFP's permanent <c>doc.afp.com.X</c> link and its CMS's <c>node/N/revisions</c> page, Fatabyyano's copy under
/// <c>/en/</c>. A publisher's reviews of one claim with the same reviewDate (to the second) and textualRating are taken
/// as one article; the others are reported as skipped. The address kept is the first of: not a revisions page, then
/// in ordinal order, so it does not depend on the order of the input; of its repeats, the one with the longest title,
/// as the feed cuts some short with "...".
/// </summary>
static class ReviewVariants
{
    public static IEnumerable<(CheckedReview Review, string Origin)> Distinct(IEnumerable<(CheckedReview Review, string Origin)> reviews, ImportNotes notes)
    {
        var addresses = reviews.GroupBy(r => r.Review.UrlKey, StringComparer.Ordinal).Select(Preferred);
        foreach (var article in addresses.GroupBy(r => Article(r.Review), StringComparer.Ordinal))
        {
            var kept = Preferred(article);
            foreach (var (other, origin) in article.Where(r => r.Review != kept.Review))
                notes.Skip(origin, $"claimReview[{other.Index}] ({other.Url}) is the review at {kept.Review.Url} under another address.");
            yield return kept;
        }
    }

    static (CheckedReview Review, string Origin) Preferred(IEnumerable<(CheckedReview Review, string Origin)> variants) => variants
        .OrderBy(r => IsRevisionsPage(r.Review.Url)).ThenBy(r => r.Review.Url, StringComparer.Ordinal)
        .ThenByDescending(r => r.Review.Title?.Length ?? 0).First();

    /// <summary>
    /// Which article a review is: its publisher, time and verdict, or for an undated review its address. As the key of the
    /// review's id, it keeps the id when a later import keeps another of the article's addresses.
    /// </summary>
    public static string Article(CheckedReview review) =>
        review.Reviewed is { } at ? $"{review.Site} {at.At.UtcTicks} {review.RatingText}" : review.UrlKey;

    static bool IsRevisionsPage(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.TrimEnd('/').EndsWith("/revisions", StringComparison.OrdinalIgnoreCase);
}
