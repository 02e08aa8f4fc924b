using Claims.Api.Speakers;

namespace Claims.Api.Matching;

/// <summary>
/// Who a speaker hint names: a speaker by id or slug; else by name, as a slug folds it (case, accents, apostrophes and
/// spacing aside: "Julian Castro" is Julián Castro, "Beto O’Rourke" Beto O'Rourke); else, as transcripts write names
/// ("Senator Warren", "E. Warren", "George S."), by a surname with the given name's initial if any, honorifics dropped,
/// the speaker with the most stances among those that fit. A hint that fits no one names nobody, and is ignored.
/// </summary>
static class SpeakerHints
{
    static readonly HashSet<string> Honorifics =
        ["senator", "sen", "president", "vice", "former", "governor", "gov", "mayor", "mr", "mrs", "ms", "dr", "rep", "representative",
         "secretary", "pastor", "congressman", "congresswoman", "speaker", "sir", "madam"];

    const string ExactSql = """
        SELECT id, slug, name FROM speaker
        WHERE id = @Id OR slug = @Slug OR slug = @Folded
        ORDER BY id = @Id DESC, slug = @Slug DESC
        LIMIT 1
        """;

    const string SurnameSql = """
        SELECT s.id, s.slug, s.name FROM speaker s
        WHERE s.search @@ plainto_tsquery('english', @Surname) AND (s.slug = @Surname OR s.slug LIKE '%-' || @Surname)
        ORDER BY (SELECT count(*) FROM stance st WHERE st.speaker_id = s.id) DESC, s.slug
        LIMIT 20
        """;

    public static async Task<SpeakerRef?> ResolveAsync(NpgsqlConnection conn, string? hint, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(hint)) return null;
        var key = IdOrSlug.Parse(hint.Trim());
        var folded = Slugs.Slugify(hint);
        var exact = await conn.QuerySingleOrDefaultAsync<SpeakerRef>(new CommandDefinition(ExactSql, new { key.Id, key.Slug, Folded = folded }, cancellationToken: ct));
        if (exact is not null) return exact;

        var words = folded.Split('-').Where(w => !Honorifics.Contains(w)).ToList();
        if (words.Count == 0) return null;
        var (surname, given) = (words[^1], words.Count > 1 ? words[0] : null);
        if (surname.Length < 2) return null;
        var fits = await conn.QueryAsync<SpeakerRef>(new CommandDefinition(SurnameSql, new { Surname = surname }, cancellationToken: ct));
        return fits.FirstOrDefault(s => given is null || s.Slug.StartsWith(given, StringComparison.Ordinal));
    }
}
