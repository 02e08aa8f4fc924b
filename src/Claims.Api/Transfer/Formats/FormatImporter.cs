namespace Claims.Api.Transfer.Formats;

/// <summary>
/// Imports a format's inputs through the NDJSON import: the same checks, all-or-nothing transaction and report, with
/// errors named by the origins the format gave its records, the format's problems among them, and its skips reported.
/// </summary>
public static class FormatImporter
{
    /// <summary>What <c>--format</c> and <c>?format=</c> take when none is given: the export's own NDJSON.</summary>
    public const string Ndjson = "ndjson";

    /// <summary>Every name <c>--format</c> and <c>?format=</c> take.</summary>
    public static IReadOnlyList<string> Names { get; } = [Ndjson, .. ImportFormats.All.Select(f => f.Name)];

    public static string UnknownFormat(string name) => $"There is no format '{name}'; the formats are {string.Join(", ", Names)}.";

    public static Task<ImportResult> ImportAsync(NpgsqlDataSource db, IImportFormat format, IReadOnlyList<ImportInput> inputs,
        ILoggerFactory loggers, CancellationToken ct, ImportProgress? progress = null, ImportOptions? options = null)
    {
        progress ??= new();
        options ??= new();
        return NdjsonImporter.ImportAsync(db, new FormatSource(format.For(db, options), inputs, progress), progress, loggers, ct, options);
    }
}
