using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Tests.Infrastructure;

/// <summary>
/// A small format of the tests' own, as a field format would be written: rows of "speaker slug | speaker name | claim
/// slug | claim text", each a speaker (once per import), a claim and the speaker's stance asserting it. A row without
/// four fields is a problem, a row without a claim text is skipped, and a row "!" is input the format cannot read.
/// </summary>
public sealed class RowsFormat : IImportFormat
{
    public string Name => "rows";

    public string FilePattern => "*.rows";

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        IReadOnlyList<ImportInput> inputs, ImportNotes notes, [EnumeratorCancellation] CancellationToken ct)
    {
        var speakers = new HashSet<string>();
        foreach (var input in inputs)
        {
            using var reader = new StreamReader(input.Open());
            var number = 0;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var origin = $"{input.Name}:{++number}";
                if (line == "!") throw new InvalidDataException("The row is unreadable.");
                var fields = line.Split('|');
                if (fields.Length != 4)
                {
                    notes.Problem(origin, $"A row has 4 fields; this one has {fields.Length}.");
                    continue;
                }
                var (speakerSlug, speakerName, claimSlug, claimText) = (fields[0], fields[1], fields[2], fields[3]);
                if (claimText.Length == 0)
                {
                    notes.Skip(origin, "The row has no claim.");
                    continue;
                }
                var speaker = StableIds.For(Name, "speaker", speakerSlug);
                var claim = StableIds.For(Name, "claim", claimText);
                if (speakers.Add(speakerSlug))
                    yield return new("speaker", new JsonObject { ["id"] = speaker, ["slug"] = speakerSlug, ["name"] = speakerName }, origin);
                yield return new("claim", new JsonObject { ["id"] = claim, ["slug"] = claimSlug, ["text"] = claimText }, origin);
                yield return new("stance", new JsonObject
                {
                    ["id"] = StableIds.For(Name, "stance", $"{speakerSlug}/{claimText}"),
                    ["claimId"] = claim, ["speakerId"] = speaker, ["position"] = "asserts",
                }, origin);
            }
        }
    }
}
