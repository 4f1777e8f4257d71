using Mmap.Snapshots.Tests.Workflow;
using Xunit;

namespace Mmap.Snapshots.Tests.Tests;

/// <summary>The workflow itself, on a temporary folder: match, missing, changed, accept, and no accepting in CI.</summary>
public sealed class SnapshotWorkflowTests : IDisposable
{
    private static readonly SnapshotName Name = new("Example", "case", "txt");
    private readonly string _folder = Directory.CreateTempSubdirectory("mmap-snapshots-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SnapshotStore Store(bool accept = false, bool ci = false) => new(_folder, new AcceptSwitch(accept, ci));

    [Fact]
    public void A_match_passes_and_writes_nothing()
    {
        File.WriteAllText(Path.Combine(_folder, Name.Verified), "a\nb\n");
        var result = Store().Compare(Name, "a\nb\n");
        Assert.Equal(SnapshotOutcome.Matched, result.Outcome);
        Assert.False(File.Exists(Path.Combine(_folder, Name.Received)));
    }

    [Fact]
    public void A_missing_verified_file_fails_and_writes_the_received_file()
    {
        var result = Store().Compare(Name, "new\n");
        Assert.True(result.Failed);
        Assert.Equal(SnapshotOutcome.Missing, result.Outcome);
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_folder, Name.Received)));
        Assert.False(File.Exists(Path.Combine(_folder, Name.Verified)));
    }

    [Fact]
    public void A_change_fails_with_a_unified_diff_with_line_numbers()
    {
        var lines = Enumerable.Range(1, 20).Select(i => "line " + i).ToList();
        File.WriteAllText(Path.Combine(_folder, Name.Verified), string.Join('\n', lines) + "\n");
        lines[9] = "line ten";
        var result = Store().Compare(Name, string.Join('\n', lines) + "\n");
        Assert.Equal(SnapshotOutcome.Changed, result.Outcome);
        Assert.Contains("--- Example.case.verified.txt", result.Message);
        Assert.Contains("+++ Example.case.received.txt", result.Message);
        Assert.Contains("@@ -7,7 +7,7 @@", result.Message);
        Assert.Contains("-    10       | line 10", result.Message);
        Assert.Contains("+          10 | line ten", result.Message);
        Assert.Contains("      9     9 | line 9", result.Message);
        Assert.DoesNotContain("line 5\n", result.Message);
        Assert.True(File.Exists(Path.Combine(_folder, Name.Received)));
    }

    [Fact]
    public void Accepting_moves_the_received_file_over_the_verified_one()
    {
        File.WriteAllText(Path.Combine(_folder, Name.Verified), "old\n");
        var result = Store(accept: true).Compare(Name, "new\n");
        Assert.Equal(SnapshotOutcome.Accepted, result.Outcome);
        Assert.False(result.Failed);
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_folder, Name.Verified)));
        Assert.False(File.Exists(Path.Combine(_folder, Name.Received)));
    }

    [Fact]
    public void Nothing_is_accepted_when_CI_is_set()
    {
        File.WriteAllText(Path.Combine(_folder, Name.Verified), "old\n");
        var result = Store(accept: true, ci: true).Compare(Name, "new\n");
        Assert.Equal(SnapshotOutcome.Changed, result.Outcome);
        Assert.Contains("never accepted in CI", result.Message);
        Assert.Equal("old\n", File.ReadAllText(Path.Combine(_folder, Name.Verified)));
    }

    [Fact]
    public void A_verified_file_with_CRLF_endings_still_matches()
    {
        File.WriteAllText(Path.Combine(_folder, Name.Verified), "a\r\nb\r\n");
        Assert.Equal(SnapshotOutcome.Matched, Store().Compare(Name, "a\nb\n").Outcome);
    }

    [Fact]
    public void A_rendering_with_CR_is_refused() =>
        Assert.Throws<ArgumentException>(() => Store().Compare(Name, "a\r\n"));

    [Theory]
    [InlineData("1", null, true)]
    [InlineData("true", null, true)]
    [InlineData("1", "true", false)]
    [InlineData("0", null, false)]
    [InlineData(null, null, false)]
    [InlineData("", "true", false)]
    public void The_accept_switch_reads_the_environment_values(string? accept, string? ci, bool accepts) =>
        Assert.Equal(accepts, AcceptSwitch.From(accept, ci).Accepts);

    [Theory]
    [InlineData("ScenarioTraces.seed.verified.txt", "ScenarioTraces", "seed", "txt")]
    [InlineData("ScenarioPictures.lab1-kmmap-private.received.svg", "ScenarioPictures", "lab1-kmmap-private", "svg")]
    [InlineData("ScenarioTraces.a.b.verified.txt", "ScenarioTraces", "a.b", "txt")]
    public void Snapshot_file_names_parse_back(string file, string testClass, string caseName, string extension) =>
        Assert.Equal(new SnapshotName(testClass, caseName, extension), SnapshotName.Parse(file));

    [Fact]
    public void The_repository_root_holds_the_solution_and_the_snapshots_folder()
    {
        Assert.True(File.Exists(RepositoryRoot.Combine(RepositoryRoot.Marker)));
        Assert.True(Directory.Exists(RepositoryRoot.Combine("snapshots")));
    }
}
