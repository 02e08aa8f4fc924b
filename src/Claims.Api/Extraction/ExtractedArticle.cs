using Claims.Api.Quotes;
using Claims.Api.Speakers;

namespace Claims.Api.Extraction;

/// <summary>
/// What the extractor finds in an article's text: the people and organisations it names, every quotation (direct
/// quotes and reported speech), and what it could not read cleanly. Spans are Unicode code points into the text, end
/// exclusive, the convention of stored quotes (see docs/extraction.md).
/// </summary>
public sealed record ExtractedArticle(
    IReadOnlyList<ExtractedSpeaker> Speakers,
    IReadOnlyList<ExtractedQuote> Quotes,
    IReadOnlyList<ExtractionWarning> Warnings);

/// <summary>
/// A person or organisation of the article. <c>Name</c> is the fullest name the article gives ("Jens Stoltenberg",
/// "Russian Ministry of Defence"); <c>Titles</c> the roles written around it ("NATO Secretary General").
/// </summary>
public sealed record ExtractedSpeaker(
    int Id, string Name, SpeakerKind Kind, IReadOnlyList<string> Titles, Gender? Gender, IReadOnlyList<SpeakerMention> Mentions);

public enum Gender { Female, Male }

/// <summary>One place the article refers to a speaker, and how: by name, title, pronoun or interview label.</summary>
public sealed record SpeakerMention(Span Span, string Text, MentionKind Kind);

public enum MentionKind { Name, Title, Pronoun, Label }

/// <summary>
/// A quotation. <c>Speaker</c> is the <see cref="ExtractedSpeaker.Id"/> it is attributed to, or null when the article
/// does not say who, with the likeliest <c>Candidates</c> ranked; never a guess presented as an answer. Spans of one
/// utterance ("“…,” he said, “…”") share a <c>Group</c>.
/// </summary>
public sealed record ExtractedQuote(
    int Id,
    QuoteKind Kind,
    Span Span,
    string Text,
    int? Speaker,
    IReadOnlyList<SpeakerCandidate> Candidates,
    Cue? Cue,
    Attribution Attribution,
    double Confidence,
    int Group);

/// <summary>The reporting words that attribute a quote ("said", "told reporters", "according to") and where they are.</summary>
public sealed record Cue(string Text, Span Span);

public sealed record SpeakerCandidate(int Speaker, double Score);

/// <summary>
/// How the speaker was found: the cue's subject is a <c>Name</c>, a <c>Title</c> ("the Secretary-General"), a
/// <c>Pronoun</c>, an interview <c>Label</c> ("STOLTENBERG:"); <c>Context</c> when a quote with no cue of its own
/// continues the previous speaker's words; <c>None</c> when nothing attributes it.
/// </summary>
public enum Attribution { Name, Title, Pronoun, Label, Context, None }

/// <summary>Something the extractor could not read cleanly, such as a quotation mark that is never closed.</summary>
public sealed record ExtractionWarning(string Code, string Message, Span Span);
