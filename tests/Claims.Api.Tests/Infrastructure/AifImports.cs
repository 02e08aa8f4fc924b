using System.IO.Pipelines;
using System.Net;
using System.Text;
using Claims.Api.Arguments;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>The tests' own AIF nodesets (Fixtures/aif), and importing them.</summary>
public static class AifImports
{
    public static ImportInput Fixture(string name) =>
        new(name, () => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "aif", name)));

    public static ImportInput Input(string name, byte[] content) => new(name, () => new MemoryStream(content));

    /// <summary>What the AIF format reads from <paramref name="inputs"/>, as one import would.</summary>
    public static async Task<(List<ImportRecord> Records, ImportNotes Notes)> ReadAsync(params ImportInput[] inputs)
    {
        var notes = new ImportNotes();
        var records = new List<ImportRecord>();
        await foreach (var record in new AifFormat().ReadAsync(inputs, notes, CancellationToken.None)) records.Add(record);
        return (records, notes);
    }

    /// <summary>Imports the inputs in one import; the report, and what the format skipped.</summary>
    public static async Task<(ImportReport Report, IReadOnlyList<ImportNote> Skipped)> ImportAifAsync(this HttpClient writer, params ImportInput[] inputs)
    {
        var (records, notes) = await ReadAsync(inputs);
        Assert.Empty(notes.Problems);
        var response = await writer.PostAsync("/v1/import", new StringContent(string.Join('\n', Lines(records)), Encoding.UTF8, "application/x-ndjson"));
        return (await response.ReadAsync<ImportReport>(HttpStatusCode.OK), notes.Skipped);
    }

    /// <summary>Records as the NDJSON import reads them.</summary>
    public static PipeReader Ndjson(IEnumerable<ImportRecord> records) =>
        PipeReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', Lines(records)))));

    static IEnumerable<string> Lines(IEnumerable<ImportRecord> records) =>
        records.Select(r => $$"""{"type":"{{r.Type}}","data":{{r.Data.ToJsonString()}}}""");
}
