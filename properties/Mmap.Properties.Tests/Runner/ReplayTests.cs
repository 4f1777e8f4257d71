using Mmap.Exploration.Scope;
using Xunit;

namespace Mmap.Properties.Tests.Runner;

/// <summary>
/// A failing property's message names a seed and a replay command; running the property again with that
/// command's environment reproduces the message exactly. The properties run through FsCheck.Xunit's [Property]
/// as `dotnet test` runs them (<see cref="PropertyHarness"/>).
/// </summary>
public sealed class ReplayTests
{
    /// <summary>Known-false properties, not discovered as tests (the class is not public).</summary>
#pragma warning disable xUnit1000 // not public on purpose: run only by the harness
    internal static class KnownFalse
    {
        /// <summary>No mapping is longer than four pages.</summary>
        [Property]
        public static bool NoMappingIsLongerThanFourPages(UserMapping mapping) => mapping.Pages <= 4;

        /// <summary>The same, as an assertion: the message carries the assertion's text as "Why".</summary>
        [Property(MaxTest = 50)]
        public static void NoMappingCaseHasMoreThanFourPages(Mmap.Exploration.Generators.MappingCase mappingCase) =>
            Assert.True(mappingCase.Mapping.Pages <= 4, $"{mappingCase.Mapping.Pages} pages");
    }

    private static Dictionary<string, string> Environment(string? seed, int? maxTest = null)
    {
        var variables = new Dictionary<string, string>();
        if (seed is not null) variables[PropertyEnvironment.SeedVariable] = seed;
        if (maxTest is not null) variables[PropertyEnvironment.MaxTestVariable] = maxTest.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return variables;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("12345,67891")]
    [InlineData("18446744073709551557,3")]
    public void ReplayingTheReportedSeedReproducesTheSameMessage(string? startSeed)
    {
        var first = PropertyHarness.Run(typeof(KnownFalse), nameof(KnownFalse.NoMappingIsLongerThanFourPages), Environment(startSeed));
        Assert.False(first.Passed);
        Assert.StartsWith("Falsifiable: property ", first.Message);
        Assert.Contains("--- shrunk counterexample", first.Message);
        Assert.Contains("MAP_PRIVATE PROT_READ 5p @0p", first.Message);
        if (startSeed is not null) Assert.Contains($"MMAP_PROPERTY_SEED={startSeed} ", first.Message);
        var (seed, maxTest) = FailureMessage.Replay(first.Message);
        var replayed = PropertyHarness.Run(typeof(KnownFalse), nameof(KnownFalse.NoMappingIsLongerThanFourPages), Environment(seed, maxTest));
        Assert.Equal(first.Message, replayed.Message);
    }

    [Fact]
    public void ScenarioCaseCounterexamplesPrintAsScenarioFilesThatParse()
    {
        var report = PropertyHarness.Run(typeof(KnownFalse), nameof(KnownFalse.NoMappingCaseHasMoreThanFourPages));
        Assert.False(report.Passed);
        Assert.Contains("Why: 5 pages", report.Message);
        Assert.Contains("MMAP_PROPERTY_MAXTEST=50 ", report.Message);
        var (fileName, text) = FailureMessage.Shrunk(report.Message);
        Assert.StartsWith("prop-no-mapping-case-has-more-than-four-pages-", fileName);
        var parsed = Mmap.Scenarios.Syntax.ScenarioParser.Parse(text, fileName);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        Assert.Contains("# What was wrong: 5 pages", text);
        Assert.Contains("length=5p", text);
        Assert.Contains("--- original counterexample ---\n# From property NoMappingCaseHasMoreThanFourPages", report.Message);
        var (seed, maxTest) = FailureMessage.Replay(report.Message);
        Assert.Equal(report.Message, PropertyHarness.Run(typeof(KnownFalse), nameof(KnownFalse.NoMappingCaseHasMoreThanFourPages), Environment(seed, maxTest)).Message);
    }

    [Fact]
    public void EnvironmentSetsTheCountAndARandomSeedThatThePassingLineNames()
    {
        var report = PropertyHarness.Run(typeof(Passing), nameof(Passing.PagesArePositive), Environment("random", 37));
        Assert.True(report.Passed, report.Message);
        Assert.Matches(@"Passing\.PagesArePositive: OK, passed 37 tests \(seed \d+,\d+, 37 cases\)", report.Output);
    }

    [Fact]
    public void EnvironmentValuesAreParsedOrNamedInTheError()
    {
        var error = Assert.Throws<FormatException>(() => PropertyEnvironment.With(Environment("garbage"), () => PropertyEnvironment.Seed(null, "X.Y")));
        Assert.StartsWith("MMAP_PROPERTY_SEED: 'garbage' is not a replay seed", error.Message);
        var even = Assert.Throws<FormatException>(() => PropertyEnvironment.With(Environment("12,34"), () => PropertyEnvironment.Seed(null, "X.Y")));
        Assert.StartsWith("MMAP_PROPERTY_SEED: Gamma must be odd", even.Message);
        Assert.Equal("12,35", PropertyEnvironment.With(Environment("(12, 35)"), () => PropertyEnvironment.Seed("5,7", "X.Y")));
        Assert.Equal("5,7", PropertyEnvironment.With(Environment(null), () => PropertyEnvironment.Seed("5,7", "X.Y")));
        Assert.Equal(
            PropertyEnvironment.With(Environment(null), () => PropertyEnvironment.Seed(null, "X.Y")),
            PropertyEnvironment.With(Environment(null), () => PropertyEnvironment.Seed(null, "X.Y")));
        var notANumber = new Dictionary<string, string> { [PropertyEnvironment.MaxTestVariable] = "abc" };
        Assert.Equal(300, PropertyEnvironment.With(notANumber, () => PropertyEnvironment.MaxTest(300)));
        Assert.Equal(7, PropertyEnvironment.With(Environment(null, 7), () => PropertyEnvironment.MaxTest(300)));
    }

    internal static class Passing
    {
        [Property]
        public static bool PagesArePositive(UserMapping mapping) => mapping.Pages > 0;
    }

    [Fact]
    public void ConjectureFailuresReplayToo()
    {
        var first = PropertyHarness.Run(typeof(Corpus.RefutedConjectures), nameof(Corpus.RefutedConjectures.PerPageWorksForEveryN));
        var (seed, maxTest) = FailureMessage.Replay(first.Message);
        var replayed = PropertyHarness.Run(typeof(Corpus.RefutedConjectures), nameof(Corpus.RefutedConjectures.PerPageWorksForEveryN), Environment(seed, maxTest));
        Assert.Equal(first.Message, replayed.Message);
    }
}
