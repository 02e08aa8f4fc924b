using Claims.Api.Speakers;

namespace Claims.Api.Extraction;

/// <summary>A person or body of the article, built up from its mentions: the fullest name, titles, gender.</summary>
internal sealed class Entity(int index, SpeakerKind kind, string name)
{
    public int Index { get; } = index;
    public SpeakerKind Kind { get; set; } = kind;
    public string Name { get; set; } = name;
    public List<string> Titles { get; } = [];
    public Gender? Gender { get; set; }
    public int MaleVotes { get; set; }
    public int FemaleVotes { get; set; }
    public bool Certain { get; set; }
    public List<NameMention> NameMentions { get; } = [];
    /// <summary>Pronoun, title and label references resolved to it, as (start token, end token, kind).</summary>
    public List<(int First, int End, MentionKind Kind)> References { get; } = [];
    /// <summary>Other names of the same body: the acronym of "Train Drivers' Federation (TDF)".</summary>
    public List<string> Aliases { get; } = [];
    /// <summary>Where a spokesperson speaks for this body ("a spokeswoman for the airport"), and their gender if the word says.</summary>
    public List<(int Token, Gender? Gender)> Voices { get; } = [];
    public int QuoteCount { get; set; }
    public bool Candidate { get; set; }

    public ReadOnlySpan<char> Surname => Name.AsSpan(Name.LastIndexOf(' ') + 1);

    public ReadOnlySpan<char> Forename => Name.AsSpan(0, Math.Max(0, Name.IndexOf(' ')));

    public Gender? InferredGender => Gender ?? (MaleVotes > FemaleVotes ? Extraction.Gender.Male : FemaleVotes > MaleVotes ? Extraction.Gender.Female : null);

    public bool IsPerson => Kind == SpeakerKind.Person;
}
