using System.Globalization;

namespace Claims.Api.Arguments;

/// <summary>A node of an AIF nodeset: its id (global in AIFdb), type, text, and the ids of the nodes edges join it to.</summary>
sealed record MapNode(string Id, string Type, string Text)
{
    public List<string> In { get; } = [];
    public List<string> Out { get; } = [];

    public bool IsConnected => In.Count > 0 || Out.Count > 0;
}

/// <summary>One AIF nodeset as read from one input: its nodes in file order, the edges around each, and when each locution was said.</summary>
sealed class ArgumentMap(string name)
{
    readonly Dictionary<string, MapNode> byId = [];
    readonly Dictionary<string, DateOnly> saidOn = [];

    /// <summary>The input's name, "nodeset17919.json".</summary>
    public string Name { get; } = name;

    public List<MapNode> Nodes { get; } = [];

    /// <summary>Where a node is, as import notes name it: "nodeset17975.json node 515749".</summary>
    public string Origin(MapNode node) => $"{Name} node {node.Id}";

    public MapNode? Find(string id) => byId.GetValueOrDefault(id);

    public IEnumerable<MapNode> Into(MapNode node, string type) => Neighbours(node.In, type);

    public IEnumerable<MapNode> OutOf(MapNode node, string type) => Neighbours(node.Out, type);

    IEnumerable<MapNode> Neighbours(List<string> ids, string type) =>
        ids.Select(Find).Where(n => n is not null && n.Type == type).Select(n => n!);

    /// <summary>The date of a locution's <c>start</c> ("2020-05-21 23:00:09"), when its entry gives one.</summary>
    public DateOnly? SaidOn(MapNode locution) => saidOn.TryGetValue(locution.Id, out var date) ? date : null;

    public bool TryAdd(MapNode node)
    {
        if (!byId.TryAdd(node.Id, node)) return false;
        Nodes.Add(node);
        return true;
    }

    /// <summary>Joins two nodes. An edge with an end outside the nodeset stays on the end inside it, which then has a dangling neighbour.</summary>
    public void AddEdge(string from, string to)
    {
        Find(from)?.Out.Add(to);
        Find(to)?.In.Add(from);
    }

    public void AddLocution(string nodeId, string? start)
    {
        if (start is { Length: >= 10 } && DateOnly.TryParseExact(start[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            saidOn.TryAdd(nodeId, date);
    }
}
