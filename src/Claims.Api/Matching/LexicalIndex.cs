using System.Runtime.InteropServices;

namespace Claims.Api.Matching;

/// <summary>
/// BM25F over three fields of each claim: its own text, its reviews' titles and its reviews' texts (the fact-check
/// articles), the last two at lower weights. Every word of a sentence counts and none is required: a claim scores by
/// the words it shares with the sentence, each weighted by how rare it is among all claims (its inverse document
/// frequency), so a sentence's rare words choose the candidates and its common ones barely move them. Not thread-safe:
/// the <see cref="ClaimIndex"/> that owns it locks around it.
/// <para>
/// Only counts are kept, never the texts: per lexeme, the claims that have it with how often in each field (eight bytes
/// each; an article's words are most of them). A claim that changes gets a new document number and its old postings
/// are left dead, so no list is searched on a write; once a quarter of the postings are dead, the lists are compacted.
/// </para>
/// </summary>
sealed class LexicalIndex
{
    public readonly record struct Field(IReadOnlyList<(string Lexeme, int Count)> Lexemes)
    {
        public int Length => Lexemes.Sum(l => l.Count);
    }

    /// <summary>The fields of a claim, in the index's order: its text, its reviews' titles, its reviews' texts.</summary>
    public readonly record struct Fields(Field Text, Field Titles, Field Bodies);

    // Counts past these saturate BM25 long before: a claim's text or titles saying a word 255 times, an article 65,535.
    readonly record struct Posting(int Document, byte Text, byte Title, ushort Body);

    readonly record struct Lengths(int Text, int Title, int Body);

    struct Counts
    {
        public int Text, Title, Body;
    }

    readonly Dictionary<string, int> lexemeIds = new(StringComparer.Ordinal);
    readonly List<List<Posting>> postings = [];
    readonly List<int> documentFrequency = [];

    // By document number: its slot (-1 once dead), its lexemes' ids, its fields' lengths. And by slot, its document.
    readonly List<int> slotOf = [];
    readonly List<int[]> lexemesOf = [];
    readonly List<Lengths> lengths = [];
    readonly List<int> documentOf = [];

    long textTotal, titleTotal, bodyTotal, livePostings, deadPostings;
    int documents, lexemes;

    /// <summary>The distinct lexemes of the claims indexed.</summary>
    public int Lexemes => lexemes;

    /// <summary>Puts a claim's fields at its slot, replacing what the slot held.</summary>
    public void Set(int slot, Fields fields)
    {
        Remove(slot);
        var counts = new Dictionary<string, Counts>(StringComparer.Ordinal);
        foreach (var (lexeme, count) in fields.Text.Lexemes) CollectionsMarshal.GetValueRefOrAddDefault(counts, lexeme, out _).Text += count;
        foreach (var (lexeme, count) in fields.Titles.Lexemes) CollectionsMarshal.GetValueRefOrAddDefault(counts, lexeme, out _).Title += count;
        foreach (var (lexeme, count) in fields.Bodies.Lexemes) CollectionsMarshal.GetValueRefOrAddDefault(counts, lexeme, out _).Body += count;

        var document = slotOf.Count;
        var ids = new int[counts.Count];
        var i = 0;
        foreach (var (lexeme, count) in counts)
        {
            var id = IdOf(lexeme);
            postings[id].Add(new Posting(document, (byte)Math.Min(count.Text, byte.MaxValue), (byte)Math.Min(count.Title, byte.MaxValue),
                (ushort)Math.Min(count.Body, ushort.MaxValue)));
            if (documentFrequency[id]++ == 0) lexemes++;
            ids[i++] = id;
        }
        slotOf.Add(slot);
        lexemesOf.Add(ids);
        var length = new Lengths(fields.Text.Length, fields.Titles.Length, fields.Bodies.Length);
        lengths.Add(length);
        while (documentOf.Count <= slot) documentOf.Add(-1);
        documentOf[slot] = document;
        (textTotal, titleTotal, bodyTotal) = (textTotal + length.Text, titleTotal + length.Title, bodyTotal + length.Body);
        livePostings += ids.Length;
        documents++;
    }

