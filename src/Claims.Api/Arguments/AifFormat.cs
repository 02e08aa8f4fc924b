using System.Runtime.CompilerServices;
using Claims.Api.Transfer.Formats;

namespace Claims.Api.Arguments;

/// <summary>
/// AIF argument maps, as AIFdb serves its nodesets (<c>{"nodes", "edges", "locutions"}</c>): I nodes become claims, RA
/// supports, CA counter-claims, MA the same statement, L nodes quotes of their speakers (each in a source of its own), and
/// YA illocutions stances. Every id is stable, from AIFdb's global node ids, so nodesets that share nodes import them
/// once, and again without change. See the README's "AIF" section for the whole mapping.
/// </summary>
public sealed class AifFormat : IImportFormat
{
    public string Name => "aif";

    public string FilePattern => "*.json";

    public async IAsyncEnumerable<ImportRecord> ReadAsync(
        IReadOnlyList<ImportInput> inputs, ImportNotes notes, [EnumeratorCancellation] CancellationToken ct)
    {
        var locutions = new AifLocutions();
        var propositions = new AifPropositions();
        var stances = new AifStances();
        var statements = new AifStatements();
        foreach (var input in inputs)
        {
            if (await ArgumentMapReader.ReadAsync(input, notes, ct) is not { } map) continue;
            locutions.Add(map, notes);
            propositions.Add(map, notes);
            stances.Add(map, locutions, propositions, notes);
            statements.Add(map, locutions, notes);
        }

        var records = locutions.SpeakerRecords().Concat(locutions.SourceRecords()).Concat(propositions.ClaimRecords())
            .Concat(locutions.QuoteRecords(statements)).Concat(stances.StanceRecords(notes)).Concat(propositions.LinkRecords());
        foreach (var record in records) yield return record;
    }
}
