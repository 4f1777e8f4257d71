namespace Mmap.Cli.Tests;

/// <summary>Issue 15's input-file failures, each reproduced: only regular files are read, folders expand predictably, one bad file does not stop a batch.</summary>
public sealed class InputFileTests
{
    [Fact]
    public void Dev_zero_is_refused_before_reading_not_an_out_of_memory()
    {
        var outcome = CliHarness.Invoke("run", "/dev/zero");
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("/dev/zero: a character device, not a regular file", outcome.Err, StringComparison.Ordinal);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("oracle")]
    public void A_fifo_is_refused_without_opening_it(string command)
    {
        using var temp = CliHarness.Temp();
        var fifo = temp.Combine("pipe.scenario");
        CliHarness.MakeFifo(fifo);
        var outcome = CliHarness.Invoke(TimeSpan.FromSeconds(20), command, fifo);
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("a FIFO (named pipe), not a regular file", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_inside_a_folder_is_reported_and_the_other_files_run()
    {
        using var temp = CliHarness.Temp();
        CliHarness.MakeFifo(temp.Combine("pipe.scenario"));
        temp.File("ok.scenario", Texts.Minimal);
        var outcome = CliHarness.Invoke(TimeSpan.FromSeconds(20), "run", temp.Path, "-q");
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("PASS minimal", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("pipe.scenario: a FIFO", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dangling_link_names_its_target_and_the_rest_of_the_batch_runs()
    {
        using var temp = CliHarness.Temp();
        var link = temp.Combine("gone.scenario");
        File.CreateSymbolicLink(link, temp.Combine("missing-target"));
        var ok = temp.File("ok.scenario", Texts.Minimal);
        var outcome = CliHarness.Invoke("run", link, ok, "-q");
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("gone.scenario: a symbolic link to ", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("which does not exist", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("PASS minimal", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("1 passed, 0 failed, 1 bad input", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_file_is_reported_and_the_other_files_still_run()
    {
        using var temp = CliHarness.Temp();
        var bad = temp.File("a-bad.scenario", "scenario: bad\ndriver:\n  buffer: kmalloc pages=1\n  mmap: remap-whole\nprogram:\n  jump VA\n");
        var ok = temp.File("b-ok.scenario", Texts.Minimal);
        var failing = temp.File("c-failing.scenario", Texts.Failing);
        var outcome = CliHarness.Invoke("run", bad, ok, failing, "-q");
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("a-bad.scenario:6:3: step: unknown step 'jump'", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("PASS minimal", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL failing", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed, 1 bad input", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_is_no_scenario_found_exit_2()
    {
        using var temp = CliHarness.Temp();
        var outcome = CliHarness.Invoke("run", temp.Path);
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("no scenario found", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_named_like_a_scenario_is_a_folder_and_empty_is_an_error()
    {
        using var temp = CliHarness.Temp();
        var folder = temp.Combine("x.scenario");
        Directory.CreateDirectory(folder);
        var outcome = CliHarness.Invoke("run", folder);
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("no scenario found", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_expand_to_their_own_scenarios_and_subfolders_only_with_recursive()
    {
        using var temp = CliHarness.Temp();
        temp.File("top.scenario", Texts.Minimal);
        temp.File("sub/deep.scenario", Texts.Minimal.Replace("minimal", "deep", StringComparison.Ordinal));
        temp.File("notes.txt", "not a scenario");
        var flat = CliHarness.Invoke("run", temp.Path, "-q");
        Assert.True(flat.ExitCode == ExitCodes.Success, flat.ToString());
        Assert.Contains("PASS minimal", flat.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("deep", flat.Out, StringComparison.Ordinal);
        var deep = CliHarness.Invoke("run", temp.Path, "--recursive", "-q");
        Assert.True(deep.ExitCode == ExitCodes.Success, deep.ToString());
        Assert.Contains("PASS deep", deep.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlink_loop_runs_each_file_once()
    {
        using var temp = CliHarness.Temp();
        temp.File("a/one.scenario", Texts.Minimal);
        Directory.CreateSymbolicLink(temp.Combine("a", "loop"), temp.Combine("a"));
        Directory.CreateSymbolicLink(temp.Combine("a", "loop.scenario"), temp.Combine("a"));
        var outcome = CliHarness.Invoke("run", temp.Combine("a"), temp.Combine("a", "loop"), "--recursive", "-q");
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.ToString());
        Assert.Single(outcome.Out.Split('\n'), l => l == "PASS minimal");
    }

    [Fact]
    public void A_self_referencing_link_is_a_link_loop()
    {
        using var temp = CliHarness.Temp();
        var link = temp.Combine("self.scenario");
        File.CreateSymbolicLink(link, link);
        var outcome = CliHarness.Invoke("run", link);
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("a loop of symbolic links", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_cap_is_refused_without_reading_it_all()
    {
        using var temp = CliHarness.Temp();
        var path = temp.Combine("huge.scenario");
        using (var stream = File.Create(path)) stream.SetLength(Mmap.Scenarios.Limits.MaxFileBytes + 10);
        var outcome = CliHarness.Invoke("run", path);
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains($"the file is larger than {Mmap.Scenarios.Limits.MaxFileBytes} bytes", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_into_a_folder_is_bad_input()
    {
        using var temp = CliHarness.Temp();
        var ok = temp.File("ok.scenario", Texts.Minimal);
        var outcome = CliHarness.Invoke("run", ok, "--svg", temp.Path);
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("--svg: ", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("is a folder; give a file name", outcome.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_writes_the_picture_of_one_scenario()
    {
        using var temp = CliHarness.Temp();
        var ok = temp.File("ok.scenario", Texts.Minimal);
        var svg = temp.Combine("ok.svg");
        var outcome = CliHarness.Invoke("run", ok, "--svg", svg, "-q");
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.ToString());
        Assert.Contains("<svg", File.ReadAllText(svg), StringComparison.Ordinal);
    }
}

/// <summary>Found while writing the robustness campaign's argument pool: System.CommandLine read "@FILE" response files (so "@/dev/zero" forever) before any check.</summary>
public sealed class ResponseFileTests
{
    [Fact]
    public void An_at_sign_argument_is_not_read_as_a_response_file()
    {
        var outcome = CliHarness.Invoke(TimeSpan.FromSeconds(20), "run", "@/dev/zero");
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        Assert.Contains("@/dev/zero: no such file or folder", outcome.Err, StringComparison.Ordinal);
    }
}
