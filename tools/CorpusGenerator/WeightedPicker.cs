namespace NewsApi.CorpusGenerator;

/// <summary>Picks an index with probability proportional to its weight, by binary search over cumulative weights.</summary>
internal sealed class WeightedPicker
{
    readonly double[] _cumulative;

    public WeightedPicker(IReadOnlyList<double> weights)
    {
        _cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            _cumulative[i] = total;
        }
    }

    public int Count => _cumulative.Length;

    /// <summary>Zipf-like weights 1/rank^exponent: rank 1 is the most popular.</summary>
    public static WeightedPicker Zipf(int count, double exponent) =>
        new(Enumerable.Range(1, count).Select(rank => 1.0 / Math.Pow(rank, exponent)).ToArray());

    public int Next(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
