using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Claims.Api.Transfer.Formats.Vclaim;

/// <summary>
/// One vclaim as CheckThat! writes it. <c>date</c> packs when and where the claim was made ("stated on July 31, 2019
/// in a re-election campaign ad:"), <c>url</c> is PolitiFact's path, whose date is the fact-check's, and <c>text</c>
/// is the article, as the page read, with the "Featured Fact-check" box of another claim inside it.
/// </summary>
sealed partial class VclaimFile
{
    public const string Site = "https://www.politifact.com";

    [JsonPropertyName("vclaim_id")] public string? VclaimId { get; init; }
    public string? Speaker { get; init; }
    public string? Vclaim { get; init; }
    [JsonPropertyName("truth_label")] public string? TruthLabel { get; init; }
    public string? Date { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Text { get; init; }

    public string? Problem() =>
        string.IsNullOrWhiteSpace(VclaimId) ? "'vclaim_id' is required."
        : string.IsNullOrWhiteSpace(Vclaim) ? "'vclaim' is required."
        : string.IsNullOrWhiteSpace(Speaker) ? "'speaker' is required."
        : null;

    /// <summary>When and where it was stated; either may be missing when <c>date</c> does not read as PolitiFact writes it.</summary>
    public (DateOnly? On, string? Venue) Stated()
    {
        if (Date is null || StatedPattern().Match(Date.Trim()) is not { Success: true } m) return (null, null);
        DateOnly? on = DateOnly.TryParseExact(m.Groups["on"].Value, ["MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var venue = m.Groups["venue"].Value.Trim();
        return (on, venue.Length == 0 ? null : venue);
    }

    /// <summary>The article's address, made absolute: the files give PolitiFact's path.</summary>
    public string? ArticleUrl() => Url?.Trim() switch
    {
        null or "" => null,
        var path when path.StartsWith('/') => Site + path,
        var url => url,
    };

    /// <summary>
    /// The article's text without the page's "Featured Fact-check" box (another claim, its speaker and its author, set
    /// between two paragraphs, in all but a few vclaims), so that the article reads as its own claim's; null when empty.
    /// </summary>
    public string? ArticleText() =>
        Text is null ? null : FeaturedPattern().Replace(Text, "\n\n").Trim() is { Length: > 0 } text ? text : null;

    /// <summary>The day in the article's path, /factchecks/2019/aug/01/…, which is when PolitiFact published it.</summary>
    public DateOnly? ReviewedOn() =>
        Url is not null && ReviewedPattern().Match(Url) is { Success: true } m
        && DateOnly.TryParseExact($"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}", "yyyy MMM d",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    [GeneratedRegex(@"^stated on (?<on>[A-Za-z.]+ \d{1,2}, \d{4})(?: in (?<venue>.*?))?:?$", RegexOptions.Singleline)]
    private static partial Regex StatedPattern();

    // The box ends at its author's line, "By Warren Fiske • January 20, 2021"; a heading with no box after it goes too.
    [GeneratedRegex(@"\s*Featured Fact-check(?:\n.*?\nBy [^\n]*•[^\n]*)?(?:\n\s*|\z)", RegexOptions.Singleline)]
    private static partial Regex FeaturedPattern();

    [GeneratedRegex(@"/factchecks/(\d{4})/([a-z]{3})[a-z]*/(\d{1,2})/", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewedPattern();
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(VclaimFile))]
sealed partial class VclaimJsonContext : JsonSerializerContext;
