using Mmap.Cli.Commands;

namespace Mmap.Cli.Tests;

/// <summary>The documented exit codes, command by command (exit 3 needs a missing tool: see the oracle and solver tests).</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public void The_codes_are_declared_once_and_distinct()
    {
        Assert.Equal([0, 1, 2, 3, 4], ExitCodes.All.Select(c => c.Code));
        Assert.Equal(["pass", "fail", "bad-input", "environment", "internal-error"], ExitCodes.All.Select(c => RunJson.VerdictOf(c.Code)));
    }

    [Fact]
    public void Run_exits_0_when_every_expectation_holds_and_1_when_one_fails()
    {
        using var temp = CliHarness.Temp();
        Assert.Equal(ExitCodes.Success, CliHarness.Invoke("run", temp.File("ok.scenario", Texts.Minimal)).ExitCode);
        var failed = CliHarness.Invoke("run", temp.File("bad.scenario", Texts.Failing));
        Assert.Equal(ExitCodes.Failed, failed.ExitCode);
        Assert.Contains("FAIL failing", failed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Regress_exits_0_on_the_corpus_and_1_on_a_failing_entry()
    {
        var corpus = CliHarness.Invoke("regress", RepositoryRoot.Counterexamples);
        Assert.True(corpus.ExitCode == ExitCodes.Success, corpus.ToString());
        using var temp = CliHarness.Temp();
        temp.File("bad.scenario", Texts.Failing);
        Assert.Equal(ExitCodes.Failed, CliHarness.Invoke("regress", temp.Path).ExitCode);
    }

    [Fact]
    public void Check_on_a_small_scope_exits_0()
    {
        var outcome = CliHarness.Invoke("check", "--max-pages", "2", "--max-offset", "1");
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.ToString());
        Assert.Contains("every property holds at every point", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_with_a_short_measurement_exits_0()
    {
        var outcome = CliHarness.Invoke("bench", "--seconds", "0.05", "--skip-scope");
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.ToString());
    }

    [Fact]
    public void An_internal_error_is_exit_4_with_one_line_and_a_details_file()
    {
        var errors = new StringWriter();
        int exit;
        try
        {
            throw new AggregateException(new InvalidOperationException("broken\ninvariant"));
        }
        catch (Exception e)
        {
            exit = CrashReport.Write(e, ["run", "x\u001b"], errors);
        }

        Assert.Equal(ExitCodes.InternalError, exit);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("mmapv: internal error: InvalidOperationException: broken (details: ", line, StringComparison.Ordinal);
        var path = line[(line.IndexOf("(details: ", StringComparison.Ordinal) + 10)..^1];
        var details = File.ReadAllText(path);
        Assert.Contains("at Mmap.Cli.Tests.ExitCodeTests", details, StringComparison.Ordinal);
        Assert.Contains("'x\\x1b'", details, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public void Prove_one_entry_exits_0_with_the_solvers_or_3_naming_the_missing_one()
    {
        using var temp = CliHarness.Temp();
        var outcome = CliHarness.Invoke("prove", "--only", "t1-per-page", "--out", temp.Path, "--json");
        Assert.True(outcome.ExitCode is ExitCodes.Success or ExitCodes.Environment, outcome.ToString());
        var verdict = System.Text.Json.JsonDocument.Parse(outcome.Out).RootElement.GetProperty("verdict").GetString();
        Assert.Equal(outcome.ExitCode == ExitCodes.Success ? "pass" : "environment", verdict);
        Assert.NotEmpty(Directory.GetFiles(temp.Path, "*.smt2"));
    }

    [Fact]
    public void Prove_with_a_solver_that_is_not_installed_exits_3()
    {
        // A real process whose PATH has no z3: the z3 CLI backend cannot start.
        var dotnet = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "dotnet")).FirstOrDefault(File.Exists)
                     ?? Environment.ProcessPath!;
        using var temp = CliHarness.Temp();
        var start = new System.Diagnostics.ProcessStartInfo(dotnet, [typeof(Program).Assembly.Location, "prove", "--solvers", "z3", "--only", "t1-per-page", "--out", temp.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = temp.Path;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.True(process.ExitCode == ExitCodes.Environment, $"exit {process.ExitCode}\n{stdout}\n{process.StandardError.ReadToEnd()}");
    }
}
