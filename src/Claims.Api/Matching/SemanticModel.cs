namespace Claims.Api.Matching;

public enum SemanticState { Off, Loading, Ready, Unavailable }

/// <summary>
/// The sentence model of this process, loaded once in the background at start-up: matching is lexical until it is
/// ready, and stays lexical, with a logged warning naming what could not be loaded, when the model is missing or
/// corrupt. The model reads a sentence in about 10 ms on one core.
/// </summary>
public sealed class SemanticModel(MatchingOptions options, ILogger<SemanticModel> logger)
{
    readonly TaskCompletionSource<SentenceModel?> loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SemanticState State { get; private set; } = options.Semantic ? SemanticState.Loading : SemanticState.Off;

    /// <summary>Why the model is unavailable, when it is.</summary>
    public string? Problem { get; private set; }

    /// <summary>The model once ready, else null (off, still loading, or unavailable).</summary>
    public SentenceModel? Model => loaded.Task.IsCompletedSuccessfully ? loaded.Task.Result : null;

    /// <summary>Waits for the load to end: the model, or null when there is none.</summary>
    public Task<SentenceModel?> LoadedAsync() => loaded.Task;

    /// <summary>Loads the model, once.</summary>
    public void Load()
    {
        if (loaded.Task.IsCompleted) return;
        if (!options.Semantic)
        {
            loaded.TrySetResult(null);
            return;
        }
        try
        {
            var model = SentenceModel.Shared(options.ModelFile);
            State = SemanticState.Ready;
            loaded.TrySetResult(model);
        }
        catch (SentenceModelException e)
        {
            (State, Problem) = (SemanticState.Unavailable, e.Message);
            logger.LogWarning("Claim matching is lexical only. {Problem}", e.Message);
            loaded.TrySetResult(null);
        }
    }
}
