namespace Claims.Api.Transfer.Formats.Liar;

/// <summary>
/// A LIAR speaker, named by its slug (<c>barack-obama</c>), once however many statements and files it appears in;
/// <paramref name="Origin"/> is where its first statement is.
/// </summary>
sealed record LiarSpeaker(string Key, string Origin, string Slug, string Name, string? Title, string? State, string? Party)
{
    public Guid Id => IdOf(Key);

    public static Guid IdOf(string key) => StableIds.For(LiarFormat.FormatName, "speaker", key);

    /// <summary>
    /// The speakers of <paramref name="rows"/> (in statement order). Every row of a speaker should carry the same job,
    /// state and party, but a few disagree or leave some empty: each comes from the newest statement that gives it.
    /// A LIAR slug is kept as it is; one that is not a valid slug ("Jack_Graham") is slugified, made distinct from the
    /// others in key order.
    /// </summary>
    public static IReadOnlyList<LiarSpeaker> Of(IReadOnlyList<LiarRow> rows)
    {
        var newestFirst = rows.Reverse().GroupBy(r => r.Speaker, StringComparer.Ordinal).ToList();
        var slugs = SlugsOf(newestFirst.Select(g => g.Key));
        return newestFirst
            .Select(g => new LiarSpeaker(
                g.Key, g.Last().Origin, slugs[g.Key], NameOf(g.Key),
                g.Select(r => r.JobTitle).FirstOrDefault(v => v is not null),
                g.Select(r => r.State).FirstOrDefault(v => v is not null),
                g.Select(r => r.Party).FirstOrDefault(v => v is not null)))
            .OrderBy(s => s.Slug, StringComparer.Ordinal)
            .ToList();
    }

    static Dictionary<string, string> SlugsOf(IEnumerable<string> keys)
    {
        var ordered = keys.Order(StringComparer.Ordinal).ToList();
        var slugs = ordered.Where(key => Slugs.Slugify(key) == key).ToDictionary(key => key, key => key, StringComparer.Ordinal);
        var taken = slugs.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var key in ordered.Where(key => !slugs.ContainsKey(key)))
        {
            var wanted = Slugs.Slugify(key);
            var slug = wanted;
            for (var n = 2; !taken.Add(slug); n++) slug = $"{wanted}-{n}";
            slugs[key] = slug;
        }
        return slugs;
    }

    /// <summary>LIAR has no names, only slugs: "barack-obama" is "Barack Obama", "Jack_Graham" "Jack Graham", "AARP" stays.</summary>
    static string NameOf(string key)
    {
        var words = key.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        return string.Join(' ', words) is { Length: > 0 } name ? name : key;
    }
}
