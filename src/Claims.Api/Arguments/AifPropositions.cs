using System.Text.Json.Nodes;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Arguments;

/// <summary>A relation node's ends: the I nodes leading into it (premises, attackers) and the one it leads to.</summary>
sealed record AifRelation(IReadOnlyList<MapNode> From, MapNode To);

/// <summary>
/// The argument: each I node a claim (once, by node id), each RA a support from every premise to its conclusion, each
/// CA a counter-claim link from every attacker to what it attacks. A relation node is read only whole: I nodes in
/// (besides the illocutions that anchor it), exactly one I node out; any other shape is skipped with a note.
/// </summary>
sealed class AifPropositions
{
    readonly Dictionary<string, ImportRecord> claims = [];
    readonly HashSet<string> slugs = [];
    readonly Dictionary<(string Kind, string From, string To), ImportRecord> links = [];

    public bool IsClaim(string nodeId) => claims.ContainsKey(nodeId);

    public static Guid ClaimId(string nodeId) => StableIds.For("aif", "claim", nodeId);

    public IEnumerable<ImportRecord> ClaimRecords() => claims.Values;

    public IEnumerable<ImportRecord> LinkRecords() => links.Values;

    public void Add(ArgumentMap map, ImportNotes notes)
    {
        foreach (var node in map.Nodes.Where(n => n.Type == AifVocabulary.I))
            AddClaim(map, node, notes);
        foreach (var node in map.Nodes.Where(n => n.Type is AifVocabulary.RA or AifVocabulary.CA or AifVocabulary.MA))
        {
            if (RelationOf(map, node, out var problem) is not { } relation)
            {
                notes.Skip(map.Origin(node), $"{node.Type} node {node.Id} {problem}; it is not imported.");
                continue;
            }
            if (node.Type == AifVocabulary.MA) continue;
            foreach (var from in relation.From)
                AddLink(map, node, from.Id, relation.To.Id, notes);
        }
    }

    void AddClaim(ArgumentMap map, MapNode node, ImportNotes notes)
    {
        var text = node.Text.Trim();
        if (claims.ContainsKey(node.Id)) return;
        if (text.Length == 0)
        {
            notes.Skip(map.Origin(node), "The I node has no text.");
            return;
        }
        claims[node.Id] = new ImportRecord(RecordTypes.Claim.Name, new JsonObject
        {
            ["id"] = ClaimId(node.Id).ToString(),
            ["slug"] = SlugFor(text, node.Id),
            ["text"] = text,
        }, map.Origin(node));
    }

    /// <summary>
    /// The text's slug ending in the node's id, so that each node is its own claim however many say "no", in this import
    /// or another (the import would otherwise match a claim of the same slug), and the slug leads back to AIFdb.
    /// </summary>
    string SlugFor(string text, string nodeId)
    {
        var suffix = Slugs.Slugify(nodeId);
        // A node id too long for a slug keeps a letter of the text; the import then refuses the slug as too long.
        var slug = $"{Slugs.Slugify(text, Math.Max(1, Slugs.MaxLength - suffix.Length - 1))}-{suffix}";
        var unique = slug;
        for (var n = 2; !slugs.Add(unique); n++) unique = $"{slug}-{n}";
        return unique;
    }

    void AddLink(ArgumentMap map, MapNode node, string from, string to, ImportNotes notes)
    {
        var kind = node.Type == AifVocabulary.CA ? "counters" : "supports";
        if (from == to || !IsClaim(from) || !IsClaim(to))
        {
            notes.Skip(map.Origin(node), from == to
                ? $"{node.Type} node {node.Id} links I node {from} to itself."
                : $"{node.Type} node {node.Id} links an I node that is not imported.");
            return;
        }
        // A counter-claim link is one link whichever way it points.
        var key = kind == "counters" && string.CompareOrdinal(from, to) > 0 ? (kind, to, from) : (kind, from, to);
        links.TryAdd(key, new ImportRecord(RecordTypes.ClaimLink.Name, new JsonObject
        {
            ["fromClaimId"] = ClaimId(from).ToString(),
            ["toClaimId"] = ClaimId(to).ToString(),
            ["kind"] = kind,
        }, map.Origin(node)));
    }

    /// <summary>The ends of an RA, CA or MA node, or null and what is wrong with its shape.</summary>
    public static AifRelation? RelationOf(ArgumentMap map, MapNode node, out string problem)
    {
        var into = node.In.Select(id => (Id: id, Node: map.Find(id))).Where(n => n.Node?.Type != AifVocabulary.YA).ToList();
        var outOf = node.Out.Select(id => (Id: id, Node: map.Find(id))).ToList();
        problem = ShapeProblem() ?? "";
        return problem.Length == 0 ? new AifRelation(into.Select(n => n.Node!).ToList(), outOf[0].Node!) : null;

        string? ShapeProblem()
        {
            if (into.Count == 0 && outOf.Count == 0) return "is dangling: no I node leads into it or out of it";
            foreach (var (id, end) in into.Concat(outOf))
            {
                if (end is null) return $"has an edge to node {id}, which is not in the nodeset";
                if (end.Type != AifVocabulary.I) return $"is joined to {end.Type} node {id}, where an I node belongs";
            }
            if (into.Count == 0) return "has no I node leading into it";
            return outOf.Count == 1 ? null : $"leads to {outOf.Count} I nodes instead of one";
        }
    }
}
