using System.Text.Json.Nodes;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Arguments;

sealed record AifSpeaker(Guid Id, string Slug, string Name, string Origin);

/// <summary>A quote read from an L node: its words, and where they start in the node's text (in code points).</summary>
sealed record AifQuote(Guid Id, string Text, int Start, bool Reported);

/// <summary>
/// A speaker's move: an L node naming its speaker, when it was said (its locution's <c>start</c>), and the quote of its
/// words (none when the words are empty).
/// </summary>
sealed record AifLocution(string NodeId, string Text, AifSpeaker Speaker, DateOnly? SaidOn, AifQuote? Quote, string Origin)
{
    public Guid SourceId => StableIds.For("aif", "source", NodeId);
}

/// <summary>
/// Who said what, from the L nodes: each speaker once (by slug), and each locution once (by node id, global in AIFdb) as
/// a quote of its speaker in a source of its own: the L node as AIFdb keeps it, its text the source's body, the quote's
/// span the words after "Speaker Name : ". Not a source per nodeset: nodesets share locutions, and a shared one must be
/// the same quote in the same source whichever nodesets an import holds. Isolated L nodes are skipped: in AIFdb they
/// are annotators' copies ("Hyewon: Chris Philp : …") of connected ones.
/// </summary>
sealed class AifLocutions
{
    readonly Dictionary<string, AifSpeaker> speakers = [];
    readonly Dictionary<string, AifLocution?> locutions = [];

    public AifLocution? Find(string nodeId) => locutions.GetValueOrDefault(nodeId);

    public void Add(ArgumentMap map, ImportNotes notes)
    {
        foreach (var node in map.Nodes.Where(n => n.Type == AifVocabulary.L && n.IsConnected && !locutions.ContainsKey(n.Id)))
            locutions[node.Id] = Read(map, node, notes);
        var isolated = map.Nodes.Count(n => n.Type == AifVocabulary.L && !n.IsConnected);
        if (isolated > 0)
            notes.Skip(map.Name, $"{isolated} isolated L node(s), with no edges: annotators' copies of connected locutions.");
    }

    AifLocution? Read(ArgumentMap map, MapNode node, ImportNotes notes)
    {
        var origin = map.Origin(node);
        if (!AifVocabulary.TryReadLocution(node.Text, out var name, out var textStart))
        {
            notes.Skip(origin, "The locution names no speaker: 'Speaker Name : what they said' is expected.");
            return null;
        }
        var slug = Slugs.Slugify(name);
        if (!speakers.TryGetValue(slug, out var speaker))
            speakers[slug] = speaker = new AifSpeaker(StableIds.For("aif", "speaker", slug), slug, name, origin);
        var words = node.Text[textStart..].TrimEnd();
        // Reported speech: another locution's illocution points at this one ("As James said, …" → "James Graham : …").
        var reported = map.Into(node, AifVocabulary.YA).Any(ya => map.Into(ya, AifVocabulary.L).Any());
        var quote = words.Length == 0 ? null : new AifQuote(
            StableIds.For("aif", "quote", node.Id), words, CodePoints(node.Text.AsSpan(0, textStart)), reported);
        return new AifLocution(node.Id, node.Text, speaker, map.SaidOn(node), quote, origin);
    }

    public IEnumerable<ImportRecord> SpeakerRecords() => speakers.Values.Select(s => new ImportRecord(RecordTypes.Speaker.Name,
        new JsonObject { ["id"] = s.Id.ToString(), ["slug"] = s.Slug, ["name"] = s.Name }, s.Origin));

    IEnumerable<AifLocution> Quoted => locutions.Values.OfType<AifLocution>().Where(l => l.Quote is not null);

    public IEnumerable<ImportRecord> SourceRecords() => Quoted.Select(l => ImportRecord.Known(RecordTypes.Source.Name, new JsonObject
    {
        ["id"] = l.SourceId.ToString(),
        ["url"] = SourceUrl(l.NodeId),
        ["title"] = $"AIF locution {l.NodeId}",
        ["publisher"] = IsAifdbId(l.NodeId) ? "AIFdb" : null,
        ["publishedOn"] = l.SaidOn?.ToString("yyyy-MM-dd"),
        ["body"] = l.Text,
    }, l.Origin));

    public IEnumerable<ImportRecord> QuoteRecords(AifStatements statements) => Quoted.Select(l =>
    {
        var quote = l.Quote!;
        var statement = statements.Of(l.NodeId);
        return ImportRecord.Known(RecordTypes.Quote.Name, new JsonObject
        {
            ["id"] = quote.Id.ToString(),
            ["speakerId"] = l.Speaker.Id.ToString(),
            ["sourceId"] = l.SourceId.ToString(),
            ["kind"] = quote.Reported ? "paraphrase" : "direct",
            ["text"] = quote.Text,
            ["saidOn"] = l.SaidOn?.ToString("yyyy-MM-dd"),
            ["span"] = new JsonObject { ["start"] = quote.Start, ["end"] = quote.Start + CodePoints(quote.Text) },
            // Given when ungrouped too: the import decides the statements of the locutions it holds.
            ["statementId"] = (statement ?? quote.Id).ToString(),
            ["statementPinned"] = statement is not null,
        }, l.Origin);
    });

    /// <summary>
    /// AIFdb's URI of the node (its web service answers <c>GET /nodes/{id}</c>, and its RDF names nodes so). Ids that are
    /// not AIFdb's numbers, such as the UUIDs of this API's own AIF, get a URL under the reserved .invalid domain (RFC 2606).
    /// </summary>
    static string SourceUrl(string nodeId) =>
        IsAifdbId(nodeId) ? $"http://www.aifdb.org/nodes/{nodeId}" : $"https://aif.invalid/nodes/{Uri.EscapeDataString(nodeId)}";

    static bool IsAifdbId(string nodeId) => nodeId.All(char.IsAsciiDigit);

    /// <summary>Spans count Unicode code points: a character outside the BMP is one, though two UTF-16 chars.</summary>
    static int CodePoints(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        foreach (var c in text)
            if (char.IsLowSurrogate(c)) count--;
        return count;
    }
}
