using Mmap.Properties.Tests.Runner;
using Xunit;

namespace Mmap.Properties.Tests.Corpus;

/// <summary>
/// Each false conjecture is refuted again from its fixed seed, and FsCheck's shrunk counterexample must equal the
/// committed corpus file byte for byte. MMAP_ACCEPT_COUNTEREXAMPLES=1 writes a missing file instead of failing.
/// The environment's MMAP_PROPERTY_* variables do not apply here (the harness runs with none).
/// </summary>
public sealed class RefutedConjectureTests
{
    public static TheoryData<string> Conjectures =>
    [
        nameof(RefutedConjectures.ORdonlyImpliesNotCow),
        nameof(RefutedConjectures.PerPageWorksForEveryN),
        nameof(RefutedConjectures.PrivateWritesNeverChangeTheDeviceBuffer),
    ];

    [Theory]
    [MemberData(nameof(Conjectures))]
    public void ConjectureIsRefutedByTheCommittedCounterexample(string conjecture)
    {
        var report = PropertyHarness.Run(typeof(RefutedConjectures), conjecture);
        Assert.False(report.Passed, $"{conjecture} was not refuted");
        var (fileName, text) = FailureMessage.Shrunk(report.Message);
        var folder = Mmap.Exploration.Corpus.CorpusReplayer.Locate(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("properties/counterexamples");
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path) && Environment.GetEnvironmentVariable("MMAP_ACCEPT_COUNTEREXAMPLES") == "1") File.WriteAllText(path, text);
        Assert.True(File.Exists(path), $"missing {path}; FsCheck's shrunk counterexample:\n{text}");
        Assert.Equal(text, File.ReadAllText(path));
    }
}
