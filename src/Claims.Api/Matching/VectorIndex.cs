using Cloud.Unum.USearch;

namespace Claims.Api.Matching;

/// <summary>
/// The claims' sentence vectors in an HNSW graph (USearch), by slot: the nearest by cosine to a query's vector in well
/// under a millisecond at 300,000 claims, where comparing with every vector took 16 ms at 50,000 (bench/README.md). The
/// graph keeps each vector in 8 bits a dimension, which moves cosines by about 0.01. Not thread-safe for writes: the
/// <see cref="ClaimIndex"/> that owns it locks around it. Reads take turns too: the graph keeps one search context per
/// thread it was sized for, and concurrent searches beyond them fail ("Reserve capacity ahead of searches"); a search
/// takes well under a millisecond, so taking turns costs nothing measurable.
/// </summary>
sealed class VectorIndex : IDisposable
{
    // Edges per node, and candidates kept while adding and while searching: recall over speed, within the target.
    const ulong Connectivity = 16, ExpansionAdd = 64, ExpansionSearch = 200;

    readonly Lock reading = new();
    readonly USearchIndex index = new(MetricKind.Cos, ScalarKind.Int8, SentenceModel.Dimensions, Connectivity, ExpansionAdd, ExpansionSearch, false);

    public int Count => (int)index.Size();

    public void Set(int slot, float[] vector) => SetMany([(slot, vector)]);

    /// <summary>Adds or replaces many at once: the graph adds a batch on several threads, many times faster than one by one.</summary>
    public void SetMany(IReadOnlyList<(int Slot, float[] Vector)> vectors)
    {
        if (vectors.Count == 0) return;
        foreach (var (slot, _) in vectors) Remove(slot);
        index.Add(vectors.Select(v => (ulong)v.Slot).ToArray(), vectors.Select(v => v.Vector).ToArray());
    }

    public void Remove(int slot)
    {
        if (index.Contains((ulong)slot)) index.Remove((ulong)slot);
    }

    /// <summary>The <paramref name="count"/> nearest slots, each with its cosine similarity.</summary>
    public IEnumerable<(int Slot, float Cosine)> Nearest(float[] query, int count)
    {
        ulong[] keys;
        float[] distances;
        int found;
        lock (reading)
        {
            if (index.Size() == 0) return [];
            found = index.Search(query, count, out keys, out distances);
        }
        return Enumerable.Range(0, found).Select(i => ((int)keys[i], 1 - distances[i]));
    }

    /// <summary>The cosine similarity of a query to each slot's vector, or null for a slot that has none: one turn for all.</summary>
    public float?[] Cosines(IReadOnlyList<int> slots, float[] query)
    {
        var cosines = new float?[slots.Count];
        lock (reading)
        {
            for (var i = 0; i < slots.Count; i++)
                if (index.Get((ulong)slots[i], out float[] vector) > 0)
                    cosines[i] = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(vector, query);
        }
        return cosines;
    }

    public void Dispose() => index.Dispose();
}
