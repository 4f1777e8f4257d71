using Mmap.Audit.Extraction;

namespace Mmap.Audit.Tests;

/// <summary>A test that runs spatch: skipped, with the reason, when Coccinelle is not installed.</summary>
public sealed class SpatchFactAttribute : FactAttribute
{
    public SpatchFactAttribute()
    {
        if (!SpatchRunner.IsAvailable()) Skip = "spatch not installed (Debian package coccinelle; ./run-verify.sh installs it)";
    }
}

/// <summary>A test that needs spatch and the cached linux-source-6.1 tree: skipped, with the reason, otherwise.</summary>
public sealed class RealTreeFactAttribute : FactAttribute
{
    public RealTreeFactAttribute()
    {
        if (!SpatchRunner.IsAvailable()) Skip = "spatch not installed (Debian package coccinelle; ./run-verify.sh installs it)";
        else if (!KernelSources.IsReady("6.1")) Skip = $"linux-source-6.1 not cached in {KernelSources.SeriesDirectory("6.1")} (mmapv audit --kernel-source 6.1 fetches it)";
    }
}

/// <summary>Tests that read or set MMAPV_CACHE_DIR run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CacheCollection
{
    public const string Name = "cache";
}
