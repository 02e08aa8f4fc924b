namespace Claims.Bench.Generation;

/// <summary>English-like text: words drawn from the vocabulary by Zipf rank, some texts naming an entity.</summary>
sealed class Prose(Random random, Vocabulary vocabulary, IReadOnlyList<Entity> entities)
{
    readonly WordSampler words = new(random, vocabulary);
    readonly PopularityOver entityPopularity = new(entities.Count, 0.9, random);

    public string Sentence() => Capitalized(string.Join(' ', Words(random.Next(6, 19)))) + ".";

    public string Sentences(int min, int max) =>
        string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Sentence()));

    /// <summary>One to three sentences; about one in eight names an entity, whose index is returned.</summary>
    public (string Text, int? Entity) QuoteText() => WithMaybeEntity(Sentences(1, 3), 0.12);

    /// <summary>A short proposition: a subject, a modal and a predicate; about one in five is about an entity.</summary>
    public (string Text, int? Entity) ClaimText()
    {
        var predicate = string.Join(' ', ContentWords(random.Next(3, 7)));
        var modal = random.Pick(Modals);
        var year = random.Chance(0.3) ? $" by {random.Next(2000, 2041)}" : "";
        if (random.Chance(0.2))
        {
            var entity = entityPopularity.Next();
            return ($"{entities[entity].Mention(random)} {modal} {predicate}{year}.", entity);
        }
        return ($"The {ContentWords(1)[0]} {modal} {predicate}{year}.", null);
    }

    public string Headline() => Capitalized(string.Join(' ', ContentWords(random.Next(4, 9))));

    static readonly string[] Modals = ["will", "will not", "does", "does not", "did", "did not", "can", "cannot", "should", "has"];

    (string Text, int? Entity) WithMaybeEntity(string text, double probability)
    {
        if (!random.Chance(probability)) return (text, null);
        var entity = entityPopularity.Next();
        var tokens = text.Split(' ');
        // Never the first word, which carries the capital, nor the last, which carries the full stop.
        var at = tokens.Length > 2 ? random.Next(1, tokens.Length - 1) : 0;
        tokens[at] = entities[entity].Mention(random) + (tokens[at].EndsWith('.') ? "." : "");
        return (string.Join(' ', tokens), entity);
    }

    /// <summary>Never two function words in a row, which reads less like "of the the".</summary>
    IEnumerable<string> Words(int count)
    {
        var afterFunctionWord = false;
        for (var i = 0; i < count; i++)
        {
            var rank = afterFunctionWord ? words.NextContentRank() : words.NextRank();
            afterFunctionWord = !vocabulary.IsContentWord(rank);
            yield return vocabulary.Words[rank];
        }
    }

    string[] ContentWords(int count) => Enumerable.Range(0, count).Select(_ => words.NextContentWord()).ToArray();

    static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
