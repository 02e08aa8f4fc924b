using System.Text.RegularExpressions;

namespace Claims.Api.Reviews;

/// <summary>When two spellings of a review's URL are one article.</summary>
public static partial class ReviewUrls
{
    /// <summary>
    /// The database's <c>review_url_key</c> (db/migrations/0005_reviews.sql) in C#, for code that must know before
    /// writing which reviews the unique (claim, key) index will take as one: scheme and host in lower case, no leading
    /// "www.", no trailing slashes on the path, no fragment.
    /// </summary>
    public static string Key(string url)
    {
        var parts = UrlParts().Match(url);
        if (!parts.Success) return url;
        var host = parts.Groups[2].Value.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        return $"{parts.Groups[1].Value.ToLowerInvariant()}://{host}{parts.Groups[3].Value.TrimEnd('/')}{parts.Groups[4].Value}";
    }

    [GeneratedRegex("^([^:/?#]+)://([^/?#]*)([^?#]*)(\\?[^#]*)?")]
    private static partial Regex UrlParts();
}
