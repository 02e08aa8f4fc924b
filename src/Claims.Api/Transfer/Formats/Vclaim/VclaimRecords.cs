using System.Text.Json.Nodes;
using Claims.Api.Reviews;

namespace Claims.Api.Transfer.Formats.Vclaim;

/// <summary>
/// The records of every vclaim read: a speaker per slug of the speaker's name (spelt as most of its vclaims spell it,
/// "Julián Castro" and "Julian Castro" being one), and per vclaim a claim, the speaker's stance and PolitiFact's
/// review. Ids are stable by the vclaim's id, so importing the pool again changes nothing; the claim's slug ends in
/// that id's number, as vclaims repeat some statements word for word. A vclaim id given twice is imported once.
/// </summary>
sealed class VclaimRecords
{
    const string Publisher = "PolitiFact";
    const string PublisherSite = "politifact.com";

    readonly Dictionary<string, (VclaimFile Vclaim, string Origin)> vclaims = new(StringComparer.Ordinal);
    readonly Dictionary<string, Dictionary<string, int>> spellings = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> speakerOrigins = new(StringComparer.Ordinal);

    public void Add(VclaimFile vclaim, string origin)
    {
        var key = vclaim.VclaimId!.Trim();
        if (!vclaims.TryAdd(key, (vclaim, origin))) return;
        var name = Name(vclaim);
        var slug = Slugs.Slugify(name);
        speakerOrigins.TryAdd(slug, origin);
        if (!spellings.TryGetValue(slug, out var counts)) spellings.Add(slug, counts = new(StringComparer.Ordinal));
        counts[name] = counts.GetValueOrDefault(name) + 1;
    }

    public IEnumerable<ImportRecord> Records()
    {
        foreach (var (slug, counts) in spellings)
        {
            var name = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
            yield return ImportRecord.Known("speaker", new JsonObject
            {
                ["id"] = SpeakerId(slug), ["slug"] = slug, ["name"] = name,
            }, speakerOrigins[slug]);
        }
        foreach (var (key, (vclaim, origin)) in vclaims)
        {
            var suffix = "-" + key.Replace("vclaim-", "", StringComparison.Ordinal);
            yield return ImportRecord.Known("claim", new JsonObject
            {
                ["id"] = Id("claim", key),
                ["slug"] = Slugs.Slugify(Slugs.Slugify(vclaim.Vclaim!, Slugs.MaxLength - suffix.Length) + suffix),
                ["text"] = vclaim.Vclaim!.Trim(),
            }, origin);
        }
        foreach (var (key, (vclaim, origin)) in vclaims)
        {
            var (on, venue) = vclaim.Stated();
            yield return ImportRecord.Known("stance", new JsonObject
            {
                ["id"] = Id("stance", key), ["claimId"] = Id("claim", key), ["speakerId"] = SpeakerId(Slugs.Slugify(Name(vclaim))),
                ["position"] = "asserts", ["saidOn"] = Day(on), ["context"] = venue,
            }, origin);
        }
        foreach (var (key, (vclaim, origin)) in vclaims)
        {
            if (vclaim.ArticleUrl() is not { } url) continue;
            yield return ImportRecord.Known("review", new JsonObject
            {
                ["id"] = Id("review", key), ["claimId"] = Id("claim", key),
                ["publisherName"] = Publisher, ["publisherSite"] = PublisherSite, ["url"] = url,
                ["title"] = string.IsNullOrWhiteSpace(vclaim.Title) ? null : vclaim.Title.Trim(),
                ["reviewedOn"] = Day(vclaim.ReviewedOn()), ["language"] = "en",
                ["ratingText"] = vclaim.TruthLabel, ["rating"] = RatingScale.FromText(vclaim.TruthLabel).ToDb(),
            }, origin);
        }
    }

    static string Name(VclaimFile vclaim) => string.Join(' ', vclaim.Speaker!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static string Id(string kind, string key) => StableIds.For(VclaimFormat.FormatName, kind, key).ToString();

    static string SpeakerId(string slug) => Id("speaker", slug);

    static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
