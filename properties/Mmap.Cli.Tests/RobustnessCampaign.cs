using System.Text;
using Mmap.Scenarios.Syntax;
using Xunit.Abstractions;

namespace Mmap.Cli.Tests;

/// <summary>
/// The robustness campaign: mutated corpus files, grammar-generated scenario files and random argument vectors through
/// every command, in-process, each with a time limit. Asserted for every case: no escaped exception and no exit 4, no
/// hang, output bounded, the exit code one of the documented ones, stderr free of raw control characters and of
/// overlong lines. The fast slice runs in `dotnet test` with a fixed seed; MMAP_ROBUSTNESS_CASES=N (and
/// MMAP_ROBUSTNESS_SEED) runs the deep one (run-verify.sh: 100,000 cases). A failing case prints its seed, its
/// arguments and its file, and writes the file to artifacts/robustness/ as a reproducer.
/// </summary>
public sealed class RobustnessCampaign(ITestOutputHelper output)
{
    public const int FastCases = 600;
    public const int FixedSeed = 15_0015;
    public const long MaxOutputChars = 8L << 20;
    public const int MaxErrorLineChars = 4000;
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void Every_command_survives_mutated_files_generated_files_and_argument_vectors()
    {
        var cases = Environment.GetEnvironmentVariable("MMAP_ROBUSTNESS_CASES") is { Length: > 0 } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : FastCases;
        var seed = Environment.GetEnvironmentVariable("MMAP_ROBUSTNESS_SEED") is { Length: > 0 } s
            ? (s == "random" ? Random.Shared.Next() : int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : FixedSeed;
        var before = Directory.GetFileSystemEntries(Environment.CurrentDirectory).Order(StringComparer.Ordinal).ToList();
        var summary = Campaign.Run(cases, seed, CaseTimeout);
        output.WriteLine(summary.Report());
        Assert.True(summary.Failures.Count == 0, summary.Report());
        // Every file a case writes stays in the campaign's temporary folder.
        Assert.Equal(before, Directory.GetFileSystemEntries(Environment.CurrentDirectory).Order(StringComparer.Ordinal).ToList());
    }
}

/// <summary>One campaign: the cases, what they exited with, and every violation with its reproducer.</summary>
public sealed class Campaign
{
    private readonly List<string> _failures = new();
    private readonly SortedDictionary<int, int> _exits = new();
    private readonly Dictionary<string, int> _kinds = new();
    private int _cases;
    private int _seed;
    private long _largestOutput;
    private TimeSpan _slowest;
    private TimeSpan _total;

    public IReadOnlyList<string> Failures => _failures;

    public static Campaign Run(int cases, int seed, TimeSpan timeout)
    {
        var campaign = new Campaign { _cases = cases, _seed = seed };
        var master = new Random(seed);
        using var temp = CliHarness.Temp();
        var world = new World(temp);
        for (var i = 0; i < cases && campaign._failures.Count < 20; i++)
        {
            var caseSeed = master.Next();
            var (kind, args, file) = world.Case(new Random(caseSeed));
            campaign._kinds[kind] = campaign._kinds.GetValueOrDefault(kind) + 1;
            campaign.Check(caseSeed, kind, args, file, timeout);
        }

        return campaign;
    }

