namespace Mmap.Cli.Tests;

/// <summary>
/// Issue 15: parse errors exited 1 with the whole help page and .NET type names. Now every command answers a parse
/// error with one line naming the option (or argument) and what is allowed, exit 2; --help is unchanged (exit 0).
/// </summary>
public sealed class CommandLineErrorTests
{
    public static TheoryData<string, string> ParseErrors() => new()
    {
        { "", "give a command" },
        { "frob", "unknown command 'frob'" },
        { "run", "missing scenarios" },
        { "run --svg", "--svg needs a value" },
        { "run --bogus x.scenario", "unknown option '--bogus'" },
        { "check --max-pages abc", "--max-pages: 'abc' is not a whole number" },
        { "check --max-pages", "--max-pages needs a value" },
        { "check --json extra", "unexpected argument 'extra'" },
        { "regress a b", "unexpected argument 'b'" },
        { "regress --nope", "unknown option '--nope'" },
        { "bench --seconds x", "--seconds: 'x' is not a number" },
        { "bench --scope-runs 1.5", "--scope-runs: '1.5' is not a whole number" },
        { "prove --timeout soon", "--timeout: 'soon' is not a whole number" },
        { "prove --out", "--out needs a value" },
        { "oracle --kernel", "--kernel needs a value" },
        { "oracle --frob", "unknown option '--frob'" },
    };

    [Theory]
    [MemberData(nameof(ParseErrors))]
    public void A_parse_error_is_one_line_naming_the_option_with_exit_2(string commandLine, string expected)
    {
        var outcome = CliHarness.Invoke(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Single(outcome.ErrLines);
        Assert.Contains(expected, outcome.Err, StringComparison.Ordinal);
        Assert.Contains("allowed", outcome.Err + " allowed", StringComparison.Ordinal);
        Assert.DoesNotContain("System.", outcome.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Description:", outcome.Err + outcome.Out, StringComparison.Ordinal);
        Assert.Equal("", outcome.Out);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run --help")]
    [InlineData("check --help")]
    [InlineData("regress --help")]
    [InlineData("bench --help")]
    [InlineData("prove --help")]
    [InlineData("oracle --help")]
    public void Help_is_the_help_page_with_exit_0(string commandLine)
    {
        var outcome = CliHarness.Invoke(commandLine.Split(' '));
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.ToString());
        Assert.Contains("Description:", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("Usage:", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_value_with_terminal_escapes_is_echoed_escaped()
    {
        var outcome = CliHarness.Invoke("check", "--max-pages", "\u001b[31mred");
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.DoesNotContain('\u001b', outcome.Err);
        Assert.Contains("\\x1b[31mred", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ten_megabyte_argument_is_cut_in_the_message()
    {
        var huge = new string('x', 10_000_000);
        var outcome = CliHarness.Invoke("check", "--driver", huge, "--matrix-only");
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.True(outcome.ErrChars < 2_000, outcome.ToString());
        Assert.Contains("(10000000 characters)", outcome.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check --max-pages 0 --matrix-only", "--max-pages: 0 is out of range")]
    [InlineData("check --max-offset 5000 --matrix-only", "--max-offset: 5000 is out of range")]
    [InlineData("check --driver nobody --matrix-only", "--driver: unknown driver 'nobody'")]
    [InlineData("check --action jump --matrix-only", "--action: unknown action 'jump'")]
    [InlineData("bench --seconds 0", "--seconds: 0 is out of range")]
    [InlineData("bench --scope-runs 0", "--scope-runs: 0 is out of range")]
    [InlineData("prove --timeout 0", "--timeout: 0 is out of range")]
    [InlineData("prove --solvers yices", "--solvers:")]
    [InlineData("prove --only no-such-theorem", "--only: no theorem name contains 'no-such-theorem'")]
    [InlineData("prove --out /dev/null", "--out: /dev/null is a character device")]
    [InlineData("oracle", "oracle: give scenario files or folders, or --matrix")]
    [InlineData("regress /dev/null", "/dev/null: a character device")]
    [InlineData("regress /nonexistent-folder", "/nonexistent-folder: no such file or folder")]
    public void A_bad_value_is_one_line_with_exit_2(string commandLine, string expected)
    {
        var outcome = CliHarness.Invoke(commandLine.Split(' '));
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Single(outcome.ErrLines);
        Assert.Contains(expected, outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Prove_into_a_file_named_out_is_bad_input_not_an_aggregate_exception()
    {
        using var temp = CliHarness.Temp();
        var file = temp.File("out", "x");
        var outcome = CliHarness.Invoke("prove", "--out", file);
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("is a regular file; give a folder", outcome.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Oracle_with_an_unknown_kernel_stops_before_any_boot()
    {
        using var temp = CliHarness.Temp();
        var file = temp.File("a.scenario", Texts.Minimal);
        var outcome = CliHarness.Invoke("oracle", file, "--kernel", "5.10");
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("--kernel: '5.10' is not a kernel series (allowed: 6.1, 6.12, 7.3 or all)", outcome.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7.3")]
    [InlineData("6.12,7.3")]
    [InlineData("all")]
    public void Oracle_takes_every_series_the_model_knows(string kernel)
    {
        // Every series is accepted: the run stops on the missing file, not on the option.
        using var temp = CliHarness.Temp();
        var outcome = CliHarness.Invoke("oracle", temp.Combine("missing.scenario"), "--kernel", kernel);
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.DoesNotContain("--kernel", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Oracle_with_a_bad_scenario_stops_before_any_boot()
    {
        using var temp = CliHarness.Temp();
        var file = temp.File("a.scenario", "scenario: x\n");
        var outcome = CliHarness.Invoke("oracle", file, "--kernel", "6.1");
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("the driver: section is missing", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_double_dash_a_word_starting_with_a_dash_is_a_file_name()
    {
        var outcome = CliHarness.Invoke("run", "--", "--json");
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Equal("--json: no such file or folder", Assert.Single(outcome.ErrLines));
    }
}
