namespace Claims.Bench.Generation;

/// <summary>Draws ranks 0..n-1 with P(r) ∝ 1 / (r + 1)^exponent: a few very common, a long tail of rare ones.</summary>
sealed class Zipf
{
    readonly double[] cumulative;
    readonly Random random;

    public Zipf(int n, double exponent, Random random)
    {
        this.random = random;
        cumulative = new double[n];
        var sum = 0.0;
        for (var r = 0; r < n; r++) cumulative[r] = sum += 1 / Math.Pow(r + 1, exponent);
        for (var r = 0; r < n; r++) cumulative[r] /= sum;
    }

    public int Next()
    {
        var i = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }
}

static class RandomExtensions
{
    /// <summary>0..n-1 in random order: lets a Zipf rank pick a random row, so the popular rows are not the first ones.</summary>
    public static int[] Permutation(this Random random, int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        return order;
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

/// <summary>Zipf over rows in a random order: <see cref="Next"/> is a row index, popular rows spread over the table.</summary>
sealed class PopularityOver(int n, double exponent, Random random)
{
    readonly Zipf ranks = new(n, exponent, random);
    readonly int[] rowAtRank = random.Permutation(n);

    public int Next() => rowAtRank[ranks.Next()];
}