    private void Check(int caseSeed, string kind, string[] args, string? file, TimeSpan timeout)
    {
        CliOutcome outcome;
        try
        {
            outcome = CliHarness.Invoke(timeout, args);
        }
        catch (TimeoutException e)
        {
            Fail(caseSeed, kind, args, file, "hang: " + e.Message);
            return;
        }

        _exits[outcome.ExitCode] = _exits.GetValueOrDefault(outcome.ExitCode) + 1;
        _largestOutput = Math.Max(_largestOutput, outcome.OutChars + outcome.ErrChars);
        _slowest = outcome.Elapsed > _slowest ? outcome.Elapsed : _slowest;
        _total += outcome.Elapsed;
        var problem =
            outcome.Escaped is { } escaped ? $"exception escaped Program.Run: {escaped}" :
            outcome.ExitCode == ExitCodes.InternalError ? "internal error (exit 4): " + outcome.Err :
            !ExitCodes.All.Any(c => c.Code == outcome.ExitCode) ? $"undocumented exit code {outcome.ExitCode}" :
            outcome.OutChars + outcome.ErrChars > RobustnessCampaign.MaxOutputChars ? $"output of {outcome.OutChars + outcome.ErrChars} characters" :
            outcome.Err.Any(c => c < 0x20 && c is not '\n' and not '\r' && c != '\t' || c == 0x7f) ? "raw control character on stderr" :
            outcome.ErrLines.FirstOrDefault(l => l.Length > RobustnessCampaign.MaxErrorLineChars) is { } longLine ? $"stderr line of {longLine.Length} characters" :
            outcome.Err.Contains("System.", StringComparison.Ordinal) && outcome.Err.Contains("Exception", StringComparison.Ordinal) ? "a .NET exception on stderr" :
            outcome.ExitCode == ExitCodes.BadInput && outcome.ErrChars == 0 ? "exit 2 without a message" :
            null;
        if (problem is not null) Fail(caseSeed, kind, args, file, problem + "\n" + outcome);
    }

    private void Fail(int caseSeed, string kind, string[] args, string? file, string problem)
    {
        var reproducer = "";
        if (file is not null)
        {
            var folder = Path.Combine(RepositoryRoot.Path, "artifacts", "robustness");
            Directory.CreateDirectory(folder);
            reproducer = Path.Combine(folder, $"case-{_seed}-{caseSeed}.scenario");
            File.WriteAllText(reproducer, file);
        }

        _failures.Add($"case seed {caseSeed} ({kind}): mmapv {string.Join(' ', args.Select(a => Echo.Quote(a)))}\n  {problem}" +
                      (file is null ? "" : $"\n  file written to {reproducer}:\n{Echo.Escape(file, 2000)}"));
    }

    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine($"robustness campaign: {_cases} cases from seed {_seed} (MMAP_ROBUSTNESS_SEED={_seed} MMAP_ROBUSTNESS_CASES={_cases} to replay)");
        text.AppendLine("  kinds: " + string.Join(", ", _kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
        text.AppendLine("  exit codes: " + string.Join(", ", _exits.Select(e => $"{e.Key}: {e.Value}")));
        text.AppendLine($"  largest output {_largestOutput} characters, slowest case {_slowest.TotalMilliseconds:F0} ms, total {_total.TotalSeconds:F1} s");
        text.AppendLine($"  {_failures.Count} failures");
        foreach (var failure in _failures) text.AppendLine(failure);
        return text.ToString();
    }
}

/// <summary>The files and argument vectors of the campaign: corpus mutations, grammar-generated scenarios, odd paths.</summary>
public sealed class World
{
    private readonly TempFolder _temp;
    private readonly string[] _corpus;
    private readonly string _casePath;
    private readonly string _caseFolder;
    private readonly string _fifo;
    private readonly string _dangling;
    private readonly string _emptyFolder;

    public World(TempFolder temp)
    {
        _temp = temp;
        _corpus = Directory.GetFiles(RepositoryRoot.Corpus, "*.scenario").Concat(Directory.GetFiles(RepositoryRoot.Counterexamples, "*.scenario"))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        _caseFolder = temp.Combine("case");
        Directory.CreateDirectory(_caseFolder);
        _casePath = Path.Combine(_caseFolder, "case.scenario");
        _fifo = temp.Combine("pipe.scenario");
        CliHarness.MakeFifo(_fifo);
        _dangling = temp.Combine("dangling.scenario");
        File.CreateSymbolicLink(_dangling, temp.Combine("nowhere"));
        Directory.CreateDirectory(temp.Combine("outputs"));
        _emptyFolder = temp.Combine("empty");
        Directory.CreateDirectory(_emptyFolder);
        Directory.CreateSymbolicLink(Path.Combine(_caseFolder, "loop"), _caseFolder);
    }

