using Claims.Api.Speakers;

namespace Claims.Api.Extraction;

/// <summary>
/// A name in the reporter's text, with the titles written around it: tokens [First, End) hold the titles before the
/// name and the name [NameFirst, End); an appositive title (", NATO's secretary general,") runs to AppositiveEnd.
/// </summary>
internal sealed class NameMention
{
    public required int First { get; init; }
    public required int NameFirst { get; init; }
    public required int End { get; init; }
    public int AppositiveEnd { get; set; }
    /// <summary>A title opens the sentence before the name: "The mayor of Lyon, Camille Ferrand, said".</summary>
    public bool TitledBefore { get; set; }
    public required string Name { get; init; }
    public required SpeakerKind Kind { get; set; }
    /// <summary>The name is surely a person's or a body's: a forename, a title, an honorific, a known organisation.</summary>
    public required bool Certain { get; init; }
    public List<string> Titles { get; } = [];
    public Gender? Gender { get; set; }
    public Entity? Entity { get; set; }

    public int NameWordCount => Name.Count(c => c == ' ') + 1;
}
