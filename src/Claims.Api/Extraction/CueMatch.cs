namespace Claims.Api.Extraction;

internal enum SubjectKind { Name, Title, Pronoun, Label, None }

/// <summary>Who a cue names as speaking: tokens [First, End) of a name, a title ("the minister") or a pronoun.</summary>
internal sealed record Subject(SubjectKind Kind, int First, int End, NameMention? Name = null, int Head = -1)
{
    /// <summary>"a spokesman", "an official": somebody, not anybody the article has named.</summary>
    public bool Indefinite { get; init; }

    /// <summary>Where the whole phrase begins when the subject is the body in it: "a spokeswoman for the airport".</summary>
    public int Outer { get; init; } = -1;

    public int Start => Outer >= 0 ? Outer : First;
}

/// <summary>
/// A reporting cue in a sentence: the cue's words [First, End) ("said", "told reporters", "according to"), its
/// subject, whether the subject follows the verb ("said Stoltenberg"), and where a reported clause would start.
/// </summary>
internal sealed class CueMatch
{
    public required int Sentence { get; init; }
    public required int First { get; init; }
    public required int End { get; init; }
    public required CueTraits Traits { get; init; }
    public Subject? Subject { get; set; }
    public bool Inverted { get; init; }
    /// <summary>The subject is another cue's: ", adding that …", "… but said that …".</summary>
    public bool SharesSubject { get; set; }
    public bool AccordingTo { get; init; }
    public bool Colon { get; init; }
    /// <summary>The token after the cue, its object and adverbials: where "that" or the reported clause begins.</summary>
    public int ComplementStart { get; set; }
    public bool HasThat { get; set; }
    /// <summary>Who the subject is, resolved once in reading order so later pronouns see it.</summary>
    public Resolution Resolution { get; set; } = new(null, [], Attribution.None, 0);

    /// <summary>The first token of the cue with its subject, when the subject comes first.</summary>
    public int Leftmost => Subject is { } s && !Inverted && !AccordingTo && !SharesSubject && s.Start < First ? s.Start : First;

    /// <summary>The token after the cue with its subject, when the subject follows.</summary>
    public int Rightmost => Subject is { } s && (Inverted || AccordingTo) && s.End > End ? Math.Max(s.End, s.Name?.AppositiveEnd ?? 0) : End;
}