    private static readonly string[] Tokens =
    [
        "=>", "ok", "BUG", "SIGBUS", "SIGSEGV:ACCERR", "EINVAL", "EBOGUS", "E", "matched", "?", "not-run",
        "0", "1", "-1", "0x", "0x0", "0xffffffffffffffff", "18446744073709551616", "99999999999999999999", "1p", "0p", "99999999999p",
        "4K", "10M", "1024M", "1025M", "4096M", "16p", "0x1000", "1e3", "1.5",
        "VA", "VA+0", "VA+0xffffffffffffffff+1", "VA+", "+", "VA++1", "VB", "VA+1p+4", "VA+-1", "_", "",
        "\u001b[31m", "\u001b]0;t\u0007", "é", "\0", "\t", "\u202e", "\r", "\ufeff",
        "length=", "length=1p", "length=0", "length=1024M", "prot=", "prot=PROT_NONE", "prot=PROT_READ|PROT_WRITE", "prot=|",
        "flags=MAP_SHARED", "flags=MAP_PRIVATE|MAP_FIXED", "flags=0xffffffff", "flags=0x", "offset=0", "offset=1p", "offset=0xffffffffffffffff",
        "addr=VA", "addr=VA+1p", "pattern=aa,bb", "pattern=,", "pattern=zz", "pattern=00,11,22,33,44,55,66,77,88,99,aa,bb,cc,dd,ee,ff,00",
        "=", ":", "#", "driver:", "program:", "expect:", "scenario:", "kernel:", "device:", "trace-count:", "trace-count: 99999999999 x",
        "pages=0", "pages=1", "pages=1024", "pages=1025", "pages=-1", "error=EIO", "error=EBOGUS", "none", "i", "yes", "no", "6.1", "6.12", "5.4",
    ];

    private static readonly string[] Verbs = ["open", "close", "mmap", "read", "write", "mprotect", "munmap", "check", "fd-write", "fd-read", "check-buffer", "maps", "proc-total"];

    /// <summary>In a pick list: "an odd token here" (never chosen for a clean file).</summary>
    private const string Odd = "\u0000odd";

    /// <summary>A clean generated file draws only well-formed values, so it parses and runs the model.</summary>
    private bool _clean;

    private static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    private string Pick(Random r, IReadOnlyList<string> items)
    {
        // A value marked "!" is well-formed but wrong (a limit, a type mismatch): left out of clean files too.
        var choices = _clean ? items.Where(i => i != Odd && !i.StartsWith('!')).ToList() : items;
        var chosen = choices[r.Next(choices.Count)];
        return chosen == Odd ? Token(r) : chosen.TrimStart('!');
    }

    private bool Sometimes(Random r, int oneIn) => !_clean && r.Next(oneIn) == 0;

    private string Token(Random r) => r.Next(20) switch
    {
        0 => new string((char)('A' + r.Next(26)), r.Next(1, 6000)),
        1 => Pick(r, Vocabulary.Methods.Keys.ToList()),
        2 => Pick(r, Vocabulary.MapFlagBits.Keys.ToList()),
        3 => Pick(r, Vocabulary.ProtBits.Keys.ToList()),
        4 => Pick(r, Vocabulary.OpenModes.Keys.ToList()) + (r.Next(3) == 0 ? "|O_SYNC" : ""),
        5 => r.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Pick(r, Tokens),
    };

