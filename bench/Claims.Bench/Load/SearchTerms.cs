using Claims.Bench.Generation;

namespace Claims.Bench.Load;

/// <summary>
/// What people type into search: one or two content words, as frequent in queries as in the texts, or a speaker's or
/// entity's name.
/// </summary>
sealed class SearchTerms(Random random, IReadOnlyList<string> names)
{
    readonly WordSampler words = new(random, Vocabulary.Embedded);

    public string Next() => random.NextDouble() switch
    {
        < 0.40 => words.NextContentWord(),
        < 0.75 => $"{words.NextContentWord()} {words.NextContentWord()}",
        _ => random.Pick(names),
    };
}
