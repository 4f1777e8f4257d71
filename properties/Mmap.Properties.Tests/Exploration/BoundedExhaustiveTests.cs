using Mmap.Exploration.Checks;
using Mmap.Exploration.Evaluation;
using Mmap.Exploration.Matrix;
using Mmap.Exploration.Rendering;
using Mmap.Exploration.Scope;
using Mmap.Scenarios.Running;
using Mmap.Model.Tracing;
using Xunit;

namespace Mmap.Properties.Tests.Exploration;

/// <summary>
/// The bounded-exhaustive mode on a reduced scope (every driver, action, open mode, map type and prot; pages 1..18,
/// offsets 0..2, so the seed's 16-page limit is crossed): every scope check holds at every point. The full scope runs
/// in `mmapv check`.
/// </summary>
public sealed class BoundedExhaustiveTests
{
    [Fact]
    public void EveryScopeCheckHoldsAtEveryPointOfTheReducedScope()
    {
        var result = ExhaustiveChecker.Run(SmallScope.Full with { MaxPages = 18, MaxOffsetPages = 2 });
        Assert.True(result.Passed, string.Join("\n", result.FirstViolations));
        Assert.True(result.Outcomes[OutcomeClass.SigBus] > 0 && result.Outcomes[OutcomeClass.KernelBug] > 0);
    }

    [Fact]
    public void DirectEvaluationAgreesWithTheScenarioRunner()
    {
        foreach (var point in (SmallScope.Full with { MaxPages = 3, MaxOffsetPages = 1 }).Points())
        {
            var direct = PointEvaluator.Evaluate(point);
            var run = ScenarioRunner.Run(ScopeScenarios.ToScenario(point));
            var mmap = run.Steps[1].Actual;
            Assert.Equal(direct.Mmap.KernelBug ? "BUG" : direct.Mmap.Error?.ToString() ?? "ok", mmap);
            // The direct evaluation stops reading at the first signal; the runner goes on: its trace starts with the direct one.
            Assert.StartsWith(TraceWithoutExplanations(direct.Machine), TraceWithoutExplanations(run.Machine));
        }
    }

    [Fact]
    public void TheExhaustiveRunsLightTraceChangesNeitherTheRunNorTheChecks()
    {
        foreach (var point in (SmallScope.Full with { MaxPages = 18, MaxOffsetPages = 1 }).Points())
        {
            var complete = PointEvaluator.Evaluate(point);
            var light = PointEvaluator.Evaluate(point, TraceFacts.NewTrace());
            Assert.Equal(complete.Outcome, light.Outcome);
            Assert.Equal(complete.Accesses, light.Accesses);
            Assert.Equal(TraceFacts.Of(complete.Machine.Trace), TraceFacts.Of(light.Machine.Trace));
            Assert.Equal(complete.Machine.Trace.Events.Where(e => e is DriverMmapEntered or RemapPfnRangeCalled), light.Machine.Trace.Events);
            Assert.Equal(ScopeChecks.Check(complete), ScopeChecks.Check(light));
        }
    }

    [Fact]
    public void AReusedMachineRunsEveryPointLikeAFreshOne()
    {
        var scope = SmallScope.Full with { MaxPages = 18, MaxOffsetPages = 1 };
        foreach (var driver in scope.Drivers)
        {
            // One machine per driver, reset before each point, keeping every event: the whole trace must match.
            var reused = new Model.Machine(driver.Strategy);
            foreach (var action in scope.Actions)
            foreach (var row in SmallScope.Rows())
            foreach (var point in scope.RowPoints(driver, action, row))
            {
                var fresh = PointEvaluator.Evaluate(point);
                var again = PointEvaluator.Evaluate(point, reused);
                Assert.Equal(fresh.Outcome, again.Outcome);
                Assert.Equal(fresh.Accesses, again.Accesses);
                Assert.Equal(fresh.Machine.Trace.ToString(), again.Machine.Trace.ToString());
                Assert.Equal(fresh.Machine.Mm.Ptes, again.Machine.Mm.Ptes);
                Assert.Equal(fresh.Machine.Mm.Vmas.Select(v => v.ToString()), again.Machine.Mm.Vmas.Select(v => v.ToString()));
                Assert.Equal(fresh.Machine.Memory.AnonymousPagesAllocated, again.Machine.Memory.AnonymousPagesAllocated);
            }
        }
    }

