namespace Mmap.Exploration.Generators;

/// <summary>Shrink candidates for the small numbers of the domain: toward a target, smallest first.</summary>
public static class Shrinking
{
    /// <summary>Candidates below <paramref name="value"/> and not below <paramref name="target"/>: target, halfway, one less.</summary>
    public static IEnumerable<int> Toward(int value, int target)
    {
        if (value <= target) yield break;
        yield return target;
        var half = target + (value - target) / 2;
        if (half > target && half < value) yield return half;
        if (value - 1 > target && value - 1 != half) yield return value - 1;
    }

    /// <summary>Each list with one element removed (from the end first, so prefixes survive).</summary>
    public static IEnumerable<List<T>> RemoveOne<T>(IReadOnlyList<T> items, int keepFirst = 0)
    {
        for (var i = items.Count - 1; i >= keepFirst; i--)
        {
            var copy = items.ToList();
            copy.RemoveAt(i);
            yield return copy;
        }
    }

    /// <summary>Each list with one element replaced by one of its shrinks.</summary>
    public static IEnumerable<List<T>> ShrinkOne<T>(IReadOnlyList<T> items, Func<T, IEnumerable<T>> shrink)
    {
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var smaller in shrink(items[i]))
            {
                var copy = items.ToList();
                copy[i] = smaller;
                yield return copy;
            }
        }
    }
}
