using System.Text;
using System.Text.Json.Nodes;
using Claims.Api.Reviews;

namespace Claims.Api.Transfer.Formats.FactCheck;

/// <summary>
/// The feed's claims merged over every item of every input, and the records they make:
/// <list type="bullet">
/// <item>a claim per text with its whitespace collapsed: the claim is the proposition, so the claimant is not part of
/// it, and one text under two claimants is one claim that both assert;</item>
/// <item>a speaker per claimant (whitespace collapsed, otherwise as written: "x.com" and "www.facebook.com" are
/// not merged); an organization when the claimant is written as a domain (a platform), else of no kind the feed
/// says, so a new one is a person and a stored one keeps its own;</item>
/// <item>a stance per claim and claimant: asserts, said on the earliest claimDate given for the pair; a claimDate with
/// no claimant has no one to belong to, and is reported as skipped;</item>
/// <item>a review per article (<see cref="ReviewVariants"/>), the publisher's site normalised and named by one name
/// per site: the name its reviews use most, then the shortest, then the first in ordinal order; a review without a
/// name takes its site's.</item>
/// </list>
/// Ids are stable (<see cref="StableIds"/>) and slugs are the text's words with a hash of the id, so an Arabic claim,
/// whose words fold to nothing in ASCII, still has a slug of its own.
/// </summary>
sealed class FactCheckRecords
{
    const string Format = "factcheck";

    readonly Dictionary<string, Entry> claims = new(StringComparer.Ordinal);
    readonly Dictionary<string, Entry> speakers = new(StringComparer.Ordinal);
    readonly Dictionary<(string Claim, string Speaker), Stance> stances = [];
    readonly Dictionary<string, Dictionary<string, int>> publisherNames = new(StringComparer.Ordinal);

    sealed record Entry(string Key, string Origin)
    {
        public List<(CheckedReview Review, string Origin)> Reviews { get; } = [];
    }

    sealed record Stance(string Origin)
    {
        public DateOnly? SaidOn { get; set; }
    }

    public void Add(CheckedClaim claim, string origin, ImportNotes notes)
    {
        var entry = GetOrAdd(claims, claim.Text, origin);
        entry.Reviews.AddRange(claim.Reviews.Select(r => (r, origin)));
        foreach (var review in claim.Reviews.Where(r => r.PublisherName is not null)) CountName(review.Site, review.PublisherName!);

        if (claim.Claimant is not { } claimant)
        {
            if (claim.ClaimDate is { } date)
                notes.Skip(origin, $"Its claimDate ({date.Day:yyyy-MM-dd}) is not kept: with no claimant, there is no stance to date.");
            return;
        }
        GetOrAdd(speakers, claimant, origin);
        if (!stances.TryGetValue((claim.Text, claimant), out var stance)) stances.Add((claim.Text, claimant), stance = new Stance(origin));
        if (claim.ClaimDate?.Day is { } day && (stance.SaidOn is null || day < stance.SaidOn)) stance.SaidOn = day;
    }

    /// <summary>Every record, each once, in dependency order: speakers, claims, stances, reviews.</summary>
    public IEnumerable<ImportRecord> Records(ImportNotes notes)
    {
        foreach (var speaker in speakers.Values)
        {
            var id = Id("speaker", speaker.Key);
            var kind = PublisherSites.Normalise(speaker.Key) is null ? null : "organization";
            yield return Record("speaker", speaker.Origin,
                ("id", id), ("slug", Slug(speaker.Key, "speaker", id)), ("name", speaker.Key), ("kind", kind));
        }
        foreach (var claim in claims.Values)
        {
            var id = Id("claim", claim.Key);
            yield return Record("claim", claim.Origin, ("id", id), ("slug", Slug(claim.Key, "claim", id)), ("text", claim.Key));
        }
        foreach (var ((claim, speaker), stance) in stances)
        {
            yield return Record("stance", stance.Origin,
                ("id", Id("stance", $"{claim}\n{speaker}")), ("claimId", Id("claim", claim)), ("speakerId", Id("speaker", speaker)),
                ("position", "asserts"), ("saidOn", Day(stance.SaidOn)));
        }
        var names = publisherNames.ToDictionary(site => site.Key, site => site.Value
            .OrderByDescending(n => n.Value).ThenBy(n => n.Key.Length).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key);
        foreach (var claim in claims.Values)
        {
            var claimId = Id("claim", claim.Key);
            foreach (var (review, origin) in ReviewVariants.Distinct(claim.Reviews, notes))
            {
                yield return Record("review", origin,
                    ("id", Id("review", $"{claim.Key}\n{ReviewVariants.Article(review)}")), ("claimId", claimId),
                    ("publisherName", names.GetValueOrDefault(review.Site)), ("publisherSite", review.Site), ("url", review.Url),
                    ("title", review.Title), ("reviewedOn", Day(review.Reviewed?.Day)), ("language", review.Language),
                    ("ratingText", review.RatingText), ("rating", RatingScale.FromText(review.RatingText).ToDb()));
            }
        }
    }

    void CountName(string site, string name)
    {
        if (!publisherNames.TryGetValue(site, out var counts)) publisherNames.Add(site, counts = new(StringComparer.Ordinal));
        counts[name] = counts.GetValueOrDefault(name) + 1;
    }

    static Entry GetOrAdd(Dictionary<string, Entry> entries, string key, string origin)
    {
        if (!entries.TryGetValue(key, out var entry)) entries.Add(key, entry = new Entry(key, origin));
        return entry;
    }

    // As text, as a line of NDJSON has it.
    static string Id(string kind, string key) => StableIds.For(Format, kind, key).ToString();

    // Slugs fold text to ASCII: Arabic would leave a stray number or Latin word, so text mostly in other scripts is
    // named by its kind.
    static string Slug(string text, string kind, string id)
    {
        var hash = id[..8];
        var letters = text.Normalize(NormalizationForm.FormD).Where(char.IsLetter).ToList();
        var latin = letters.Count(char.IsAsciiLetter) * 2 > letters.Count;
        return $"{(latin ? Slugs.Slugify(text, Slugs.MaxLength - hash.Length - 1) : kind)}-{hash}";
    }

    static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The record of the fields that have a value (see <see cref="ImportRecord.Known"/>).</summary>
    static ImportRecord Record(string type, string origin, params (string Name, JsonNode? Value)[] fields) =>
        ImportRecord.Known(type, new JsonObject(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))), origin);
}
