namespace Claims.Bench.Generation;

/// <summary>
/// The embedded English word lists, most frequent first: function words, then content words. A word's rank in
/// <see cref="Words"/> is its Zipf rank.
/// </summary>
sealed class Vocabulary
{
    Vocabulary(string[] functionWords, string[] contentWords)
    {
        FunctionWordCount = functionWords.Length;
        Words = [.. functionWords, .. contentWords];
        all = new HashSet<string>(Words, StringComparer.OrdinalIgnoreCase);
    }

    readonly HashSet<string> all;

    public static Vocabulary Embedded { get; } = new(Read("function-words.txt"), Read("content-words.txt"));

    public IReadOnlyList<string> Words { get; }
    public int FunctionWordCount { get; }

    public bool Contains(string word) => all.Contains(word);

    public bool IsContentWord(int rank) => rank >= FunctionWordCount;

    static string[] Read(string file)
    {
        using var stream = typeof(Vocabulary).Assembly.GetManifestResourceStream($"words/{file}")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
    }
}

/// <summary>Draws words by Zipf rank, each as often as it occurs in the generated texts.</summary>
sealed class WordSampler(Random random, Vocabulary vocabulary)
{
    readonly Zipf rank = new(vocabulary.Words.Count, 1.0, random);

    public int NextRank() => rank.Next();

    public int NextContentRank()
    {
        int next;
        do next = rank.Next(); while (!vocabulary.IsContentWord(next));
        return next;
    }

    public string NextContentWord() => vocabulary.Words[NextContentRank()];
}