    private string StepLine(Random r)
    {
        var verb = Pick(r, Verbs);
        var parts = new List<string> { verb };
        switch (verb)
        {
            case "mmap":
                parts.Add(_clean ? "M" + r.Next(1_000_000) : r.Next(4) == 0 ? Token(r) : Pick(r, ["VA", "VB", "VC"]));
                parts.Add("length=" + Pick(r, ["1p", "16p", "0", "0x1001", "10M", "1024M", "17p", Odd]));
                parts.Add("prot=" + Pick(r, ["PROT_READ", "PROT_READ|PROT_WRITE", "PROT_NONE", Odd]));
                parts.Add("flags=" + Pick(r, ["MAP_SHARED", "MAP_PRIVATE", "MAP_SHARED|MAP_FIXED", "MAP_PRIVATE|MAP_POPULATE", Odd]));
                if (r.Next(2) == 0) parts.Add("offset=" + Pick(r, ["0", "1p", "16p", "0xffffffffffff000", Odd]));
                if (r.Next(4) == 0) parts.Add("addr=" + Pick(r, ["VA", "VA+1p", Odd]));
                break;
            case "read":
            case "write":
                parts.Add(Pick(r, ["VA", "VA+0", "VA+1p", "VA+0xfff", "VB+3p+4", "VA+16p", Odd]));
                parts.Add(verb == "read" ? Pick(r, ["char", "uchar", "u32", "!u8", Odd]) : Pick(r, ["!char", "!uchar", "u32", "u8", Odd]));
                if (verb == "write") parts.Add(Pick(r, ["0x1", "255", "!0xffffffff", "!256", Odd]));
                break;
            case "mprotect":
            case "munmap":
                parts.Add(Pick(r, ["VA", "VA+1p", "VB", Odd]));
                parts.Add("length=" + Pick(r, ["1p", "2p", "16p", "0", Odd]));
                if (verb == "mprotect") parts.Add("prot=" + Pick(r, ["PROT_READ|PROT_WRITE", "PROT_NONE", Odd]));
                break;
            case "check":
                parts.Add(Pick(r, ["VA", "VB", Odd]));
                if (r.Next(2) == 0) parts.Add("pattern=" + Pick(r, ["dd,cc,bb,aa", "00", Odd]));
                break;
            case "fd-write":
                parts.Add("length=" + Pick(r, ["1p", "16p", "10M", Odd]));
                parts.Add("pattern=" + Pick(r, ["aa", "a0,b0,c0,d0", Odd]));
                break;
            case "fd-read":
                parts.Add("length=" + Pick(r, ["1p", "16p", "10M", Odd]));
                break;
            case "check-buffer":
                parts.Add("pattern=" + Pick(r, ["aa", "a0,b0,c0,d0", Odd]));
                break;
            case "open":
                parts.Add(Pick(r, ["O_RDONLY", "O_RDWR", "O_WRONLY|O_SYNC", Odd]));
                break;
        }

        for (var extra = Sometimes(r, 8) ? r.Next(1, 4) : 0; extra > 0; extra--) parts.Insert(r.Next(parts.Count + 1), Token(r));
        if (!_clean && r.Next(2) == 0) parts.AddRange(["=>", r.Next(3) == 0 ? Token(r) : Pick(r, ["ok", "EINVAL", "SIGBUS", "matched", "ffffffdd", "4096"])]);
        var line = "  " + string.Join(Pick(r, [" ", " ", "\t", "   "]), parts);
        return _clean ? line.Replace("VB", "VA", StringComparison.Ordinal).Replace("VC", "VA", StringComparison.Ordinal) : line;
    }