    [Fact]
    public void AFailureOnAWorkerThreadReachesTheCaller()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ExhaustiveChecker.Run(SmallScope.Full with { MaxPages = 2, MaxOffsetPages = 0 }, 2, new ThrowingProgress()));
        Assert.Equal("progress sink failed", error.Message);
    }

    private sealed class ThrowingProgress : IProgress<long>
    {
        public void Report(long value) => throw new InvalidOperationException("progress sink failed");
    }

    [Fact]
    public void AMachineOfAnotherDriverIsRefused()
    {
        var point = new ScopePoint(NamedDriver.Catalogue[0], new UserMapping(Model.Kernel.OpenFlags.ReadOnly, Model.Kernel.MapFlags.Shared, Model.Kernel.Prot.Read, 2, 0), UserAction.ReadEachPage);
        var error = Assert.Throws<ArgumentException>(() => PointEvaluator.Evaluate(point, new Model.Machine(NamedDriver.Catalogue[5].Strategy)));
        Assert.Contains("another driver than seed", error.Message);
    }

    private static string TraceWithoutExplanations(Model.Machine machine) =>
        string.Join("\n", Model.Tracing.TraceRenderer.ComparableLines(machine.Trace.Events).Where(l => !l.StartsWith("check", StringComparison.Ordinal)));

    [Fact]
    public void MatrixRenderingIsDeterministicAndShowsTheSeedQuestion()
    {
        var seed = NamedDriver.Find("seed")!;
        var first = OutcomeMatrix.Build(seed, UserAction.ReadEachPage, 20, 3);
        var second = OutcomeMatrix.Build(seed, UserAction.ReadEachPage, 20, 3);
        Assert.Equal(MatrixSvg.Render(first), MatrixSvg.Render(second));
        Assert.Equal(MatrixJson.Serialize(first), MatrixJson.Serialize(second));
        var text = MatrixText.Render(first);
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("O_RDONLY MAP_PRIVATE PROT_READ ", StringComparison.Ordinal) && l.EndsWith(" .BBBBBBBBBBBBBBBOOOO", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("O_RDONLY MAP_SHARED PROT_READ ", StringComparison.Ordinal) && l.EndsWith(" ................OOOO", StringComparison.Ordinal));
        Assert.Contains("<title>SIGBUS</title>", MatrixSvg.Render(first));
    }

    [Fact]
    public void HeatmapGivesEachErrnoItsOwnColourAndLegendEntry()
    {
        var matrix = OutcomeMatrix.Build(NamedDriver.Find("seed-checked")!, UserAction.ReadEachPage, 20, 3);
        var svg = System.Xml.Linq.XDocument.Parse(MatrixSvg.Render(matrix));
        var ns = svg.Root!.Name.Namespace;
        var cells = svg.Descendants(ns + "rect").Where(r => r.Element(ns + "title") is not null)
            .Select(r => (Label: r.Element(ns + "title")!.Value, Fill: (string)r.Attribute("fill")!)).Distinct().ToList();
        var errnoFills = cells.Where(c => c.Label.StartsWith('E')).ToList();
        Assert.Equal(["EACCES", "EINVAL", "EIO"], errnoFills.Select(c => c.Label).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(errnoFills.Count, errnoFills.Select(c => c.Fill).Distinct().Count());
        Assert.All(cells.GroupBy(c => c.Label), g => Assert.Single(g.Select(c => c.Fill).Distinct()));
        Assert.DoesNotContain(errnoFills, c => cells.Any(o => !o.Label.StartsWith('E') && o.Fill == c.Fill));
        var legend = svg.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "legend").Select(t => t.Value).ToList();
        Assert.Equal(["works", "mmap EINVAL", "mmap EACCES", "mmap EIO", "SIGBUS", "SIGSEGV", "kernel BUG"], legend);
        foreach (var (label, fill) in errnoFills)
        {
            var entry = svg.Descendants(ns + "text").First(t => t.Value == "mmap " + label);
            Assert.Equal(fill, (string?)((System.Xml.Linq.XElement)entry.PreviousNode!).Attribute("fill"));
        }
    }
}
