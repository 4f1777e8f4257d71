using Mmap.Scenarios;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;

namespace Mmap.Cli.Tests;

/// <summary>Issue 15's parser and limit failures, each reproduced on the parser and through `mmapv run`.</summary>
public sealed class ScenarioInputTests
{
    private static IReadOnlyList<ScenarioError> Errors(string text) => ScenarioParser.Parse(text, "t.scenario").Errors;

    private static (CliOutcome Outcome, string Path) Run(string text, params string[] extra)
    {
        using var temp = CliHarness.Temp();
        var path = temp.File("t.scenario", text);
        return (CliHarness.Invoke(["run", path, .. extra]), path);
    }

    [Fact]
    public void A_program_line_that_is_only_an_outcome_is_a_positioned_error_and_the_report_goes_on()
    {
        var errors = Errors(Texts.WithProgram("=> ok", "jump") );
        Assert.Equal("t.scenario:7:6: step: an outcome without a step before '=>' (allowed: " + StepParser.Verbs + ")", errors[0].ToString());
        Assert.Contains(errors, e => e.Line == 8 && e.Message.Contains("unknown step 'jump'", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Message.Contains("Index was out of range", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ten_megabyte_token_is_not_echoed_whole()
    {
        var (outcome, _) = Run(Texts.WithProgram("open " + new string('A', 10_000_000)));
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.True(outcome.ErrChars < 1_000, outcome.ToString());
        Assert.Contains($"the file is larger than {Limits.MaxFileBytes} bytes", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_over_the_line_limit_is_refused_with_its_length()
    {
        var (outcome, _) = Run(Texts.WithProgram("open " + new string('A', 100_000), "jump"));
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.True(outcome.ErrChars < 1_000, outcome.ToString());
        Assert.Contains($":7:{Limits.MaxLineChars + 1}: line: the line has 100007 characters (allowed: at most {Limits.MaxLineChars})", outcome.Err, StringComparison.Ordinal);
        Assert.Contains(":8:3: step: unknown step 'jump'", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_token_within_the_line_limit_is_cut_with_its_length()
    {
        var error = Assert.Single(Errors(Texts.WithProgram("open " + new string('A', 3000))));
        Assert.Contains($"'{new string('A', Limits.MaxEchoChars)}… (3000 characters)' is not an open mode", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_scenario_name_is_refused_once_and_cut()
    {
        var errors = Errors("scenario: " + new string('n', 3000) + "\ndriver:\n  buffer: kmalloc pages=1\n  mmap: none\nprogram:\n  open O_RDWR\n");
        var error = Assert.Single(errors);
        Assert.Equal($"t.scenario:1:11: scenario: the name has 3000 characters (allowed: at most {Limits.MaxNameChars})", error.ToString());
    }

    [Fact]
    public void Terminal_escapes_and_control_characters_are_shown_escaped()
    {
        var (outcome, _) = Run(Texts.WithProgram("open \u001b]0;pwned\u0007\u001b[2J\u202e"));
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.DoesNotContain('\u001b', outcome.Err);
        Assert.DoesNotContain('\u0007', outcome.Err);
        Assert.DoesNotContain('\u202e', outcome.Err);
        Assert.Contains("'\\x1b]0;pwned\\x07\\x1b[2J\\u202e' is not an open mode", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Address_arithmetic_that_overflows_is_an_error()
    {
        var error = Assert.Single(Errors(Texts.WithProgram(
            "open O_RDWR", "mmap VA length=1p prot=PROT_READ flags=MAP_SHARED", "read VA+0xffffffffffffffff+1 char")));
        Assert.Equal(9, error.Line);
        Assert.Equal("address.offset", error.Field);
        Assert.Contains("overflows 64 bits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_offset_that_does_not_overflow_is_accepted()
    {
        Assert.Empty(Errors(Texts.WithProgram("open O_RDWR", "mmap VA length=1p prot=PROT_READ flags=MAP_SHARED", "read VA+0xfffffffffffffffe+1 char")));
    }

    [Fact]
    public void A_tab_in_trace_count_separates_the_count_as_a_space_does()
    {
        var parsed = ScenarioParser.Parse(Texts.WithProgram("open O_RDWR") + "expect:\n  trace-count: 1\topen(\n", "t.scenario");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        var expectation = Assert.Single(parsed.Scenario!.Expectations);
        Assert.Equal((1, "open("), (expectation.Count, expectation.Text));
    }

    [Fact]
    public void A_file_with_cr_only_line_ends_parses_like_lf()
    {
        var lf = Texts.Minimal;
        var cr = lf.Replace("\n", "\r", StringComparison.Ordinal);
        var parsed = ScenarioParser.Parse(cr, "t.scenario");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        Assert.Equal(ScenarioParser.Parse(lf).Scenario, parsed.Scenario);
        Assert.Equal(ExitCodes.Success, Run(cr).Outcome.ExitCode);
    }

    [Fact]
    public void More_steps_than_the_limit_is_one_error()
    {
        var lines = new[] { "open O_RDWR" }.Concat(Enumerable.Repeat("maps", Limits.MaxSteps + 5)).ToArray();
        var error = Assert.Single(Errors(Texts.WithProgram(lines)));
        Assert.Equal($"more than {Limits.MaxSteps} steps", error.Message);
        Assert.Equal(7 + Limits.MaxSteps, error.Line);
    }

    [Fact]
    public void More_mapped_bytes_than_the_limit_is_one_error_not_a_long_run()
    {
        var lines = new[] { "open O_RDWR" }.Concat(Enumerable.Range(0, 300).Select(i => $"mmap M{i} length=0x40000000 prot=PROT_READ flags=MAP_SHARED")).ToArray();
        var (outcome, _) = Run(Texts.WithProgram(lines));
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Single(outcome.ErrLines);
        Assert.Contains("more than 4294967296 bytes together", outcome.Err, StringComparison.Ordinal);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(10), outcome.ToString());
    }

    [Fact]
    public void A_run_whose_trace_passes_the_limit_stops_with_exit_2_and_bounded_output()
    {
        var text = Texts.WithProgram("open O_RDWR", "mmap VA length=1024M prot=PROT_READ flags=MAP_SHARED", "check VA", "maps");
        var run = ScenarioRunner.Run(ScenarioParser.Parse(text).Scenario!);
        Assert.False(run.Passed);
        Assert.StartsWith("line 9: the trace has ", run.LimitError, StringComparison.Ordinal);
        Assert.Equal(StepResult.NotRun, run.Steps[^1].Actual);
        var (outcome, _) = Run(text);
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.True(outcome.OutChars + outcome.ErrChars < 10_000, outcome.ToString());
        Assert.Contains($"more than the limit of {Limits.MaxTraceEvents}", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Fd_read_longer_than_the_limit_is_an_error()
    {
        var error = Assert.Single(Errors(Texts.WithProgram("open O_RDWR", "fd-read length=0x80000000")));
        Assert.Equal("fd-read.length", error.Field);
    }

    [Fact]
    public void Every_error_line_is_bounded_even_with_huge_allowed_lists()
    {
        foreach (var error in Errors(Texts.WithProgram("open O_RDWR", "mmap VA length=1p prot=PROT_READ flags=MAP_SHARED => EWHAT", "mmap " + new string('V', 2000) + " length=1p")))
        {
            Assert.True(error.ToString().Length < 2000, error.ToString());
        }
    }

    [Fact]
    public void More_fd_transfer_than_the_limit_is_one_error()
    {
        var lines = new[] { "open O_RDWR" }.Concat(Enumerable.Repeat("fd-read length=1024M", 100)).ToArray();
        var error = Assert.Single(Errors(Texts.WithProgram(lines)));
        Assert.Equal(12, error.Line);
        Assert.Contains("move more than 4294967296 bytes together", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_at_the_limits_runs_in_seconds()
    {
        // Found while measuring the limits: 998 fd-reads of 1 GiB each took 25 s before MaxTotalTransfer.
        var lines = new[] { "open O_RDWR", "mmap VA length=1024M prot=PROT_READ|PROT_WRITE flags=MAP_SHARED" }
            .Concat(Enumerable.Repeat("fd-read length=1024M", 4))
            .Concat(Enumerable.Range(0, Limits.MaxSteps - 6).Select(i => i % 2 == 0 ? "mprotect VA length=1024M prot=PROT_READ" : "check VA"))
            .ToArray();
        var (outcome, _) = Run(Texts.WithProgram(lines).Replace("vmalloc pages=16", "vmalloc pages=1024", StringComparison.Ordinal), "-q");
        Assert.True(outcome.ExitCode is ExitCodes.Success or ExitCodes.BadInput, outcome.ToString());
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(20), outcome.ToString());
        Assert.True(outcome.OutChars + outcome.ErrChars < 100_000, outcome.ToString());
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("tab\there", "'tab\\there'")]
    [InlineData("\u001b[2J", "'\\x1b[2J'")]
    [InlineData("\u009b31m", "'\\x9b31m'")]
    [InlineData("abc\u202edef", "'abc\\u202edef'")]
    public void Echo_escapes_control_characters_and_bidi_overrides(string input, string quoted)
    {
        Assert.Equal(quoted, Echo.Quote(input));
    }

    [Fact]
    public void Echo_cuts_long_text_without_splitting_a_surrogate_pair()
    {
        var text = new string('a', Limits.MaxEchoChars - 1) + "\U0001F600" + "tail";
        var quoted = Echo.Quote(text);
        Assert.Equal($"'{new string('a', Limits.MaxEchoChars - 1)}… ({text.Length} characters)'", quoted);
    }
}