    /// <summary>A scenario built from the grammar, with some values drawn from the odd-token pool.</summary>
    private string Generated(Random r)
    {
        var text = new StringBuilder();
        if (_clean || r.Next(10) != 0) text.Append("scenario: ").Append(Sometimes(r, 6) ? Token(r) : "gen-" + r.Next(1000)).Append('\n');
        if (r.Next(2) == 0) text.Append("kernel: ").Append(Pick(r, ["6.1", "6.12", Odd])).Append('\n');
        if (r.Next(4) == 0) text.Append("device: ").Append(Pick(r, ["/dev/maps0", "!/dev/x y", Odd])).Append('\n');
        text.Append("driver:\n");
        text.Append("  buffer: ").Append(Pick(r, ["kmalloc", "vmalloc", Odd])).Append(" pages=").Append(Pick(r, ["1", "2", "16", "1024", "!1025", "!0", Odd])).Append('\n');
        text.Append("  mmap: ").Append(Sometimes(r, 8) ? Token(r) : Pick(r, Vocabulary.Methods.Keys.ToList())).Append('\n');
        foreach (var (key, values) in new (string, string[])[]
                 {
                     ("fill", ["dd cc bb aa", "i", "!zz", "!00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff 00"]),
                     ("length-limit", ["pages=16 error=EIO", "none", "!pages=x error=EIO", "!pages=16"]),
                     ("prot", ["vm_page_prot", "PAGE_SHARED"]), ("check-errors", ["yes", "no"]), ("pgoff", ["ignore", "honour"]),
                     ("clear-maywrite", ["yes", "no"]), ("fops", ["none", "lab"]),
                 })
        {
            if (r.Next(3) == 0) text.Append("  ").Append(key).Append(": ").Append(Sometimes(r, 6) ? Token(r) : Pick(r, values)).Append('\n');
        }

        text.Append("program:\n");
        if (_clean) text.Append("  open O_RDWR\n  mmap VA length=16p prot=PROT_READ|PROT_WRITE flags=MAP_SHARED\n");
        for (var i = r.Next(0, r.Next(10) == 0 ? 200 : 16); i > 0; i--) text.Append(StepLine(r)).Append('\n');
        if (r.Next(2) == 0)
        {
            text.Append("expect:\n");
            for (var i = r.Next(1, 4); i > 0; i--)
            {
                text.Append("  ").Append(Pick(r, ["trace-contains: ", "trace-lacks: ", "trace-count: 1 ", "trace-count:\t2\t", "!trace-count: ", "!trace-what: ", Odd]))
                    .Append(Pick(r, ["remap_pfn_range", "SIGBUS", "= -EINVAL", Odd])).Append('\n');
            }
        }

        return text.ToString();
    }

    private string Mutated(Random r)
    {
        var text = Pick(r, _corpus);
        for (var m = r.Next(1, 5); m > 0; m--)
        {
            var lines = text.Split('\n').ToList();
            var at = r.Next(lines.Count);
            switch (r.Next(11))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.InsertRange(at, Enumerable.Repeat(lines[at], r.Next(1, 60))); break;
                case 2: (lines[at], lines[r.Next(lines.Count)]) = (lines[r.Next(lines.Count)], lines[at]); break;
                case 3:
                    var words = lines[at].Split(' ');
                    words[r.Next(words.Length)] = Token(r);
                    lines[at] = string.Join(' ', words);
                    break;
                case 4: lines.Insert(at, StepLine(r)); break;
                case 5: lines[at] = lines[at].Insert(r.Next(lines[at].Length + 1), ((char)r.Next(0, 0x250)).ToString()); break;
                case 6: return string.Join('\n', lines)[..r.Next(string.Join('\n', lines).Length + 1)];
                case 7: return string.Join(Pick(r, ["\r\n", "\r"]), lines);
                case 8: lines[at] = lines[at].Replace(' ', '\t'); break;
                case 9: lines.Insert(at, Pick(r, ["driver:", "program:", "expect:", "scenario: again", "  => ok", "=> ok", "#", "  maps # comment"])); break;
                default: lines[at] = lines[at] + " " + Token(r); break;
            }

            text = string.Join('\n', lines);
        }

        return text;
    }

    private static readonly string[] CommandNames = ["run", "check", "regress", "bench", "prove", "oracle"];

