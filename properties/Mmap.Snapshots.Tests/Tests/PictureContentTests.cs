using System.Xml.Linq;
using Mmap.Pictures;
using Mmap.Pictures.Facts;
using Mmap.Pictures.Svg;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;
using Mmap.Snapshots.Tests.Corpus;
using Xunit;

namespace Mmap.Snapshots.Tests.Tests;

/// <summary>What the pictures must say: why a run failed, the state after each step, and that they scale to the window.</summary>
public sealed class PictureContentTests
{
    /// <summary>The seed with two wrong expectations: the first read "should" give a value, and 15 calls "should" fail.</summary>
    public static RunResult FailingSeedRun()
    {
        var text = File.ReadAllText(CorpusFiles.PathOf("seed"));
        var broken = System.Text.RegularExpressions.Regex.Replace(text, @"(read VA char\s+=>) SIGBUS", "$1 dd");
        broken = broken.Replace("trace-count: 16 = -EINVAL", "trace-count: 15 = -EINVAL", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        var parsed = ScenarioParser.Parse(broken, "seed-broken.scenario");
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        return ScenarioRunner.Run(parsed.Scenario!);
    }

    private static IEnumerable<string> Texts(string svg) =>
        XDocument.Parse(svg).Descendants(XName.Get("text", "http://www.w3.org/2000/svg")).Select(t => t.Value);

    [Fact]
    public void A_failing_picture_says_which_step_and_which_expectation_failed()
    {
        var run = FailingSeedRun();
        Assert.False(run.Passed);
        var texts = Texts(AddressSpacePicture.Render(run)).ToList();
        Assert.Contains("FAIL", texts);
        Assert.Contains(texts, t => t.StartsWith("FAIL because step #4 'read VA char' gave SIGBUS:ADRERR, expected dd", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("FAIL because 'trace-count: 15 = -EINVAL' does not hold: 16 trace lines match", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("✗ does not hold", StringComparison.Ordinal));
    }

    [Fact]
    public void A_passing_picture_gives_no_reason_to_fail()
    {
        var texts = Texts(ProducedSnapshots.RenderPicture("seed")).ToList();
        Assert.Contains("PASS", texts);
        Assert.DoesNotContain(texts, t => t.Contains("FAIL because", StringComparison.Ordinal));
    }

    [Fact]
    public void The_timeline_shows_a_munmap_splitting_a_vma()
    {
        var facts = FactsBuilder.Build(CorpusRun.Run("munmap-partial-split"));
        var rows = facts.Timeline.Rows;
        Assert.Equal(facts.Steps.Count, rows.Count);
        Assert.Empty(rows[0].Vmas);
        Assert.Equal((0UL, 16UL), Single(rows[1]));
        Assert.StartsWith("munmap VA+4p", rows[2].Step, StringComparison.Ordinal);
        var halves = rows[2].Vmas.Select(v => (v.StartPage - rows[1].Vmas[0].StartPage, v.EndPage - rows[1].Vmas[0].StartPage)).Order().ToList();
        Assert.Equal([(0UL, 4UL), (8UL, 16UL)], halves);
        Assert.All(rows[2].Vmas, v => Assert.Equal("r--s", v.Permissions));
        Assert.Single(facts.Timeline.Regions);

        static (ulong, ulong) Single(TimelineRow row) => (0, row.Vmas.Single().EndPage - row.Vmas.Single().StartPage);
    }

    [Fact]
    public void The_timeline_shows_the_cow_copy_appear_at_the_private_write()
    {
        var rows = FactsBuilder.Build(CorpusRun.Run("private-write-cow")).Timeline.Rows;
        var write = rows.First(r => r.Step.StartsWith("write PRIV", StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Number < write.Number).SelectMany(r => r.Vmas), v => Assert.Empty(v.AnonPages));
        var priv = write.Vmas.Single(v => v.Label == "PRIV");
        Assert.Equal([priv.StartPage], priv.AnonPages);
        Assert.Empty(write.Vmas.Single(v => v.Label == "SHAR").AnonPages);
    }

    [Fact]
    public void The_timeline_draws_one_box_per_vma_on_each_row()
    {
        var svg = AddressSpacePicture.Render(CorpusRun.Run("munmap-partial-split"));
        var facts = FactsBuilder.Build(CorpusRun.Run("munmap-partial-split"));
        var boxes = XDocument.Parse(svg).Descendants(XName.Get("rect", "http://www.w3.org/2000/svg")).Count(r => (string?)r.Attribute("class") == "tl-vma");
        Assert.Equal(facts.Timeline.Rows.Sum(r => r.Vmas.Count), boxes);
    }

    [Fact]
    public void Pictures_scale_to_the_window_through_their_viewbox()
    {
        var root = XDocument.Parse(ProducedSnapshots.RenderPicture("seed")).Root!;
        var (width, height) = ((string)root.Attribute("width")!, (string)root.Attribute("height")!);
        Assert.Equal($"0 0 {width} {height}", (string?)root.Attribute("viewBox"));
        Assert.Equal(SvgDocument.FitStyle, (string?)root.Attribute("style"));
        Assert.Equal("xMinYMin meet", (string?)root.Attribute("preserveAspectRatio"));
    }
}
