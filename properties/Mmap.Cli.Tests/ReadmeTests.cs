using System.Diagnostics;
using System.Text.RegularExpressions;
using Mmap.Oracle.Kernels;
using Xunit.Abstractions;

namespace Mmap.Cli.Tests;

/// <summary>
/// The README cannot go stale: every mmapv command in its ```sh blocks is run as the reader would run it (a real
/// `dotnet mmapv.dll` process, through bash so globs expand, from a folder where properties/, examples/ and src/
/// are the repository's and output files land in a temporary folder) and must exit as the README says (0, or
/// the N of a trailing "# exits N"). Commands needing the real kernels run when the kernel cache and QEMU are
/// there and are otherwise listed as skipped with the reason. The exit-code and limit tables must match the code.
/// </summary>
public sealed partial class ReadmeTests(ITestOutputHelper output)
{
    public sealed record ReadmeCommand(int Line, string Text, string Arguments, int ExpectedExit);

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

    [GeneratedRegex(@"^(?:dotnet run(?: -c Release)? --project src/Mmap\.Cli --|mmapv) (?<args>[^#]*?)\s*(?:#\s*(?<comment>.*))?$")]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"exits (?<code>\d)")]
    private static partial Regex ExitsComment();

    public static IReadOnlyList<ReadmeCommand> Commands()
    {
        var commands = new List<ReadmeCommand>();
        var lines = Readme.Split('\n');
        var inShell = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && line == "```sh";
                continue;
            }

            if (!inShell || CommandLine().Match(line) is not { Success: true } match) continue;
            var comment = match.Groups["comment"].Value;
            var expected = ExitsComment().Match(comment) is { Success: true } exits ? int.Parse(exits.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            commands.Add(new ReadmeCommand(i + 1, line, match.Groups["args"].Value.Trim(), expected));
        }

        return commands;
    }

    public static TheoryData<int> CommandLines()
    {
        var data = new TheoryData<int>();
        foreach (var command in Commands()) data.Add(command.Line);
        return data;
    }

    [Fact]
    public void The_readme_shows_the_commands_a_newcomer_needs()
    {
        var verbs = Commands().Select(c => c.Arguments.Split(' ')[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "run", "oracle" }, verbs);
        Assert.Contains(Commands(), c => c.ExpectedExit == ExitCodes.Failed);
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public async Task Every_command_in_the_readme_exits_as_the_readme_says(int line)
    {
        var command = Commands().Single(c => c.Line == line);
        if (SkipReason(command) is { } reason)
        {
            output.WriteLine($"README.md:{line}: skipped: {reason}: {command.Text}");
            return;
        }

        using var temp = CliHarness.Temp();
        foreach (var shared in new[] { "properties", "examples", "src" })
        {
            Directory.CreateSymbolicLink(temp.Combine(shared), Path.Combine(RepositoryRoot.Path, shared));
        }

        var mmapv = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("bash", ["-c", $"exec dotnet '{mmapv}' {command.Arguments}"])
        {
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"README.md:{line}: {command.Text} did not finish within 5 minutes");
        }

        process.WaitForExit();
        var err = await stderr;
        var outText = await stdout;
        output.WriteLine($"README.md:{line}: {command.Text} => exit {process.ExitCode}");
        Assert.True(process.ExitCode == command.ExpectedExit,
            $"README.md:{line}: {command.Text}\nexpected exit {command.ExpectedExit}, got {process.ExitCode}\nstderr: {Cut(err)}\nstdout: {Cut(outText)}");
    }

    /// <summary>Why a README command cannot run here, or null.</summary>
    private static string? SkipReason(ReadmeCommand command)
    {
        var campaign = command.Arguments.StartsWith("fuzz", StringComparison.Ordinal) && !command.Arguments.Contains("--write-scenarios", StringComparison.Ordinal);
        if (campaign && Environment.GetEnvironmentVariable("MMAP_DOC_FULL_ORACLE") != "1")
            return "a fuzzing campaign on the real kernels takes minutes: ./run-verify.sh runs one (set MMAP_DOC_FULL_ORACLE=1 to run it here)";
        if (!command.Arguments.StartsWith("oracle", StringComparison.Ordinal)) return null;
        // The full-knob matrix is 9,312 scenarios per kernel series: ./run-verify.sh --kernel runs it; the test suite runs
        // a slice of it (RealKernelTests) unless MMAP_DOC_FULL_ORACLE=1 asks for the README's command itself.
        if (command.Arguments.Contains("--matrix", StringComparison.Ordinal) && Environment.GetEnvironmentVariable("MMAP_DOC_FULL_ORACLE") != "1")
            return "the full conformance matrix runs in ./run-verify.sh --kernel (set MMAP_DOC_FULL_ORACLE=1 to run it here)";
        var missing = KernelSeries.All.Where(s => KernelPackages.TryFind(s) is null).Select(s => s.Name).ToList();
        if (missing.Count > 0) return $"kernel {string.Join(", ", missing)} not in the cache (./run-verify.sh --kernel installs them)";
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
        if (!path.Any(dir => File.Exists(Path.Combine(dir, "qemu-system-x86_64")))) return "qemu-system-x86_64 is not installed";
        return null;
    }

    private static string Cut(string s) => s.Length > 3000 ? s[..3000] + "…" : s;

    [Fact]
    public void The_exit_code_table_is_the_declared_one()
    {
        foreach (var (code, meaning) in ExitCodes.All)
        {
            Assert.Contains($"| {code} | {meaning} |", Readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_limits_table_is_the_declared_one()
    {
        foreach (var (name, value, meaning) in Mmap.Scenarios.Limits.Table)
        {
            Assert.Contains($"| {name} | {value} | {meaning} |", Readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_walk_through_shows_the_trace_the_model_prints()
    {
        var outcome = CliHarness.Invoke("run", Path.Combine(RepositoryRoot.Path, "examples", "my-driver.scenario"));
        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var trace = outcome.Out.Split('\n').Skip(1).TakeWhile(l => l.Length > 0).ToList();
        var shown = string.Join('\n', trace);
        Assert.Contains(shown, Readme.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_walk_through_shows_the_example_file_as_it_is()
    {
        var file = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "examples", "my-driver.scenario"));
        var shown = string.Join('\n', file.SkipWhile(l => l.StartsWith('#')));
        Assert.Contains(shown.TrimEnd(), Readme.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
