using Mmap.Model.Kernel;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// The kernel series a catalogue is being built for: every <see cref="Queries.QueryBuilder"/> created while
/// <see cref="Use"/> is in force takes its rules from that series (per thread).
/// </summary>
public static class CatalogueSeries
{
    [ThreadStatic]
    private static KernelVersion? current;

    public static KernelVersion Current => current ?? KernelVersion.Linux6_1;

    /// <summary>Every series the model supports.</summary>
    public static IReadOnlyList<KernelVersion> All { get; } = Enum.GetValues<KernelVersion>();

    public static IDisposable Use(KernelVersion version)
    {
        var previous = current;
        current = version;
        return new Restore(previous);
    }

    private sealed class Restore(KernelVersion? previous) : IDisposable
    {
        public void Dispose() => current = previous;
    }
}
