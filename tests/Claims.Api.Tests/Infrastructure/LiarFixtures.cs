using Claims.Api.Transfer.Formats;
using Claims.Api.Transfer.Formats.Liar;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>The LIAR files of Fixtures/liar (see its README for what each row is there for), read through the format.</summary>
public static class LiarFixtures
{
    public static readonly string[] AllFiles = ["train.tsv", "valid.tsv", "test.tsv"];

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "liar");

    public static string PathOf(string file) => Path.Combine(Folder, file);

    public static ImportInput Input(string file) => new(Path.GetFileName(file), () => File.OpenRead(PathOf(file)));

    public static ImportInput Text(string name, string tsv) => new(name, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(tsv)));

    public static Task<(List<ImportRecord> Records, ImportNotes Notes)> ReadAsync(params string[] files) =>
        ReadAsync(files.Select(Input).ToArray());

    public static async Task<(List<ImportRecord> Records, ImportNotes Notes)> ReadAsync(params ImportInput[] inputs)
    {
        var notes = new ImportNotes();
        var records = new List<ImportRecord>();
        await foreach (var record in new LiarFormat().ReadAsync(inputs, notes, CancellationToken.None)) records.Add(record);
        return (records, notes);
    }
}
