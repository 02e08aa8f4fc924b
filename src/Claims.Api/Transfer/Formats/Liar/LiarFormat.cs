using System.Runtime.CompilerServices;

namespace Claims.Api.Transfer.Formats.Liar;

/// <summary>
/// LIAR (Wang, ACL 2017): PolitiFact statements in three TSVs. Each statement becomes a claim, asserted by its speaker
/// (with the context as where it was said) and reviewed by PolitiFact (the label); speakers come once each.
/// </summary>
public sealed class LiarFormat : IImportFormat
{
    public const string FormatName = "liar";

    public string Name => FormatName;

    public string FilePattern => "*.tsv";

    /// <summary>
    /// Reads every input before yielding, because a speaker's fields come from all its statements. The records come a
    /// type at a time, in the export's order (speakers by slug, then claims, reviews and stances by statement number,
    /// whatever the order of the files), which the import stages in that order, no type's records waiting on another's
    /// (see <see cref="RecordStaging"/>).
    /// </summary>
    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        IReadOnlyList<ImportInput> inputs, ImportNotes notes, [EnumeratorCancellation] CancellationToken ct)
    {
        var statements = new SortedDictionary<long, LiarRow>();
        foreach (var input in inputs)
        {
            await foreach (var row in LiarRow.ReadAsync(input, notes, ct))
            {
                if (!statements.TryGetValue(row.Number, out var first)) statements.Add(row.Number, row);
                else if (first.Line == row.Line) notes.Skip(row.Origin, $"Statement {row.Number} is the same as at {first.Origin}, so it is imported once.");
                else notes.Problem(row.Origin, $"Statement {row.Number} is also at {first.Origin}, with other fields.");
            }
        }

        var rows = statements.Values.ToList();
        foreach (var speaker in LiarSpeaker.Of(rows)) yield return LiarRecords.Speaker(speaker);
        foreach (var row in rows) yield return LiarRecords.Claim(row);
        foreach (var row in rows)
        {
            if (row.Label is null) notes.Skip(row.Origin, "The label (field 2) is empty, so the statement has no PolitiFact review.");
            else yield return LiarRecords.Review(row);
        }
        foreach (var row in rows) yield return LiarRecords.Stance(row);
    }
}
