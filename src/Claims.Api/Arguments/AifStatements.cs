using Claims.Api.Transfer.Formats;

namespace Claims.Api.Arguments;

/// <summary>
/// Rephrases (I → MA → I) as the same statement. In QT30 an MA mostly records a speaker restating their own point in
/// other words, which is what a statement is here: one speaker's quotes that say the same thing. So the quotes of one
/// speaker anchoring either proposition become one statement, pinned (grouped by hand, as an annotator did), and both
/// propositions stay claims of their own, since a rephrase need not be the same proposition. A statement is one
/// speaker's, so a rephrase with no speaker on both sides (one speaker rephrasing another, a question answered) is
/// skipped with a note. Statements are unions: rephrases chain, and the statement's id comes from its least locution id.
/// </summary>
sealed class AifStatements
{
    readonly Dictionary<string, string> parent = [];

    public void Add(ArgumentMap map, AifLocutions locutions, ImportNotes notes)
    {
        foreach (var node in map.Nodes.Where(n => n.Type == AifVocabulary.MA))
        {
            if (AifPropositions.RelationOf(map, node, out _) is not { } relation) continue;
            var rephrased = Anchors(map, relation.To, locutions);
            var joined = false;
            foreach (var from in relation.From)
            {
                var said = Anchors(map, from, locutions);
                foreach (var speaker in said.Keys.Intersect(rephrased.Keys))
                {
                    var quotes = said[speaker].Concat(rephrased[speaker]).Distinct().ToList();
                    foreach (var quote in quotes.Skip(1)) Union(quotes[0], quote);
                    joined = true;
                }
            }
            if (!joined)
                notes.Skip(map.Origin(node), $"MA node {node.Id} rephrases without one speaker's quotes on both sides; " +
                                             "a statement is one speaker's, so the rephrase is not kept.");
        }
    }

    /// <summary>The statement of a locution's quote, when a rephrase joined it to others; else null (a statement of its own).</summary>
    public Guid? Of(string locutionId) =>
        parent.ContainsKey(locutionId) ? StableIds.For("aif", "statement", Root(locutionId)) : null;

    /// <summary>The locutions with quotes that anchor a proposition (L → YA → I), by speaker.</summary>
    static Dictionary<string, List<string>> Anchors(ArgumentMap map, MapNode proposition, AifLocutions locutions) =>
        map.Into(proposition, AifVocabulary.YA).SelectMany(ya => map.Into(ya, AifVocabulary.L))
            .Select(l => locutions.Find(l.Id)).OfType<AifLocution>().Where(l => l.Quote is not null)
            .GroupBy(l => l.Speaker.Slug).ToDictionary(g => g.Key, g => g.Select(l => l.NodeId).ToList());

    string Root(string id)
    {
        while (parent.TryGetValue(id, out var up) && up != id) id = up;
        return id;
    }

    // The lesser id is the root, so a statement's id does not depend on the order rephrases are read in.
    void Union(string a, string b)
    {
        parent.TryAdd(a, a);
        parent.TryAdd(b, b);
        var (ra, rb) = (Root(a), Root(b));
        if (ra == rb) return;
        if (AifVocabulary.NodeIdOrder.Compare(rb, ra) < 0) (ra, rb) = (rb, ra);
        parent[rb] = ra;
    }
}
