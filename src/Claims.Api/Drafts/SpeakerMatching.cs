using Claims.Api.Speakers;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>
/// Which stored speaker each speaker of an article is: one whose name, slug or an alias is the speaker's name, in any
/// case and with or without a leading "the". When several are, the one whose title agrees with a title the article
/// gives wins, then the one of the same kind, then a match by name over one by alias or slug, then the first slug.
/// A speaker no stored one matches is proposed as new.
/// </summary>
public static class SpeakerMatching
{
    /// <summary>A stored speaker that may be one of the article's.</summary>
    public sealed record Candidate
    {
        public Guid Id { get; init; }
        public string Slug { get; init; } = "";
        public string Name { get; init; } = "";
        public SpeakerKind Kind { get; init; }
        public string? Title { get; init; }
        public string[] Aliases { get; init; } = [];

        public SpeakerRef Ref => new(Id, Slug, Name);
    }

    // One statement for the whole article; each condition has its index (0012).
    const string CandidatesSql = """
        SELECT id, slug, name, kind, title, aliases FROM speaker
        WHERE lower(name) = ANY (lower_names(@Names)) OR slug = ANY (@Slugs) OR lower_names(aliases) && lower_names(@Names)
        """;

    /// <summary>The stored speaker with this id or slug, or null.</summary>
    public static async Task<Candidate?> FindAsync(NpgsqlConnection conn, string idOrSlug, CancellationToken ct) =>
        await conn.QuerySingleOrDefaultAsync<Candidate>(new CommandDefinition(
            "SELECT id, slug, name, kind, title, aliases FROM speaker WHERE id = @Id OR slug = @Slug", IdOrSlug.Parse(idOrSlug), cancellationToken: ct));

    /// <summary>The stored speaker of each speaker (by <see cref="ExtractedSpeaker.Id"/>) that has one.</summary>
    public static async Task<Dictionary<int, Candidate>> MatchAsync(
        NpgsqlConnection conn, IReadOnlyList<ExtractedSpeaker> speakers, CancellationToken ct)
    {
        if (speakers.Count == 0) return [];
        var names = speakers.SelectMany(s => NamesOf(s.Name)).Distinct().ToArray();
        var slugs = speakers.Select(s => Slugs.Slugify(s.Name)).Distinct().ToArray();
        var candidates = await conn.QueryAsync<Candidate>(new CommandDefinition(CandidatesSql, new { Names = names, Slugs = slugs }, cancellationToken: ct));
        return Choose(speakers, candidates.AsList());
    }

    public static Dictionary<int, Candidate> Choose(IReadOnlyList<ExtractedSpeaker> speakers, IReadOnlyList<Candidate> candidates)
    {
        var matches = new Dictionary<int, Candidate>();
        foreach (var speaker in speakers)
        {
            var names = NamesOf(speaker.Name).Select(n => n.ToLowerInvariant()).ToHashSet();
            var slug = Slugs.Slugify(speaker.Name);
            var titles = speaker.Titles.Select(NormalTitle).Where(t => t.Length > 0).ToList();
            var best = candidates
                .Select(c => (Candidate: c, How: How(c, names, slug)))
                .Where(m => m.How is not null)
                .OrderBy(m => TitleAgrees(m.Candidate.Title, titles) ? 0 : 1)
                .ThenBy(m => m.Candidate.Kind == speaker.Kind ? 0 : 1)
                .ThenBy(m => m.How)
                .ThenBy(m => m.Candidate.Slug, StringComparer.Ordinal)
                .Select(m => m.Candidate)
                .FirstOrDefault();
            if (best is not null) matches[speaker.Id] = best;
        }
        return matches;
    }

    /// <summary>0 by name, 1 by alias, 2 by slug, null when the candidate is not this speaker's.</summary>
    static int? How(Candidate candidate, HashSet<string> names, string slug) =>
        names.Contains(candidate.Name.ToLowerInvariant()) ? 0
        : candidate.Aliases.Any(a => names.Contains(a.ToLowerInvariant())) ? 1
        : candidate.Slug == slug ? 2
        : null;

    /// <summary>The spellings a name is looked up by: as written, trimmed, with a typographic apostrophe as a plain one,
    /// and with its leading "the" taken off, or given one.</summary>
    static IEnumerable<string> NamesOf(string name)
    {
        var plain = string.Join(' ', name.Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        yield return plain;
        yield return plain.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? plain[4..] : "the " + plain;
    }

    static bool TitleAgrees(string? stored, List<string> titles)
    {
        if (stored is null || NormalTitle(stored) is not { Length: > 0 } title) return false;
        return titles.Any(t => t.Contains(title, StringComparison.Ordinal) || title.Contains(t, StringComparison.Ordinal));
    }

    // "the NATO Secretary-General" and "NATO secretary general" are one title.
    static string NormalTitle(string title)
    {
        var words = title.ToLowerInvariant().Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.SkipWhile((w, i) => i == 0 && w == "the"));
    }
}
