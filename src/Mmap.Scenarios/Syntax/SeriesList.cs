using Mmap.Model.Kernel;

namespace Mmap.Scenarios.Syntax;

/// <summary>
/// A list of kernel series as scenario files write it: <c>all</c>, one series (<c>6.1</c>), or several separated
/// by spaces or commas (<c>6.1 6.12</c>, <c>6.12,7.3</c>). Used by the <c>kernel:</c> header, per-series step
/// outcomes (<c>=&gt; 6.1=ok 6.12,7.3=SIGSEGV:MAPERR</c>) and per-series expectations (<c>trace-contains@7.3:</c>).
/// </summary>
public static class SeriesList
{
    public const string All = "all";

    /// <summary>Every series the model knows, oldest first.</summary>
    public static IReadOnlyList<KernelVersion> Every { get; } = Enum.GetValues<KernelVersion>();

    public static string Allowed => string.Join(", ", Vocabulary.Kernels.Keys) + " or " + All;

    /// <summary>The series named by <paramref name="text"/> in the kernel's order, or the first unknown name.</summary>
    public static (IReadOnlyList<KernelVersion>? Series, string? Unknown) Parse(string text)
    {
        if (text.Trim() == All) return (Every, null);
        var names = text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) return (null, text);
        var series = new SortedSet<KernelVersion>();
        foreach (var name in names)
        {
            if (!Vocabulary.Kernels.TryGetValue(name, out var version)) return (null, name);
            series.Add(version);
        }

        return (series.ToList(), null);
    }

    /// <summary>The shortest spelling: <c>all</c> for every series, otherwise the names joined by <paramref name="separator"/>.</summary>
    public static string Write(IReadOnlyList<KernelVersion> series, string separator = " ") =>
        series.Count == Every.Count && Every.All(series.Contains)
            ? All
            : string.Join(separator, series.Select(v => Vocabulary.KeyOf(Vocabulary.Kernels, v)));
}
