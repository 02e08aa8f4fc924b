namespace Claims.Api.Matching;

/// <summary>
/// <c>Matching:Semantic</c> (default true) turns sentence embeddings on; off, matching is lexical only and the model is
/// never loaded. <c>Matching:ModelFile</c> names an ONNX file of the same model to use instead of the package's.
/// </summary>
public sealed record MatchingOptions(bool Semantic = true, string? ModelFile = null)
{
    public const string ModelName = "all-MiniLM-L6-v2";

    public static MatchingOptions From(IConfiguration configuration) => new(
        configuration.GetValue("Matching:Semantic", true),
        configuration["Matching:ModelFile"] is { Length: > 0 } file ? file : null);
}
