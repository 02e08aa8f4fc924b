using System.Runtime.CompilerServices;

namespace Claims.Api.Transfer.Formats.Vclaim;

/// <summary>
/// The verified claims ("vclaims") of CLEF CheckThat! Task 2B: PolitiFact fact-checks, one JSON object a file
/// (<c>vclaim-pol-00375.json</c>), or many in one JSON array, as a request's body carries a whole pool. Each becomes a
/// claim, asserted by its speaker (when and where it was stated) and reviewed by PolitiFact (the article's title, URL,
/// date, verdict and text). Speakers come once every input has been read, so a speaker's spelling is chosen over all
/// its claims (<see cref="VclaimRecords"/>). A vclaim that is not well formed is a problem naming it: "pool.json[17]".
/// </summary>
public sealed class VclaimFormat : IImportFormat
{
    public const string FormatName = "vclaim";

    public string Name => FormatName;

    public string FilePattern => "*.json";

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        IReadOnlyList<ImportInput> inputs, ImportNotes notes, [EnumeratorCancellation] CancellationToken ct)
    {
        var records = new VclaimRecords();
        foreach (var input in inputs)
        {
            await using var stream = input.Open();
            await foreach (var item in JsonArrayItems.ReadAsync(stream, null, VclaimJsonContext.Default.VclaimFile, ct))
            {
                var origin = item.Index is { } index ? $"{input.Name}[{index}]" : input.Name;
                if (item.Problem is not null) notes.Problem(origin, item.Problem);
                else if (item.Value!.Problem() is { } problem) notes.Problem(origin, problem);
                else
                    foreach (var record in records.Add(item.Value, origin))
                        yield return record;
            }
        }
        foreach (var record in records.Speakers()) yield return record;
    }
}
