namespace Claims.Api.Transfer;

/// <summary>
/// How an import goes about its work, from the configuration's <c>Import</c> section; and, for the <c>articles</c>
/// format, the confidence below which extracted quotes are left out (<c>--min-confidence</c>, <c>?minConfidence=</c>).
/// </summary>
public sealed record ImportOptions(long BulkThreshold = ImportOptions.DefaultBulkThreshold, double? MinConfidence = null)
{
    /// <summary>
    /// Below this many rows for a table, an import maintains its indexes as it inserts rather than taking the locks that
    /// rebuilding them needs (see <see cref="BulkLoad"/>).
    /// </summary>
    public const long DefaultBulkThreshold = 10_000;

    public static ImportOptions From(IConfiguration configuration) =>
        new(configuration.GetValue("Import:BulkThreshold", DefaultBulkThreshold));
}
