using System.Runtime.CompilerServices;

namespace Claims.Api.Transfer.Formats.FactCheck;

/// <summary>
/// Google's Fact Check Tools JSON: an answer of <c>claims:search</c> (<c>{"claims": […], "nextPageToken": "…"}</c>) or
/// a bare array of its claims, as saved pages are often concatenated. Items stream in one at a time; the records come
/// out once every input has been read, because the feed repeats a claim across pages and queries and a record is made
/// once from all its repeats (<see cref="FactCheckRecords"/>). A claim that is not well formed (no text, a review with
/// no URL, a date that is not a date) is a problem naming it: "claims.json claims[17]".
/// </summary>
public sealed class FactCheckFormat : IImportFormat
{
    public string Name => "factcheck";

    public string FilePattern => "*.json";

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        IReadOnlyList<ImportInput> inputs, ImportNotes notes, [EnumeratorCancellation] CancellationToken ct)
    {
        var records = new FactCheckRecords();
        var problems = new List<string>();
        foreach (var input in inputs)
        {
            await using var stream = input.Open();
            await foreach (var item in JsonArrayItems.ReadAsync(stream, "claims", FeedJsonContext.Default.FeedClaim, ct))
            {
                var origin = item.Index is { } index ? $"{input.Name} claims[{index}]" : input.Name;
                problems.Clear();
                if (item.Problem is not null) problems.Add(item.Problem);
                else if (FeedReader.Check(item.Value!, problems) is { } claim) records.Add(claim, origin, notes);
                foreach (var problem in problems) notes.Problem(origin, problem);
            }
        }
        foreach (var record in records.Records(notes)) yield return record;
    }
}
