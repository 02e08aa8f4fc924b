namespace Claims.Bench.Extraction;

/// <summary>
/// Whether an extracted speaker is the gold one: its name equals one of the gold names, ignoring case, a leading "the",
/// possessive 's, hyphens and repeated spaces; or both are null (docs/extraction.md, "Measuring quality").
/// </summary>
static class SpeakerNames
{
    public static bool Match(IReadOnlyList<string>? gold, string? extracted) =>
        gold is null || extracted is null
            ? gold is null && extracted is null
            : gold.Any(name => Normalize(name) == Normalize(extracted));

    public static string Normalize(string name)
    {
        var words = name.ToLowerInvariant().Replace('’', '\'').Replace('-', ' ').Replace('‐', ' ')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word)
            .ToList();
        if (words.Count > 1 && words[0] == "the") words.RemoveAt(0);
        return string.Join(' ', words);
    }
}
