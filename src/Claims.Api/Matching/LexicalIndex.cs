namespace Claims.Api.Matching;

/// <summary>
/// BM25F over two fields of each claim: its own text and its reviews' titles (a lower weight). Every word of a sentence
/// counts and none is required: a claim scores by the words it shares with the sentence, each weighted by how rare it
/// is among all claims (its inverse document frequency), so a sentence's rare words choose the candidates and its common
/// ones barely move them. Postings are kept per lexeme; scoring walks the query's lexemes only. Not thread-safe: the
/// <see cref="ClaimIndex"/> that owns it locks around it.
/// </summary>
sealed class LexicalIndex
{
    public readonly record struct Field(IReadOnlyList<(string Lexeme, int Count)> Lexemes)
    {
        public int Length => Lexemes.Sum(l => l.Count);
    }

    readonly record struct Posting(int Slot, float Text, float Title);

    readonly Dictionary<string, List<Posting>> postings = new(StringComparer.Ordinal);
    readonly List<string[]?> lexemesOf = [];
    readonly List<(int Text, int Title)> lengths = [];
    long textTotal, titleTotal;
    int documents;

    public int Lexemes => postings.Count;

    /// <summary>Puts a claim's fields at its slot, replacing what the slot held.</summary>
    public void Set(int slot, Field text, Field titles)
    {
        Remove(slot);
        while (lexemesOf.Count <= slot) { lexemesOf.Add(null); lengths.Add((0, 0)); }
        var counts = new Dictionary<string, (int Text, int Title)>(StringComparer.Ordinal);
        foreach (var (lexeme, count) in text.Lexemes) counts[lexeme] = (counts.GetValueOrDefault(lexeme).Text + count, 0);
        foreach (var (lexeme, count) in titles.Lexemes)
        {
            var (inText, inTitle) = counts.GetValueOrDefault(lexeme);
            counts[lexeme] = (inText, inTitle + count);
        }
        foreach (var (lexeme, (inText, inTitle)) in counts)
        {
            if (!postings.TryGetValue(lexeme, out var list)) postings.Add(lexeme, list = []);
            list.Add(new Posting(slot, inText, inTitle));
        }
        lexemesOf[slot] = [.. counts.Keys];
        lengths[slot] = (text.Length, titles.Length);
        textTotal += text.Length;
        titleTotal += titles.Length;
        documents++;
    }

    public void Remove(int slot)
    {
        if (slot >= lexemesOf.Count || lexemesOf[slot] is not { } lexemes) return;
        foreach (var lexeme in lexemes)
        {
            var list = postings[lexeme];
            list.RemoveAt(list.FindIndex(p => p.Slot == slot));
            if (list.Count == 0) postings.Remove(lexeme);
        }
        textTotal -= lengths[slot].Text;
        titleTotal -= lengths[slot].Title;
        lexemesOf[slot] = null;
        documents--;
    }

    /// <summary>
    /// Adds each claim's score for the query into <paramref name="scores"/> (indexed by slot, as long as the slots) and
    /// returns the slots that scored. A lexeme said twice in the query counts twice.
    /// </summary>
    public List<int> Score(IReadOnlyList<(string Lexeme, int Count)> query, MatchTuning tuning, float[] scores)
    {
        var scored = new List<int>();
        if (documents == 0) return scored;
        var (avgText, avgTitle) = (Math.Max(1.0, (double)textTotal / documents), Math.Max(1.0, (double)titleTotal / documents));
        foreach (var (lexeme, count) in query)
        {
            if (!postings.TryGetValue(lexeme, out var list)) continue;
            var idf = (float)Math.Log(1 + (documents - list.Count + 0.5) / (list.Count + 0.5));
            foreach (var posting in list)
            {
                var (textLength, titleLength) = lengths[posting.Slot];
                var weighted = posting.Text / (1 - tuning.B + tuning.B * (float)(textLength / avgText))
                    + tuning.TitleWeight * posting.Title / (1 - tuning.B + tuning.B * (float)(titleLength / avgTitle));
                if (scores[posting.Slot] == 0) scored.Add(posting.Slot);
                scores[posting.Slot] += count * idf * weighted / (tuning.K1 + weighted);
            }
        }
        return scored;
    }
}
