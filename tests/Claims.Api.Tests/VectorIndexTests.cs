using Claims.Api.Matching;

namespace Claims.Api.Tests;

/// <summary>The graph of the claims' vectors by itself.</summary>
public sealed class VectorIndexTests
{
    static float[] Unit(int hot)
    {
        var vector = new float[SentenceModel.Dimensions];
        vector[hot] = 1;
        return vector;
    }

    [Fact]
    public void CosinesAreReadForTheSlotsWithAVectorAndNullForTheOthers()
    {
        using var index = new VectorIndex();
        index.SetMany([(0, Unit(0)), (2, Unit(1))]);

        var cosines = index.Cosines([0, 1, 2, 7], Unit(0));

        Assert.Equal(1, cosines[0]!.Value, 0.02);
        Assert.Null(cosines[1]);
        Assert.Equal(0, cosines[2]!.Value, 0.02);
        Assert.Null(cosines[3]);
    }
}
