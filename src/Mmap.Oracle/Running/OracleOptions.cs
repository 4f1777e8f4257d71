namespace Mmap.Oracle.Running;

/// <summary>How the oracle runs a set of scenarios. Immutable; change with <c>with { … }</c>.</summary>
public sealed record OracleOptions
{
    public static OracleOptions Default { get; } = new();

    /// <summary>Cases per VM boot; a larger set is split into several boots.</summary>
    public int MaxCasesPerBoot { get; init; } = 3000;

    /// <summary>How many VMs (and builds) run at once.</summary>
    public int Parallelism { get; init; } = Math.Max(1, Math.Min(Environment.ProcessorCount, 4));

    /// <summary>
    /// A gate shared by concurrent runs (e.g. the batches a campaign keeps in flight), so that at most
    /// <see cref="Parallelism"/> VMs and builds run at once across all of them; null: each run has its own.
    /// </summary>
    public SemaphoreSlim? SharedGate { get; init; }

    /// <summary>Guest memory.</summary>
    public int MemoryMiB { get; init; } = 1024;

    /// <summary>Fetch missing kernel packages with apt (otherwise a missing kernel is an error).</summary>
    public bool Install { get; init; } = true;

    /// <summary>Kernel cache root; null for <see cref="Infrastructure.CacheDirectory.Kernels"/>.</summary>
    public string? CacheRoot { get; init; }

    /// <summary>If set (default: $MMAPV_SERIAL_LOG_DIR), each boot's serial log is saved there, for inspection.</summary>
    public string? SerialLogDirectory { get; init; } = Environment.GetEnvironmentVariable("MMAPV_SERIAL_LOG_DIR") is { Length: > 0 } dir ? dir : null;

    /// <summary>The hard limit for one boot: a fixed allowance plus a per-case allowance.</summary>
    public TimeSpan BootTimeout(int cases) => TimeSpan.FromSeconds(90 + (0.25 * cases));
}
