namespace Claims.Api.Transfer;

/// <summary>What an import did with the file's records of one type.</summary>
public sealed record ImportCounts(long Created, long Updated, long Unchanged);

/// <summary>Mentions the import linked or unlinked itself, as writing those quotes, claims and entities would have.</summary>
public sealed record AutoMentions(long Linked, long Unlinked);

/// <summary>The answer to an import: for each type of record, how many were created, updated or left as they were.</summary>
public sealed record ImportReport(
    ImportCounts Speaker, ImportCounts Source, ImportCounts Entity, ImportCounts Claim, ImportCounts Quote,
    ImportCounts Stance, ImportCounts ClaimLink, ImportCounts Mention, AutoMentions AutoMentions);

/// <summary>What is wrong with one line of a refused file (lines count from 1).</summary>
public sealed record ImportError(int Line, string Message);

/// <summary>An import's outcome: its report, or the file's errors, in line order, the first <see cref="NdjsonImporter.MaxErrors"/> of <c>ErrorCount</c>.</summary>
public sealed record ImportResult(ImportReport? Report, IReadOnlyList<ImportError> Errors, long ErrorCount)
{
    public string Summary => $"{ErrorCount} error(s) in the file; nothing was imported."
        + (ErrorCount > Errors.Count ? $" The first {Errors.Count} are listed." : "");
}
