using Claims.Api.Claims;

namespace Claims.Api.Arguments;

/// <summary>
/// The words of AIF (the Argument Interchange Format) and of Inference Anchoring Theory that this knowledge base reads
/// and writes: node types, the schemes of relation nodes and illocutions, and how a locution names its speaker.
/// </summary>
public static class AifVocabulary
{
    public const string MediaType = "application/vnd.aif+json";

    /// <summary>Node types: I a proposition, L a locution, RA support, CA conflict, MA rephrase, YA illocution, TA transition.</summary>
    public const string I = "I", L = "L", RA = "RA", CA = "CA", MA = "MA", YA = "YA", TA = "TA";

    public const string Inference = "Default Inference", Conflict = "Default Conflict";
    public const string Asserting = "Asserting", Disagreeing = "Disagreeing";

    /// <summary>
    /// The position an illocution takes on the proposition it anchors. Asserting, and the assertions that come as
    /// agreeing, arguing or restating, assert it; disagreeing disputes it. Questions (pure, assertive, rhetorical),
    /// challenges, analysing and the unspecified "Default Illocuting" commit the speaker to nothing, so they are none.
    /// Matched on the name in any case and spacing, since files write both "Pure Questioning" and "PureQuestioning".
    /// </summary>
    public static StancePosition? PositionOf(string illocution) => Compact(illocution) switch
    {
        "asserting" or "agreeing" or "arguing" or "restating" => StancePosition.Asserts,
        "disagreeing" => StancePosition.Disputes,
        _ => null,
    };

    public static string IllocutionOf(StancePosition position) => position == StancePosition.Asserts ? Asserting : Disagreeing;

    static string Compact(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    /// <summary>Node ids in order: AIFdb's are numbers written as strings, so a shorter one is less.</summary>
    public static IComparer<string> NodeIdOrder { get; } =
        Comparer<string>.Create((a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));

    /// <summary>A locution's text as AIFdb writes it: "Speaker Name : what they said".</summary>
    public static string LocutionText(string speaker, string text) => $"{speaker} : {text}";

    /// <summary>
    /// Reads "Speaker Name : what they said" into the speaker and where the words start (after any spaces); false when
    /// no speaker is named. An annotator's name before the speaker's ("Hyewon: Chris Philp : …") is dropped. Without
    /// " : ", a "Name: words" or "Name :words" form counts when the name starts with a capital letter and is a short
    /// run of words, so that "the advice is: stay home" is not read as said by "the advice is".
    /// </summary>
    public static bool TryReadLocution(string locution, out string speaker, out int textStart)
    {
        var separator = locution.IndexOf(" : ", StringComparison.Ordinal);
        string head;
        if (separator >= 0)
        {
            head = locution[..separator];
            var annotator = head.LastIndexOf(": ", StringComparison.Ordinal);
            if (annotator >= 0) head = head[(annotator + 2)..];
            textStart = separator + 3;
        }
        else
        {
            separator = locution.IndexOf(':');
            head = separator > 0 ? locution[..separator] : "";
            textStart = separator + 1;
            if (!LooksLikeName(head.Trim())) head = "";
        }
        speaker = string.Join(' ', head.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        while (textStart < locution.Length && char.IsWhiteSpace(locution[textStart])) textStart++;
        return speaker.Length > 0;
    }

    const int MaxNameWords = 6;

    static bool LooksLikeName(string head) =>
        head.Length > 0 && (char.IsUpper(head[0]) || char.IsDigit(head[0])) && head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxNameWords;
}
