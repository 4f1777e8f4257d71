using Mmap.Exploration.Matrix;
using Mmap.Exploration.Scope;
using Mmap.Model.Kernel;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;
using Mmap.Testing;
using Xunit;

namespace Mmap.Properties.Tests.Exploration;

/// <summary>
/// The kernel series as the version explorer shows them: every declared delta changes some outcome, and every
/// difference between two series' traces or matrices is explained by a delta whose newer rule one series follows.
/// </summary>
public sealed class KernelSeriesTests
{
    private static string Corpus(string name) => Path.Combine(RepositoryRoot.Path, "properties", "corpus", name + ".scenario");

    [Theory]
    [InlineData("lab1-kmmap-private", "D1")]
    [InlineData("fix3-clear-maywrite-writable", "D2")]
    [InlineData("insert-page-kmalloc", "D3")]
    public void Each_delta_shows_in_a_corpus_scenario_and_is_named_as_its_cause(string scenario, string delta)
    {
        var parsed = ScenarioParser.Parse(File.ReadAllText(Corpus(scenario)), scenario).Scenario!;
        var comparison = SeriesComparison.Of(parsed, SeriesList.Every);
        var differing = comparison.Differences.Where(d => !d.Identical).ToList();
        Assert.NotEmpty(differing);
        Assert.All(differing, d => Assert.Contains(d.Because, b => b.Id == delta));
        var since = KernelDeltas.All.Single(d => d.Id == delta).Since;
        // Series on the same side of the delta give identical traces.
        Assert.All(comparison.Differences, d => Assert.Equal(d.First.Has(KernelDeltas.All.Single(x => x.Id == delta)) == d.Other.Has(KernelDeltas.All.Single(x => x.Id == delta)), d.Identical));
        Assert.Contains(SeriesList.Every, v => v >= since);
    }

    [Fact]
    public void Every_corpus_difference_between_series_is_explained_by_a_declared_delta()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "properties", "corpus"), "*.scenario"))
        {
            var parsed = ScenarioParser.Parse(File.ReadAllText(file), file).Scenario!;
            foreach (var difference in SeriesComparison.Of(parsed, SeriesList.Every).Differences.Where(d => !d.Identical))
                Assert.True(difference.Because.Count > 0, $"{Path.GetFileName(file)}: {difference.First.ToDisplay()} → {difference.Other.ToDisplay()} differs with no declared delta reached");
        }
    }

    [Fact]
    public void The_difference_matrix_counts_exactly_the_cells_whose_outcomes_differ()
    {
        var driver = NamedDriver.Find("seed-clear-maywrite")!;
        var diff = OutcomeMatrixDiff.Build(new NamedDriverPair(driver, UserAction.WriteFirstPage, 8, 3), KernelVersion.Linux6_1, KernelVersion.Linux6_12);
        // D2: a private writable mapping whose VM_MAYWRITE the driver cleared takes writes on 6.1 and SIGSEGV:MAPERR from 6.12.
        Assert.NotEmpty(diff.Cells);
        Assert.All(diff.Cells, c => Assert.Equal(("works", "SIGSEGV:MAPERR"), (c.First, c.Other)));
        Assert.All(diff.Cells, c => Assert.Contains("MAP_PRIVATE", c.Row, StringComparison.Ordinal));
        Assert.Contains("SIGSEGV:MAPERR on 6.12", diff.RenderText(), StringComparison.Ordinal);
        var same = OutcomeMatrixDiff.Build(new NamedDriverPair(driver, UserAction.WriteFirstPage, 8, 3), KernelVersion.Linux6_12, KernelVersion.Linux7_3);
        Assert.Empty(same.Cells);
    }

    [Fact]
    public void The_difference_matrix_svg_outlines_exactly_the_differing_cells_and_names_both_outcomes()
    {
        var driver = NamedDriver.Find("seed-clear-maywrite")!;
        var diff = OutcomeMatrixDiff.Build(new NamedDriverPair(driver, UserAction.WriteFirstPage, 8, 3), KernelVersion.Linux6_1, KernelVersion.Linux6_12);
        var svg = System.Xml.Linq.XDocument.Parse(Mmap.Exploration.Rendering.MatrixSvg.RenderDiff(diff));
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        var cells = svg.Descendants(ns + "rect").Where(r => r.Element(ns + "title") is not null).ToList();
        var outlined = cells.Where(r => r.Attribute("stroke") is not null).ToList();
        Assert.Equal(diff.Cells.Count, outlined.Count);
        Assert.All(outlined, r => Assert.Equal("6.1: works → 6.12: SIGSEGV:MAPERR", r.Element(ns + "title")!.Value));
        Assert.All(cells.Except(outlined), r => Assert.Equal(Mmap.Exploration.Rendering.MatrixSvg.SameColour, r.Attribute("fill")!.Value));
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == $"works on 6.1 → SIGSEGV:MAPERR on 6.12: {diff.Cells.Count} cells");
        // Deterministic: the same difference gives the same bytes.
        Assert.Equal(Mmap.Exploration.Rendering.MatrixSvg.RenderDiff(diff), Mmap.Exploration.Rendering.MatrixSvg.RenderDiff(diff));
    }

    [Fact]
    public void Deltas_are_declared_once_with_a_citation_per_series()
    {
        Assert.Equal(KernelDeltas.All.Count, KernelDeltas.All.Select(d => d.Id).Distinct().Count());
        foreach (var delta in KernelDeltas.All)
        {
            Assert.Equal(SeriesList.Every.Count, delta.Citations.Count);
            for (var i = 0; i < SeriesList.Every.Count; i++)
                Assert.StartsWith(SeriesList.Every[i].ToDisplay() + ": ", delta.Citations[i], StringComparison.Ordinal);
            Assert.NotEqual(SeriesList.Every[0], delta.Since);
        }
    }
}
