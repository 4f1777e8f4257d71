using System.Text.Json;

namespace Mmap.Cli.Tests;

/// <summary>Every --json document carries the verdict first (issue 15: `check --json` had none).</summary>
public sealed class JsonTests
{
    private static JsonElement Parse(CliOutcome outcome)
    {
        Assert.True(outcome.Out.Length > 0, outcome.ToString());
        return JsonDocument.Parse(outcome.Out).RootElement;
    }

    [Fact]
    public void Run_json_has_the_batch_verdict_counts_errors_and_each_scenario()
    {
        using var temp = CliHarness.Temp();
        var ok = temp.File("ok.scenario", Texts.Minimal);
        var failing = temp.File("failing.scenario", Texts.Failing);
        var bad = temp.File("bad.scenario", "scenario: x\n");
        var outcome = CliHarness.Invoke("run", ok, failing, bad, "--json");
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        var root = Parse(outcome);
        Assert.Equal("bad-input", root.GetProperty("verdict").GetString());
        Assert.Equal(2, root.GetProperty("exitCode").GetInt32());
        Assert.Equal((1, 1, 1), (root.GetProperty("passed").GetInt32(), root.GetProperty("failed").GetInt32(), root.GetProperty("badInput").GetInt32()));
        Assert.Contains("the driver: section is missing", root.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["pass", "fail"], scenarios.Select(s => s.GetProperty("verdict").GetString()));
        Assert.True(scenarios[0].GetProperty("trace").GetArrayLength() > 0);
    }

    [Fact]
    public void Run_json_of_a_passing_scenario_says_pass()
    {
        using var temp = CliHarness.Temp();
        var root = Parse(CliHarness.Invoke("run", temp.File("ok.scenario", Texts.Minimal), "--json"));
        Assert.Equal("pass", root.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Check_json_has_the_verdict_the_matrix_and_the_counts()
    {
        var outcome = CliHarness.Invoke("check", "--json", "--max-pages", "2", "--max-offset", "1");
        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var root = Parse(outcome);
        Assert.Equal("pass", root.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("matrix").ValueKind);
        Assert.True(root.GetProperty("check").GetProperty("points").GetInt64() > 0);
        Assert.Equal(0, root.GetProperty("check").GetProperty("violations").GetInt64());
    }

    [Fact]
    public void Check_json_matrix_only_says_so()
    {
        var root = Parse(CliHarness.Invoke("check", "--json", "--matrix-only", "--max-pages", "2", "--max-offset", "1"));
        Assert.Equal("matrix-only", root.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("check").ValueKind);
    }

    [Fact]
    public void Regress_json_has_the_verdict_and_each_entry()
    {
        var outcome = CliHarness.Invoke("regress", RepositoryRoot.Counterexamples, "--json");
        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var root = Parse(outcome);
        Assert.Equal("pass", root.GetProperty("verdict").GetString());
        Assert.True(root.GetProperty("entries").GetArrayLength() > 0);
    }
}
