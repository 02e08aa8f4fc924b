using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>NDJSON files as the export writes them and the import reads them.</summary>
public static class Ndjson
{
    public sealed record ExportedRecord(string Type, JsonObject Data);

    public static List<ExportedRecord> Parse(byte[] ndjson) => Encoding.UTF8.GetString(ndjson)
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => JsonNode.Parse(line)!.AsObject())
        .Select(o => new ExportedRecord((string)o["type"]!, o["data"]!.AsObject()))
        .ToList();

    /// <summary>One line of a file: <c>{"type": …, "data": …}</c>.</summary>
    public static string Record(string type, object data) => JsonSerializer.Serialize(new { type, data }, Http.Json);

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, params string[] lines) =>
        client.PostAsync("/v1/import", new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson"));
}