    public void Remove(int slot)
    {
        var document = slot < documentOf.Count ? documentOf[slot] : -1;
        if (document < 0) return;
        foreach (var id in lexemesOf[document])
            if (--documentFrequency[id] == 0) lexemes--;
        var length = lengths[document];
        (textTotal, titleTotal, bodyTotal) = (textTotal - length.Text, titleTotal - length.Title, bodyTotal - length.Body);
        (livePostings, deadPostings) = (livePostings - lexemesOf[document].Length, deadPostings + lexemesOf[document].Length);
        slotOf[document] = -1;
        lexemesOf[document] = [];
        documentOf[slot] = -1;
        documents--;
        if (deadPostings > 1_000 && deadPostings * 3 > livePostings) Compact();
    }

    /// <summary>
    /// Adds each claim's score for the query into <paramref name="scores"/> (indexed by slot, as long as the slots) and
    /// writes the slots that scored into <paramref name="scored"/> (as long as the slots), returning how many. A lexeme
    /// said twice in the query counts twice.
    /// </summary>
    public int Score(IReadOnlyList<(string Lexeme, int Count)> query, MatchTuning tuning, float[] scores, int[] scored)
    {
        var found = 0;
        if (documents == 0) return 0;
        var (text, title, body) = (Normalising(tuning.B, textTotal), Normalising(tuning.B, titleTotal), Normalising(tuning.BodyB, bodyTotal));
        var slotOfDocument = CollectionsMarshal.AsSpan(slotOf);
        var lengthOf = CollectionsMarshal.AsSpan(lengths);
        foreach (var (lexeme, count) in query)
        {
            if (!lexemeIds.TryGetValue(lexeme, out var id) || documentFrequency[id] == 0) continue;
            var frequency = documentFrequency[id];
            var idf = (float)Math.Log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
            // Most postings are in one field only: the others' terms are not computed.
            foreach (ref readonly var posting in CollectionsMarshal.AsSpan(postings[id]))
            {
                var slot = slotOfDocument[posting.Document];
                if (slot < 0) continue;
                ref readonly var length = ref lengthOf[posting.Document];
                var weighted = 0f;
                if (posting.Text > 0) weighted += posting.Text / (text.Base + text.PerWord * length.Text);
                if (posting.Title > 0) weighted += tuning.TitleWeight * posting.Title / (title.Base + title.PerWord * length.Title);
                if (posting.Body > 0) weighted += tuning.BodyWeight * posting.Body / (body.Base + body.PerWord * length.Body);
                if (weighted <= 0) continue; // only in a field weighed at 0: the claim does not score by it
                if (scores[slot] == 0) scored[found++] = slot;
                scores[slot] += count * idf * weighted / (tuning.K1 + weighted);
            }
        }
        return found;
    }

    // BM25's length normalisation of a field, 1 - b + b × length / average length, as base + per word × length.
    (float Base, float PerWord) Normalising(float b, long total) => (1 - b, (float)(b / Math.Max(1.0, (double)total / documents)));

    /// <summary>Gives back what the lists grew by beyond their postings: after a full load, up to half of them.</summary>
    public void TrimExcess()
    {
        foreach (var list in postings) list.TrimExcess();
    }

    int IdOf(string lexeme)
    {
        if (lexemeIds.TryGetValue(lexeme, out var id)) return id;
        lexemeIds.Add(lexeme, id = postings.Count);
        postings.Add([]);
        documentFrequency.Add(0);
        return id;
    }

    // Numbers the live documents afresh, in their order, and drops the dead ones' postings: each list stays in document order.
    void Compact()
    {
        var renumbered = new int[slotOf.Count];
        var live = 0;
        for (var document = 0; document < slotOf.Count; document++)
            renumbered[document] = slotOf[document] < 0 ? -1 : live++;
        foreach (var list in postings)
        {
            list.RemoveAll(p => renumbered[p.Document] < 0);
            for (var i = 0; i < list.Count; i++) list[i] = list[i] with { Document = renumbered[list[i].Document] };
        }
        for (var document = 0; document < slotOf.Count; document++)
        {
            var (slot, to) = (slotOf[document], renumbered[document]);
            if (to < 0) continue;
            (slotOf[to], lexemesOf[to], lengths[to]) = (slot, lexemesOf[document], lengths[document]);
            documentOf[slot] = to;
        }
        slotOf.RemoveRange(live, slotOf.Count - live);
        lexemesOf.RemoveRange(live, lexemesOf.Count - live);
        lengths.RemoveRange(live, lengths.Count - live);
        deadPostings = 0;
    }
}
