using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Mmap.Properties.Tests.Runner;

/// <summary>
/// FsCheck.Xunit's [Property] with this suite's defaults: <see cref="PropertyEnvironment.DefaultMaxTest"/> cases from
/// a fixed seed per property (derived from its file and method name), the domain's arbitraries
/// (<see cref="Mmap.Exploration.Generators.MmapArbitraries"/>, assembly-wide), and MMAP_PROPERTY_MAXTEST / MMAP_PROPERTY_SEED
/// overriding MaxTest and Replay for deep campaigns and replays. FsCheck.Xunit runs the property; the test case
/// (<see cref="PropertyTestCase"/>) only rewrites its result into scenario files and a replay command.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Mmap.Properties.Tests.Runner.PropertyDiscoverer", "Mmap.Properties.Tests")]
public sealed class PropertyAttribute : FsCheck.Xunit.PropertyAttribute
{
    private readonly string _key;
    private int _declaredMaxTest = PropertyEnvironment.DefaultMaxTest;
    private string? _declaredReplay;

    public PropertyAttribute([CallerMemberName] string member = "", [CallerFilePath] string file = "")
    {
        _key = Path.GetFileNameWithoutExtension(file.Replace('\\', '/')) + "." + member;
        EndSize = 100;
        Apply();
    }

    /// <summary>Number of test cases (FsCheck MaxTest). MMAP_PROPERTY_MAXTEST overrides it.</summary>
    public new int MaxTest
    {
        get => base.MaxTest;
        set
        {
            _declaredMaxTest = value;
            Apply();
        }
    }

    /// <summary>"seed,gamma" to start from (FsCheck Replay); default: fixed per property. MMAP_PROPERTY_SEED overrides it.</summary>
    public new string Replay
    {
        get => base.Replay;
        set
        {
            _declaredReplay = value;
            Apply();
        }
    }

    private void Apply()
    {
        base.MaxTest = PropertyEnvironment.MaxTest(_declaredMaxTest);
        base.Replay = PropertyEnvironment.Seed(_declaredReplay, _key);
    }
}
