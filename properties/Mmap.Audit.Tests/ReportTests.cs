using System.Text.Json.Nodes;
using Mmap.Audit.Analysis;
using Mmap.Audit.Reports;
using Mmap.Audit.Verdicts;
using Mmap.Model.Kernel;

namespace Mmap.Audit.Tests;

/// <summary>The table, JSON, HTML and diff from verdicts of hand-made records (no spatch needed).</summary>
public sealed class ReportTests
{
    private static StrategyRecord Record(string handler, MapShape shape, bool checks = true) => new()
    {
        Handler = handler, File = $"drivers/char/{handler}.c", Line = 10, Via = "file_operations.mmap", Subsystem = "char",
        Apis = ["remap_pfn_range"], Shape = shape, Prot = ProtPassed.VmPageProt, ChecksReturn = checks, ChecksLength = true, LengthErrno = "EINVAL",
    };

    private static AuditResult Result(string name, params StrategyRecord[] records) =>
        new(name, "/tree", KernelVersion.Linux6_1, ["drivers/char/x.c"], [], 0, records.Select(r => HazardEvaluator.Evaluate(r, KernelVersion.Linux6_1)).ToList(), [], TimeSpan.Zero, TimeSpan.Zero);

    [Fact]
    public void Diff_reports_added_removed_fixed_and_newly_hazardous_handlers()
    {
        var before = Result("6.1", Record("a", MapShape.PerPage, checks: false), Record("b", MapShape.Whole), Record("c", MapShape.Whole));
        var after = Result("7.3", Record("a", MapShape.Whole), Record("b", MapShape.PerPage), Record("d", MapShape.Whole));
        var changes = AuditDiff.Compare(before, after);
        Assert.Equal(["d"], changes.Added.Select(v => v.Record.Handler));
        Assert.Equal(["c"], changes.Removed.Select(v => v.Record.Handler));
        Assert.Equal(["a"], changes.Fixed.Select(p => p.After.Record.Handler));
        Assert.Equal(["b"], changes.NewlyHazardous.Select(p => p.After.Record.Handler));
        var text = AuditDiff.Render(changes);
        Assert.Contains("added 1, removed 1, fixed 1, newly hazardous 1, unchanged 0", text, StringComparison.Ordinal);
        Assert.Contains("newly hazardous drivers/char/b.c:10 b: clean → mmap-fails", text, StringComparison.Ordinal);
        Assert.Equal("b", AuditDiff.ToJson(changes)["newly_hazardous"]![0]!["handler"]!.GetValue<string>());
    }

    [Fact]
    public void Json_has_the_verdict_the_records_and_the_hazards_with_their_calls()
    {
        var result = Result("6.1", Record("a", MapShape.PerPage, checks: false), Record("b", MapShape.Whole));
        var json = JsonNode.Parse(JsonReport.Serialize(JsonReport.Build(result)))!;
        Assert.Equal("hazards found", json["summary"]!["verdict"]!.GetValue<string>());
        Assert.Equal(1, json["summary"]!["hazards"]!["sigbus"]!.GetValue<int>());
        var a = json["handlers"]![0]!;
        Assert.Equal(("per-page", "ignored"), (a["record"]!["shape"]!.GetValue<string>(), a["record"]!["return"]!.GetValue<string>()));
        Assert.Contains("MAP_PRIVATE", a["hazards"]![0]!["calls"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("clean", json["handlers"]![1]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void Table_and_html_name_every_handler_and_hazard()
    {
        var result = Result("6.1", Record("a", MapShape.PerPage, checks: false), Record("b", MapShape.Whole));
        var table = TextReport.Render(result, details: true);
        Assert.Contains("drivers/char/a.c:10", table, StringComparison.Ordinal);
        Assert.Contains("sigbus: reading a page inside the buffer dies with SIGBUS", table, StringComparison.Ordinal);
        Assert.EndsWith("2 mmap handlers in 1 files: 1 hazardous, 1 clean, 0 unsupported by the model, 0 unknown\n", table, StringComparison.Ordinal);
        var html = HtmlReport.Render(result, null);
        Assert.Contains("https://elixir.bootlin.com/linux/v6.1/source/drivers/char/a.c#L10", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"sigbus\">sigbus (1)", html, StringComparison.Ordinal);
        Assert.Contains("<h3>char (2)</h3>", html, StringComparison.Ordinal);
    }
}