    private static readonly string[] Options =
    [
        "--json", "--quiet", "-q", "--svg", "--recursive", "-r", "--driver", "--action", "--matrix-only", "--max-pages", "--max-offset",
        "--seconds", "--skip-scope", "--scope-runs", "--out", "--solvers", "--corpus", "--timeout", "--only", "--kernel", "--matrix",
        "--help", "-h", "-?", "--version", "--", "-", "--nope", "-x",
    ];

    private string Value(Random r) => r.Next(14) switch
    {
        0 => _casePath,
        1 => _caseFolder,
        2 => _fifo,
        3 => _dangling,
        4 => _emptyFolder,
        5 => Pick(r, ["/dev/zero", "/dev/null", "@/dev/zero", "@" + _fifo, _temp.Combine("missing.scenario"), _temp.Combine("out.svg"), _temp.Combine("outdir")]),
        6 => Pick(r, ["0", "-1", "1", "2", "3", "64", "1024", "1025", "2147483648", "1.5", "1e9", "NaN", "abc", ""]),
        7 => Pick(r, ["seed", "vmmap", "fault-pfn", "read-each-page", "6.1", "6.12", "all", "z3", "cvc5", "z3-inproc,cvc5", "z3,yices"]),
        8 => Token(r),
        _ => Pick(r, Options),
    };

    /// <summary>One case: its kind, the argument vector, and the scenario file it wrote (if any).</summary>
    public (string Kind, string[] Args, string? File) Case(Random r)
    {
        string? file = null;
        var kind = r.Next(10) switch
        {
            < 4 => "mutated",
            < 7 => "generated",
            _ => "arguments",
        };
        if (kind != "arguments")
        {
            _clean = kind == "generated" && r.Next(2) == 0;
            file = kind == "mutated" ? Mutated(r) : Generated(r);
            _clean = false;
            File.WriteAllText(_casePath, file);
            var fileArgs = r.Next(6) switch
            {
                0 => new[] { "run", _casePath, "--json" },
                1 => ["run", _casePath, "-q"],
                2 => ["run", _casePath, "--svg", _temp.Combine("out.svg")],
                3 => ["regress", _caseFolder],
                4 => ["oracle", _casePath, "--kernel", "9.9"],
                _ => ["run", _casePath],
            };
            return (kind, fileArgs, file);
        }

        if (r.Next(3) == 0)
        {
            // Keep a valid file at the case path for argument vectors that name it.
            file = Pick(r, _corpus);
            File.WriteAllText(_casePath, file);
        }

        var args = new List<string>();
        var command = r.Next(12) switch { 0 => "", 1 => Token(r), _ => Pick(r, CommandNames) };
        if (command.Length > 0) args.Add(command);
        for (var i = r.Next(0, 6); i > 0; i--) args.Add(Value(r));
        // The long commands always get one value their own validation refuses, so a case never proves, benchmarks or
        // boots for real (the valid paths are covered by ExitCodeTests); check runs only tiny scopes.
        switch (command)
        {
            case "bench": args.AddRange(["--scope-runs", "0"]); break;
            case "prove": args.AddRange(["--only", "\u0001none"]); break;
            case "oracle": args.RemoveAll(a => a is "--install"); args.AddRange(["--kernel", "9.9"]); break;
            case "check": args.AddRange(["--max-pages", "2", "--max-offset", "1"]); break;
        }

        return ("arguments", ConfineOutputs(args), file);
    }

    /// <summary>
    /// Output options write where they are told: a relative name would land in the test's working folder (and a
    /// file named "--nope" there turns "--nope" from an unknown option into a file). Values of --svg, --out and
    /// --corpus that are not absolute are moved into the campaign's temporary folder, '/' replaced.
    /// </summary>
    private string[] ConfineOutputs(List<string> args)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] is "--svg" or "--out" or "--corpus" && !Path.IsPathRooted(args[i + 1]))
            {
                args[i + 1] = _temp.Combine("outputs", args[i + 1].Replace('/', '_').Replace('\0', '_'));
            }
        }

        return args.ToArray();
    }
}
