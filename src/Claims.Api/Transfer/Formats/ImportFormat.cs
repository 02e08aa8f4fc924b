using System.Text.Json.Nodes;

namespace Claims.Api.Transfer.Formats;

/// <summary>One input of an import: a file of a folder, or a request's body.</summary>
public sealed record ImportInput(string Name, Func<Stream> Open);

/// <summary>
/// A record a format makes, in the NDJSON export's shape (<c>type</c> and camel-case <c>data</c>), and where in the
/// input it came from ("train.tsv:57", "nodeset17919.json node 511117"), which is what an error about it names. As in a
/// file, a field left out keeps what a stored row holds and a null clears it, so a format gives only what its input says.
/// </summary>
public sealed record ImportRecord(string Type, JsonObject Data, string Origin)
{
    /// <summary>The record of what the input gives: the nulls of <paramref name="data"/>, which it does not, are left out.</summary>
    public static ImportRecord Known(string type, JsonObject data, string origin)
    {
        foreach (var unknown in data.Where(field => field.Value is null).Select(field => field.Key).ToList()) data.Remove(unknown);
        return new(type, data, origin);
    }
}

/// <summary>Something a format found in its input, and where.</summary>
public sealed record ImportNote(string Origin, string Message);

/// <summary>
/// What a format found wrong with its input as it read it: a problem (a row with the wrong number of fields) fails the
/// import, which then writes nothing and reports every problem; a skip (an AIF conflict with no attacker) is reported
/// and the rest imports.
/// </summary>
public sealed class ImportNotes
{
    public List<ImportNote> Problems { get; } = [];
    public List<ImportNote> Skipped { get; } = [];

    public void Problem(string origin, string message) => Problems.Add(new(origin, message));

    public void Skip(string origin, string message) => Skipped.Add(new(origin, message));
}

/// <summary>
/// A format of the field's that imports as NDJSON records: the records go through the NDJSON import, so a format gets
/// its matching, checks, all-or-nothing transaction and report. Ids are stable (<see cref="StableIds"/>) so that
/// importing the same input again matches what the first import wrote. A format yields each record once per import,
/// even when several inputs share it. Records may come in any order of types: the import groups them (see
/// <see cref="RecordStaging"/>), though a type at a time it stages them in their order.
/// </summary>
public interface IImportFormat
{
    /// <summary>The name of <c>--format</c> and <c>?format=</c>.</summary>
    string Name { get; }

    /// <summary>Which files of a folder it reads ("*.tsv").</summary>
    string FilePattern { get; }

    IAsyncEnumerable<ImportRecord> ReadAsync(IReadOnlyList<ImportInput> inputs, ImportNotes notes, CancellationToken ct);

    /// <summary>
    /// The format as one import reads with it. Most read their input alone; one that matches what it reads against the
    /// stored data (articles: speakers, sources, quotes already stored) reads with the database and the import's options.
    /// </summary>
    IImportFormat For(NpgsqlDataSource db, ImportOptions options) => this;
}

/// <summary>The formats <c>--format</c> and <c>?format=</c> name, besides the export's own NDJSON.</summary>
public static class ImportFormats
{
    public static IReadOnlyList<IImportFormat> All { get; } =
        [new Arguments.AifFormat(), new Articles.ArticlesFormat(), new FactCheck.FactCheckFormat(), new Liar.LiarFormat(), new Vclaim.VclaimFormat()];

    public static IImportFormat? Find(string name) => All.FirstOrDefault(f => f.Name == name);
}
