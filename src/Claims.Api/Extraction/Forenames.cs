namespace Claims.Api.Extraction;

/// <summary>The forename list shipped as data (Data/forenames.tsv; its source and licence in Data/README.md).</summary>
internal static class Forenames
{
    private static readonly WordMap<Gender?> Names = new(Read());

    public static bool IsForename(ReadOnlySpan<char> word) => Names.TryGet(word, out _);

    public static Gender? GenderOf(ReadOnlySpan<char> word) => Names.TryGet(word, out var gender) ? gender : null;

    private static IEnumerable<KeyValuePair<string, Gender?>> Read()
    {
        using var stream = typeof(Forenames).Assembly.GetManifestResourceStream("extraction/forenames.tsv")
            ?? throw new InvalidOperationException("The forename list is not embedded.");
        using var reader = new StreamReader(stream);
        var entries = new List<KeyValuePair<string, Gender?>>(9000);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            Gender? gender = line[tab + 1] switch { 'F' => Gender.Female, 'M' => Gender.Male, _ => null };
            entries.Add(new(line[..tab], gender));
        }
        return entries;
    }
}
