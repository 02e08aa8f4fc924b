namespace Claims.Api.Matching;

/// <summary>
/// The numbers of the ranking, tuned on the CheckThat! 2022 Task 2B train and dev queries only (bench/README.md, "Claim
/// matching"). <see cref="K1"/> and <see cref="B"/> are BM25's (<see cref="BodyB"/> is b for the articles, which are
/// long); <see cref="TitleWeight"/> and <see cref="BodyWeight"/> are a review title's and a review text's words against
/// the claim's own; <see cref="Pool"/> is how many of the best of each ranking are fused. A candidate's score
/// is <see cref="LexicalWeight"/> times its lexical score over the best one's, plus the rest times its cosine similarity,
/// plus <see cref="SpeakerBoost"/> when the hinted speaker asserts it.
/// </summary>
public sealed record MatchTuning(
    float K1 = 1.2f,
    float B = 0.75f,
    float TitleWeight = 0.5f,
    float BodyWeight = 0.3f,
    float BodyB = 0.75f,
    float LexicalWeight = 0.4f,
    float SpeakerBoost = 0.3f,
    int Pool = 100)
{
    public static MatchTuning Default { get; } = new();
}
