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
    public int QuoteCount { get; set; }
    public bool Candidate { get; set; }

    public string Surname => LastWord(Name);

    public Gender? InferredGender => Gender ?? (MaleVotes > FemaleVotes ? Extraction.Gender.Male : FemaleVotes > MaleVotes ? Extraction.Gender.Female : null);

    public bool IsPerson => Kind == SpeakerKind.Person;

    public static string LastWord(string name)
    {
        var space = name.LastIndexOf(' ');
        return space < 0 ? name : name[(space + 1)..];
    }
}
