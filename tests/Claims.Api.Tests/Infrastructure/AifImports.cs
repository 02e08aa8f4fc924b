using System.Net;
using System.Net.Http.Headers;
using Claims.Api.Arguments;
using Claims.Api.Transfer;
using Claims.Api.Transfer.Formats;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>The tests' own AIF nodesets (Fixtures/aif; what is not a nodeset in Fixtures/aif/broken), and importing them.</summary>
public static class AifImports
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "aif");

    public static ImportInput Fixture(string name) => new(name, () => File.OpenRead(Path.Combine(Folder, name)));

    public static ImportInput Input(string name, byte[] content) => new(name, () => new MemoryStream(content));

    /// <summary>What the AIF format reads from <paramref name="inputs"/>, as one import would.</summary>
    public static async Task<(List<ImportRecord> Records, ImportNotes Notes)> ReadAsync(params ImportInput[] inputs)
    {
        var notes = new ImportNotes();
        var records = new List<ImportRecord>();
        await foreach (var record in new AifFormat().ReadAsync(inputs, notes, CancellationToken.None)) records.Add(record);
        return (records, notes);
    }

    /// <summary><c>POST /v1/import?format=aif</c> with the fixture as the body.</summary>
    public static async Task<HttpResponseMessage> PostAifAsync(this HttpClient writer, string fixture)
    {
        var body = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Folder, fixture)));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await writer.PostAsync("/v1/import?format=aif", body);
    }

    public static async Task<ImportReport> ImportAifAsync(this HttpClient writer, string fixture) =>
        await (await writer.PostAifAsync(fixture)).ReadAsync<ImportReport>(HttpStatusCode.OK);

    /// <summary>The fixtures' folder in one import, as <c>import --format aif FOLDER</c> does.</summary>
    public static async Task<ImportReport> ImportAifFolderAsync(string connectionString)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var result = await FormatImporter.ImportAsync(db, new AifFormat(), TransferCommands.InputsOf(Folder, "*.json")!, NullLoggerFactory.Instance, CancellationToken.None);
        Assert.Empty(result.Errors);
        return result.Report!;
    }
}
