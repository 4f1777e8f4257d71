using Mmap.Oracle.Kernels;
using Mmap.Oracle.Matrix;
using Mmap.Oracle.Running;
using Mmap.Scenarios;

namespace Mmap.Oracle.Reporting;

/// <summary>
/// The body of the CLI's <c>oracle</c> command, so the command itself only parses options:
/// runs the scenarios (and/or the conformance matrix) on the chosen kernels, prints the report and
/// returns the exit code: 0 all agree and every file's own expectations hold on the kernel, 1 any disagreement,
/// per-scenario error or expectation the kernel did not meet, 2 bad input,
/// 3 environment (packages, build, boot, timeout — one line on stderr).
/// </summary>
public static class OracleCommand
{
    public const int Success = 0;
    public const int Disagreement = 1;
    public const int BadInput = 2;
    public const int Environment = 3;

    /// <param name="kernel">Series as scenario files write them ("6.1", "6.12,7.3", "all"), or null for each scenario's own <c>kernel:</c> header.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<Scenario> scenarios, string? kernel, bool matrix, bool json, TextWriter output, TextWriter errors,
        OracleOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<KernelSeries>? chosen = null;
        if (kernel is not null)
        {
            var (series, unknown) = Scenarios.Syntax.SeriesList.Parse(kernel);
            if (series is null)
            {
                errors.WriteLine($"--kernel: {Scenarios.Syntax.Echo.Quote(unknown ?? kernel)} is not a kernel series (allowed: {Scenarios.Syntax.SeriesList.Allowed})");
                return BadInput;
            }

            chosen = series.Select(KernelSeries.Of).ToList();
        }
        var all = scenarios.ToList();
        if (matrix) all.AddRange(ConformanceMatrix.Generate());
        if (all.Count == 0)
        {
            errors.WriteLine("oracle: no scenarios (give scenario files or --matrix)");
            return BadInput;
        }

        try
        {
            var reports = new List<OracleReport>();
            if (chosen is not null)
            {
                reports.AddRange(await OracleRunner.RunAsync(all, chosen, options, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                // Each scenario on every series its kernel: header names; matrix scenarios default to 6.1.
                foreach (var group in all.SelectMany(s => s.Kernels.Select(k => (Series: KernelSeries.Of(k), Scenario: s))).GroupBy(p => p.Series))
                    reports.AddRange(await OracleRunner.RunAsync(group.Select(p => p.Scenario).ToList(), [group.Key], options, cancellationToken).ConfigureAwait(false));
            }
            if (json) output.WriteLine(OracleJsonReport.Serialize(reports));
            else OracleTextReport.Write(output, reports);
            return reports.All(r => r.AllAgree && r.ExpectationsFailed == 0) ? Success : Disagreement;
        }
        catch (OracleException e)
        {
            errors.WriteLine($"oracle: {e.Failure}: {e.Message}");
            return Environment;
        }
    }

    /// <summary>The install entry point: host packages must already be there; fetches and unpacks every series' kernel.</summary>
    public static async Task<int> InstallAsync(TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        try
        {
            foreach (var install in await KernelPackages.EnsureAllAsync(null, cancellationToken).ConfigureAwait(false))
                output.WriteLine($"kernel {install.Series}: {install} in {install.Root}");
            return Success;
        }
        catch (OracleException e)
        {
            errors.WriteLine($"oracle: {e.Failure}: {e.Message}");
            return Environment;
        }
    }
}
