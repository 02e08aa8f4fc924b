using System.Text.Json;
using Claims.Api.Infrastructure.Json;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Arguments;

/// <summary>
/// Reads one input as an AIF nodeset, <c>{"nodes": […], "edges": […], "locutions": […]}</c>. Input that is not one
/// (not JSON, another shape) is a problem, which fails the import; an entry that cannot be read is skipped, with a note.
/// Ids may be strings or numbers. A node's <c>text</c> names its scheme; <c>scheme</c> stands in only where text is missing.
/// </summary>
static class ArgumentMapReader
{
    const string Shape = """an AIF nodeset is one JSON object {"nodes": [...], "edges": [...], "locutions": [...]}""";

    public static async Task<ArgumentMap?> ReadAsync(ImportInput input, ImportNotes notes, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            await using var stream = input.Open();
            document = await JsonDocument.ParseAsync(stream, DuplicateKeys.Refused, ct);
        }
        catch (JsonException e)
        {
            notes.Problem(input.Name, DuplicateKeys.Of(e) is { } key ? DuplicateKeys.Problem(key)
                : $"This is not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}), and {Shape}.");
            return null;
        }
        // Keys are read as they are parsed, to refuse one given twice: a key that is not valid Unicode surfaces here.
        catch (InvalidOperationException)
        {
            notes.Problem(input.Name, $"A key is not valid Unicode text (half of a surrogate pair, or bytes that are not UTF-8), and {Shape}.");
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (!(root.ValueKind == JsonValueKind.Object && IsArray(root, "nodes", out var nodes) && IsArray(root, "edges", out var edges)
                  && (IsArray(root, "locutions", out var locutions) || !root.TryGetProperty("locutions", out _))))
            {
                notes.Problem(input.Name, $"This is not an AIF nodeset: {Shape}.");
                return null;
            }
            var map = new ArgumentMap(input.Name);
            ReadNodes(map, nodes, notes);
            ReadEdges(map, edges, notes);
            if (locutions.ValueKind == JsonValueKind.Array) ReadLocutions(map, locutions, notes);
            return map;
        }
    }

    static void ReadNodes(ArgumentMap map, JsonElement nodes, ImportNotes notes)
    {
        var index = 0;
        foreach (var element in nodes.EnumerateArray())
        {
            var origin = $"{map.Name} nodes[{index++}]";
            if (Id(element, "nodeID") is not { } id || Text(element, "type") is not { Length: > 0 } type)
            {
                notes.Skip(origin, "A node needs a nodeID and a type.");
                continue;
            }
            var written = Text(element, "text");
            var text = written is { Length: > 0 } ? written : Text(element, "scheme") ?? "";
            var node = new MapNode(id, type.ToUpperInvariant(), text);
            if (written is null && element.TryGetProperty("text", out var unreadable) && unreadable.ValueKind == JsonValueKind.String)
                notes.Skip(map.Origin(node), "The node's text is not valid Unicode.");
            else if (text.Contains('\0')) notes.Skip(map.Origin(node), "The node's text holds a NUL character.");
            else if (!map.TryAdd(node) && map.Find(id) is { } first && (first.Type, first.Text) != (node.Type, node.Text))
                notes.Skip(origin, $"Node {id} appears twice with different content; the first is kept.");
        }
    }

    static void ReadEdges(ArgumentMap map, JsonElement edges, ImportNotes notes)
    {
        var seen = new HashSet<(string, string)>();
        var index = 0;
        foreach (var element in edges.EnumerateArray())
        {
            var origin = $"{map.Name} edges[{index++}]";
            if (Id(element, "fromID") is not { } from || Id(element, "toID") is not { } to)
                notes.Skip(origin, "An edge needs a fromID and a toID.");
            else if (seen.Add((from, to)))
                map.AddEdge(from, to);
        }
    }

    static void ReadLocutions(ArgumentMap map, JsonElement locutions, ImportNotes notes)
    {
        var index = 0;
        foreach (var element in locutions.EnumerateArray())
        {
            var origin = $"{map.Name} locutions[{index++}]";
            if (Id(element, "nodeID") is { } id) map.AddLocution(id, Text(element, "start"));
            else notes.Skip(origin, "A locution needs the nodeID of its L node.");
        }
    }

    static bool IsArray(JsonElement root, string name, out JsonElement array) =>
        root.TryGetProperty(name, out array) && array.ValueKind == JsonValueKind.Array;

    static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? Unicode(value)
            : null;

    // Invalid UTF-8, or an escaped surrogate without its pair, cannot be a string: it reads as missing.
    static string? Unicode(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // AIFdb writes ids as strings of digits; other tools write numbers.
    static string? Id(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String when Unicode(value) is { Length: > 0 } id => id,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
