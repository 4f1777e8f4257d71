using Xunit;
using Xunit.Sdk;

namespace Mmap.Properties.Tests.Runner;

/// <summary>
/// Marks a method whose parameters FsCheck generates (with shrinking), like FsCheck.Xunit's [Property]:
/// the method returns bool, void (throwing on failure) or an FsCheck Property. Defaults are fast and
/// deterministic; MMAP_PROPERTY_MAXTEST and MMAP_PROPERTY_SEED override them for deep campaigns.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Mmap.Properties.Tests.Runner.PropertyDiscoverer", "Mmap.Properties.Tests")]
public sealed class PropertyAttribute : FactAttribute
{
    /// <summary>Number of test cases (FsCheck MaxTest). MMAP_PROPERTY_MAXTEST overrides it.</summary>
    public int MaxTest { get; set; } = PropertySettings.DefaultMaxTest;

    /// <summary>"seed,gamma" to start from (FsCheck Replay). MMAP_PROPERTY_SEED overrides it.</summary>
    public string? Replay { get; set; }

    /// <summary>Classes with static members returning Arbitrary&lt;T&gt;, added to <see cref="Mmap.Exploration.Generators.MmapArbitraries"/>.</summary>
    public Type[] Arbitrary { get; set; } = [];

    /// <summary>Print every generated case (FsCheck's verbose runner), into the test output.</summary>
    public bool Verbose { get; set; }

    /// <summary>Print nothing for a passing property (FsCheck QuietOnSuccess).</summary>
    public bool QuietOnSuccess { get; set; } = true;

    /// <summary>The largest size FsCheck passes to sized generators (FsCheck EndSize).</summary>
    public int EndSize { get; set; } = 100;
}
