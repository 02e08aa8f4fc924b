using System.Text.Json.Nodes;
using Claims.Api.Reviews;

namespace Claims.Api.Transfer.Formats.Vclaim;

/// <summary>
/// The records of the vclaims read: per vclaim a claim, its speaker's stance and PolitiFact's review (with the
/// article's text), given as each is read, so that no article waits in memory; then, once every vclaim is read, a
/// speaker per slug of the speaker's name, spelt as most of its vclaims spell it ("Julián Castro" and "Julian Castro"
/// being one). Ids are stable by the vclaim's id, so importing the pool again changes nothing; the claim's slug ends in
/// that id's number, as vclaims repeat some statements word for word. A vclaim id given twice is imported once.
/// </summary>
sealed class VclaimRecords
{
    const string Publisher = "PolitiFact";
    const string PublisherSite = "politifact.com";

    readonly HashSet<string> seen = new(StringComparer.Ordinal);
    readonly Dictionary<string, Dictionary<string, int>> spellings = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> speakerOrigins = new(StringComparer.Ordinal);

    /// <summary>The vclaim's claim, stance and review; none when its id was read before.</summary>
    public IEnumerable<ImportRecord> Add(VclaimFile vclaim, string origin)
    {
        var key = vclaim.VclaimId!.Trim();
        if (!seen.Add(key)) yield break;
        var name = Name(vclaim);
        var slug = Slugs.Slugify(name);
        speakerOrigins.TryAdd(slug, origin);
        if (!spellings.TryGetValue(slug, out var counts)) spellings.Add(slug, counts = new(StringComparer.Ordinal));
        counts[name] = counts.GetValueOrDefault(name) + 1;

        var suffix = "-" + key.Replace("vclaim-", "", StringComparison.Ordinal);
        yield return ImportRecord.Known("claim", new JsonObject
        {
            ["id"] = Id("claim", key),
            ["slug"] = Slugs.Slugify(Slugs.Slugify(vclaim.Vclaim!, Slugs.MaxLength - suffix.Length) + suffix),
            ["text"] = vclaim.Vclaim!.Trim(),
        }, origin);
        var (on, venue) = vclaim.Stated();
        yield return ImportRecord.Known("stance", new JsonObject
        {
            ["id"] = Id("stance", key), ["claimId"] = Id("claim", key), ["speakerId"] = SpeakerId(slug),
            ["position"] = "asserts", ["saidOn"] = Day(on), ["context"] = venue,
        }, origin);
        if (vclaim.ArticleUrl() is not { } url) yield break;
        yield return ImportRecord.Known("review", new JsonObject
        {
            ["id"] = Id("review", key), ["claimId"] = Id("claim", key),
            ["publisherName"] = Publisher, ["publisherSite"] = PublisherSite, ["url"] = url,
            ["title"] = string.IsNullOrWhiteSpace(vclaim.Title) ? null : vclaim.Title.Trim(),
            ["reviewedOn"] = Day(vclaim.ReviewedOn()), ["language"] = "en",
            ["ratingText"] = vclaim.TruthLabel, ["rating"] = RatingScale.FromText(vclaim.TruthLabel).ToDb(),
            ["text"] = vclaim.ArticleText(),
        }, origin);
    }

    /// <summary>A speaker per slug, once every vclaim has been read.</summary>
    public IEnumerable<ImportRecord> Speakers()
    {
        foreach (var (slug, counts) in spellings)
        {
            var name = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
            yield return ImportRecord.Known("speaker", new JsonObject
            {
                ["id"] = SpeakerId(slug), ["slug"] = slug, ["name"] = name,
            }, speakerOrigins[slug]);
        }
    }

    static string Name(VclaimFile vclaim) => string.Join(' ', vclaim.Speaker!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static string Id(string kind, string key) => StableIds.For(VclaimFormat.FormatName, kind, key).ToString();

    static string SpeakerId(string slug) => Id("speaker", slug);

    static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
