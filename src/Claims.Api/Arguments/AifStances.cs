using System.Text.Json.Nodes;
using Claims.Api.Claims;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Arguments;

/// <summary>
/// Who holds which claim, from the illocutions (YA nodes) that take a position (<see cref="AifVocabulary.PositionOf"/>):
/// the speaker of the locution it anchors in (L → YA → I) asserts or disputes the proposition, with that locution's quote
/// as evidence, on the day the locution was said. An illocution anchored in a transition (TA → YA → I, as agreeing and disagreeing are) is the move of the
/// locution the transition leads to. Disagreeing anchored in a conflict (TA → YA → CA) disputes what the CA attacks.
/// A speaker holds one position on a claim: see <see cref="StanceRecords"/>.
/// </summary>
sealed class AifStances
{
    sealed record Held(AifLocution Locution, string ClaimNode, StancePosition Position, string Origin);

    readonly Dictionary<(string ClaimNode, string Speaker), List<Held>> stances = [];

    public void Add(ArgumentMap map, AifLocutions locutions, AifPropositions propositions, ImportNotes notes)
    {
        foreach (var node in map.Nodes.Where(n => n.Type == AifVocabulary.YA))
        {
            if (!node.IsConnected)
            {
                notes.Skip(map.Origin(node), $"YA node {node.Id} is dangling: it has no edges.");
                continue;
            }
            if (AifVocabulary.PositionOf(node.Text) is not { } position) continue;
            var claims = Propositions(map, node, position).Where(c => propositions.IsClaim(c.Id)).ToList();
            if (claims.Count == 0) continue;
            var moves = map.Into(node, AifVocabulary.L).Concat(map.Into(node, AifVocabulary.TA).SelectMany(ta => map.OutOf(ta, AifVocabulary.L))).ToList();
            if (moves.Count == 0)
                notes.Skip(map.Origin(node), $"YA node {node.Id} ({node.Text}) is anchored in no locution, so no one holds what it says.");
            foreach (var move in moves)
                if (locutions.Find(move.Id) is { } locution)
                    foreach (var claim in claims)
                        Hold(new Held(locution, claim.Id, position, map.Origin(node)));
        }
    }

    static IEnumerable<MapNode> Propositions(ArgumentMap map, MapNode illocution, StancePosition position)
    {
        var anchored = map.OutOf(illocution, AifVocabulary.I);
        if (position != StancePosition.Disputes) return anchored;
        var attacked = map.OutOf(illocution, AifVocabulary.CA).Select(ca => AifPropositions.RelationOf(map, ca, out _)?.To).OfType<MapNode>();
        return anchored.Concat(attacked);
    }

    void Hold(Held stance)
    {
        var key = (stance.ClaimNode, stance.Locution.Speaker.Slug);
        if (!stances.TryGetValue(key, out var held)) stances[key] = held = [];
        held.Add(stance);
    }

    static string Word(StancePosition position) => position == StancePosition.Asserts ? "asserts" : "disputes";

    /// <summary>
    /// Each speaker's stance on each claim, from the locution with the least id that takes one (so the same however the
    /// nodesets are grouped into imports); a contrary position elsewhere is noted as skipped.
    /// </summary>
    public IEnumerable<ImportRecord> StanceRecords(ImportNotes notes)
    {
        foreach (var held in stances.Values)
        {
            var stance = held.OrderBy(h => h.Locution.NodeId, AifVocabulary.NodeIdOrder).First();
            foreach (var contrary in held.Where(h => h.Position != stance.Position))
                notes.Skip(contrary.Origin, $"{stance.Locution.Speaker.Name} {Word(contrary.Position)} I node {stance.ClaimNode} here, but " +
                                            $"{Word(stance.Position)} it at {stance.Origin}; a speaker holds one position on a claim, and the earlier locution's is kept.");
            yield return ImportRecord.Known(RecordTypes.Stance.Name, new JsonObject
            {
                ["id"] = StableIds.For("aif", "stance", $"{stance.ClaimNode}:{stance.Locution.Speaker.Slug}").ToString(),
                ["claimId"] = AifPropositions.ClaimId(stance.ClaimNode).ToString(),
                ["speakerId"] = stance.Locution.Speaker.Id.ToString(),
                ["position"] = Word(stance.Position),
                ["quoteId"] = stance.Locution.Quote?.Id.ToString(),
                ["saidOn"] = stance.Locution.SaidOn?.ToString("yyyy-MM-dd"),
            }, stance.Origin);
        }
    }
}
