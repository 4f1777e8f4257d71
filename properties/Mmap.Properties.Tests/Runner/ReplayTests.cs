using Mmap.Exploration.Scope;
using Xunit;

namespace Mmap.Properties.Tests.Runner;

/// <summary>A failing property's message names a seed; running again from that seed reproduces the message exactly.</summary>
public sealed class ReplayTests
{
    /// <summary>An injected, known-false property: no mapping is longer than four pages.</summary>
    public static bool NoMappingIsLongerThanFourPages(UserMapping mapping) => mapping.Pages <= 4;

    private static PropertyReport Run(string? seed, int maxTest = 100) => PropertyRunner.Check(
        typeof(ReplayTests).GetMethod(nameof(NoMappingIsLongerThanFourPages))!, null,
        PropertySettings.Create(typeof(ReplayTests).FullName + "." + nameof(NoMappingIsLongerThanFourPages), maxTest, seed, fromEnvironment: false));

    [Theory]
    [InlineData(null)]
    [InlineData("12345,67891")]
    [InlineData("18446744073709551557,3")]
    public void ReplayingTheReportedSeedReproducesTheSameMessage(string? startSeed)
    {
        var first = Run(startSeed);
        Assert.False(first.Passed);
        Assert.Contains("--- shrunk counterexample", first.Message);
        Assert.Contains("MAP_PRIVATE PROT_READ 5p @0p", first.Message);
        var (seed, maxTest) = FailureMessage.Replay(first.Message);
        var replayed = Run(seed, maxTest);
        Assert.Equal(first.Message, replayed.Message);
    }

    [Fact]
    public void ConjectureFailuresReplayToo()
    {
        var first = Corpus.RefutedConjectureTests.Refute(nameof(Corpus.RefutedConjectures.PerPageWorksForEveryN), [typeof(Corpus.RefutedConjectures.CheckedPerPageCases)]);
        var (seed, maxTest) = FailureMessage.Replay(first.Message);
        var method = typeof(Corpus.RefutedConjectures).GetMethod(nameof(Corpus.RefutedConjectures.PerPageWorksForEveryN))!;
        var replayed = PropertyRunner.Check(method, null, PropertySettings.Create(
            typeof(Corpus.RefutedConjectures).FullName + "." + method.Name, maxTest, seed, [typeof(Corpus.RefutedConjectures.CheckedPerPageCases)], fromEnvironment: false));
        Assert.Equal(first.Message, replayed.Message);
    }
}
