using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mmap.Exploration.Corpus;
using Mmap.Exploration.Generators;
using Mmap.Oracle.Fuzzing;
using Mmap.Oracle;
using Mmap.Oracle.Kernels;
using Mmap.Oracle.Running;

namespace Mmap.Cli.Commands;

/// <summary>
/// <c>mmapv fuzz</c>: differential fuzzing. Generates N scenarios over the whole scenario language from a seed
/// (<see cref="ScenarioDomain"/>), runs them in batches on the real kernels and on the model, prints progress on
/// stderr and a summary per kernel (agreed, disagreed, rejected and failed with reasons counted), shrinks one
/// disagreement per difference class on its kernel and saves it as a counterexample.
/// Exit: 0 every runnable scenario agreed or disagreed only as a known deviation explains (KnownDeviations), 1 an
/// unexplained disagreement or a failed run, 2 bad input, 3 no QEMU/kernel.
/// </summary>
public static class FuzzCommand
{
    public static Command Create(CliContext context)
    {
        var count = new Option<int>("--count") { Description = "Number of scenarios", DefaultValueFactory = _ => 200 };
        var seed = new Option<string>("--seed") { Description = "Campaign seed (unsigned 64-bit): same seed, same scenarios", DefaultValueFactory = _ => "1" };
        var kernel = new Option<string>("--kernel") { Description = "6.1, 6.12, 7.3 or all", DefaultValueFactory = _ => "all" };
        var output = new Option<string?>("--out") { Description = "Folder for shrunk counterexamples (default: properties/counterexamples)", HelpName = "DIR" };
        var shrink = new Option<bool>("--shrink") { Description = "Shrink disagreements on the kernel (default)" };
        var noShrink = new Option<bool>("--no-shrink") { Description = "Do not shrink disagreements" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of text" };
        var batch = new Option<int>("--batch") { Description = "Scenarios per boot", DefaultValueFactory = _ => 1000 };
        var maxShrinks = new Option<int>("--max-shrinks") { Description = "Disagreement classes to shrink at most", DefaultValueFactory = _ => 5 };
        var budget = new Option<int>("--shrink-seconds") { Description = "Time budget per shrink", DefaultValueFactory = _ => 60 };
        var write = new Option<bool>("--write-scenarios") { Description = "Only write the generated scenarios into --out and exit (no kernel needed)" };
        var deviations = new Option<bool>("--known-deviations") { Description = "Only print the table of known deviations (Markdown) and exit" };
        var command = new Command("fuzz", "Generate random scenarios, run them on real kernels and the model, shrink disagreements")
        {
            count, seed, kernel, output, shrink, noShrink, json, batch, maxShrinks, budget, write, deviations,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(deviations))
            {
                context.Out.Write(KnownDeviations.MarkdownTable());
                return ExitCodes.Success;
            }
            if (parse.GetValue(shrink) && parse.GetValue(noShrink))
            {
                context.Error.WriteLine("fuzz: --shrink and --no-shrink exclude each other");
                return ExitCodes.BadInput;
            }
            return await ExecuteAsync(context, new FuzzSettings(
                parse.GetValue(count), parse.GetValue(seed)!, parse.GetValue(kernel)!, parse.GetValue(output), !parse.GetValue(noShrink),
                parse.GetValue(json), parse.GetValue(batch), parse.GetValue(maxShrinks), parse.GetValue(budget), parse.GetValue(write)), ct);
        });
        return command;
    }

    private sealed record FuzzSettings(int Count, string Seed, string Kernel, string? Out, bool Shrink, bool Json, int Batch, int MaxShrinks, int ShrinkSeconds, bool WriteOnly);

    private static async Task<int> ExecuteAsync(CliContext context, FuzzSettings settings, CancellationToken ct)
    {
        if (settings.Count is < 1 or > 1_000_000)
        {
            context.Error.WriteLine($"--count: {settings.Count} (allowed: 1..1000000)");
            return ExitCodes.BadInput;
        }
        if (!ulong.TryParse(settings.Seed, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            context.Error.WriteLine($"--seed: '{settings.Seed}' is not an unsigned 64-bit decimal number");
            return ExitCodes.BadInput;
        }
        IReadOnlyList<KernelSeries> series = settings.Kernel == "all" ? KernelSeries.All : KernelSeries.All.Where(s => s.Name == settings.Kernel).ToList();
        if (series.Count == 0)
        {
            context.Error.WriteLine($"--kernel: '{settings.Kernel}' (allowed: {string.Join(", ", KernelSeries.All.Select(s => s.Name))}, all)");
            return ExitCodes.BadInput;
        }
        if (settings.Batch is < 1 or > 3000 || settings.MaxShrinks < 0 || settings.ShrinkSeconds < 1)
        {
            context.Error.WriteLine("--batch: 1..3000, --max-shrinks: 0 or more, --shrink-seconds: 1 or more");
            return ExitCodes.BadInput;
        }

        var folder = settings.Out ?? CorpusReplayer.Locate(Directory.GetCurrentDirectory()) ?? CorpusReplayer.DefaultFolder;
        var scenarios = ScenarioDomain.Sample(seed, settings.Count, series.Select(s => s.Version).ToList());
        if (settings.WriteOnly)
        {
            Directory.CreateDirectory(folder);
            foreach (var s in scenarios) File.WriteAllText(Path.Combine(folder, s.Name + ".scenario"), Scenarios.Syntax.ScenarioWriter.Write(s));
            context.Out.WriteLine($"fuzz: wrote {scenarios.Count} scenarios of seed {seed} into {folder}");
            return ExitCodes.Success;
        }

        var options = OracleOptions.Default with { Install = false, MaxCasesPerBoot = settings.Batch };
        try
        {
            var judge = new OracleJudge(series, options) { BatchFaulted = line => context.Error.WriteLine("fuzz: " + line) };
            context.Error.WriteLine($"fuzz: seed {seed}, {scenarios.Count} scenarios on {string.Join(", ", series.Select(s => s.Name))}, {settings.Batch} per boot");
            var result = await new FuzzCampaign(judge, settings.Batch).RunAsync(scenarios, line => context.Error.WriteLine(line), ct);

            var shrunk = new List<(string Kernel, string Path, ShrinkResult Result)>();
            if (settings.Shrink)
            {
                foreach (var group in result.Disagreements.GroupBy(d => (d.Kernel, Class: FuzzSummary.DifferenceClass(d.FirstDifference!))).Take(settings.MaxShrinks))
                {
                    var first = group.First();
                    var kernel = series.First(s => s.Name == first.Kernel);
                    var one = new OracleJudge([kernel], options);
                    context.Error.WriteLine($"fuzz: shrinking {first.Scenario.Name} on {kernel.Name}: {first.FirstDifference}");
                    var shrinkResult = await new KernelShrinker(one, TimeSpan.FromSeconds(settings.ShrinkSeconds))
                        .ShrinkAsync(first.Scenario.On(kernel.Version), first.FirstDifference!, line => context.Error.WriteLine("  " + line), ct);
                    var path = CounterexampleWriter.Write(folder, shrinkResult.Scenario, kernel.Version, kernel.Name, judge.Release(kernel.Name), seed,
                        shrinkResult.FirstDifference, first.Scenario.Name);
                    shrunk.Add((kernel.Name, path, shrinkResult));
                }
            }

            var throughput = result.Scenarios * series.Count / Math.Max(0.001, result.Elapsed.TotalSeconds);
            var exit = result.Summaries.All(s => s.Unexplained == 0 && s.Failed == 0) ? ExitCodes.Success : ExitCodes.Failed;
            if (settings.Json) WriteJson(context, exit, seed, result, shrunk, throughput);
            else WriteText(context, seed, result, shrunk, throughput);
            return exit;
        }
        catch (OracleException e)
        {
            context.Error.WriteLine($"fuzz: {e.Failure}: {e.Message}");
            return ExitCodes.Environment;
        }
    }

    private static void WriteText(CliContext context, ulong seed, FuzzCampaignResult result, IReadOnlyList<(string Kernel, string Path, ShrinkResult Result)> shrunk, double throughput)
    {
        context.Out.WriteLine($"fuzz: seed {seed}, {result.Scenarios} scenarios, {result.Elapsed.TotalSeconds:F1} s, {throughput:F1} kernel-checked scenarios/s (all kernels, boots included)");
        foreach (var s in result.Summaries)
        {
            context.Out.WriteLine($"{s.Kernel} ({s.Release}): {s.Agreed} agreed, {s.Disagreed} disagreed ({s.Unexplained} unexplained, {s.Explained} explained by known deviations), {s.Rejected} rejected, {s.Failed} failed");
            foreach (var (id, n) in s.ExplainedBy ?? new Dictionary<string, int>()) context.Out.WriteLine($"  explained {n,5}  by known deviation {id}");
            foreach (var (reason, n) in s.RejectReasons) context.Out.WriteLine($"  rejected {n,6}  {reason}");
            foreach (var (reason, n) in s.FailureReasons) context.Out.WriteLine($"  failed   {n,6}  {reason}");
            foreach (var (line, n) in s.DifferenceClasses) context.Out.WriteLine($"  differs  {n,6}  {line}");
        }
        foreach (var (kernel, path, r) in shrunk)
            context.Out.WriteLine($"shrunk on {kernel}: {path} ({r.Scenario.Steps.Count} steps, {r.Rounds} rounds, {r.Candidates} candidates, {r.Elapsed.TotalSeconds:F1} s{(r.BudgetExhausted ? ", budget spent" : "")})");
    }

    private static void WriteJson(CliContext context, int exit, ulong seed, FuzzCampaignResult result, IReadOnlyList<(string Kernel, string Path, ShrinkResult Result)> shrunk, double throughput)
    {
        var document = new
        {
            verdict = RunJson.VerdictOf(exit),
            exitCode = exit,
            seed = seed.ToString(CultureInfo.InvariantCulture),
            scenarios = result.Scenarios,
            seconds = Math.Round(result.Elapsed.TotalSeconds, 1),
            scenariosPerSecond = Math.Round(throughput, 1),
            kernels = result.Summaries.Select(s => new
            {
                kernel = s.Kernel, release = s.Release, agreed = s.Agreed, disagreed = s.Disagreed, unexplained = s.Unexplained, explained = s.Explained,
                explainedBy = s.ExplainedBy ?? new Dictionary<string, int>(), rejected = s.Rejected, failed = s.Failed,
                rejectReasons = s.RejectReasons, failureReasons = s.FailureReasons, differences = s.DifferenceClasses,
            }),
            shrunk = shrunk.Select(x => new
            {
                kernel = x.Kernel, file = x.Path, steps = x.Result.Scenario.Steps.Count, rounds = x.Result.Rounds, candidates = x.Result.Candidates,
                seconds = Math.Round(x.Result.Elapsed.TotalSeconds, 1), firstDifference = x.Result.FirstDifference,
            }),
        };
        context.Out.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
    }
}
