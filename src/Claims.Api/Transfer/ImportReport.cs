using Claims.Api.Transfer.Formats;

namespace Claims.Api.Transfer;

/// <summary>What an import did with the input's records of one type.</summary>
public sealed record ImportCounts(long Created, long Updated, long Unchanged);

/// <summary>Mentions the import linked or unlinked itself, as writing those quotes, claims and entities would have.</summary>
public sealed record AutoMentions(long Linked, long Unlinked);

/// <summary>
/// The answer to an import: for each type of record, how many were created, updated or left as they were; and what a
/// format skipped, the first <see cref="NdjsonImporter.MaxSkipped"/> of <c>SkippedCount</c>.
/// </summary>
public sealed record ImportReport(
    ImportCounts Speaker, ImportCounts Source, ImportCounts Entity, ImportCounts Claim, ImportCounts Review, ImportCounts Quote,
    ImportCounts Stance, ImportCounts ClaimLink, ImportCounts Mention, AutoMentions AutoMentions)
{
    public IReadOnlyList<ImportNote> Skipped { get; init; } = [];
    public long SkippedCount { get; init; }
}

/// <summary>What is wrong with a refused input, and where: "line 3" of an NDJSON file, or a format's origin ("train.tsv:57").</summary>
public sealed record ImportError(string At, string Message);

/// <summary>An import's outcome: its report, or the input's errors in input order, the first <see cref="NdjsonImporter.MaxErrors"/> of <c>ErrorCount</c>.</summary>
public sealed record ImportResult(ImportReport? Report, IReadOnlyList<ImportError> Errors, long ErrorCount)
{
    public string Summary => $"{ErrorCount} error(s) in the input; nothing was imported."
        + (ErrorCount > Errors.Count ? $" The first {Errors.Count} are listed." : "");
}
