using Mmap.Audit.Analysis;
using Mmap.Audit.Verdicts;

namespace Mmap.Audit.Reports;

/// <summary>The short spellings of a strategy record's fields, shared by the table, the JSON and the HTML.</summary>
public static class RecordText
{
    public static string Shape(MapShape shape) => shape switch
    {
        MapShape.Whole => "whole",
        MapShape.PerPage => "per-page",
        MapShape.Pieces => "pieces",
        MapShape.Partial => "partial",
        MapShape.OffsetStart => "offset-start",
        MapShape.Fault => "fault",
        _ => "none",
    };

    public static string Prot(ProtPassed prot) => prot switch
    {
        ProtPassed.VmPageProt => "vm_page_prot",
        ProtPassed.PageShared => "PAGE_SHARED",
        ProtPassed.Other => "other",
        _ => "-",
    };

    public static string Guard(CowGuard guard) => guard switch
    {
        CowGuard.RejectsPrivate => "tests-shared",
        CowGuard.RejectsCow => "is_cow_mapping",
        CowGuard.ClearsMayWrite => "clears-maywrite",
        CowGuard.MakesShared => "makes-shared",
        _ => "none",
    };

    public static string Return(bool? checks) => checks switch
    {
        true => "checked",
        false => "ignored",
        null => "-",
    };

    public static string Status(VerdictStatus status) => status switch
    {
        VerdictStatus.Clean => "clean",
        VerdictStatus.Hazardous => "hazardous",
        VerdictStatus.Unknown => "unknown",
        _ => "unsupported",
    };

    public static string Api(StrategyRecord r)
    {
        var parts = r.Apis.ToList();
        if (r.FaultHandler is not null) parts.Add($"fault:{r.FaultHandler}({string.Join("+", r.FaultApis)})");
        return parts.Count == 0 ? "-" : string.Join(",", parts);
    }

    /// <summary>The verdict column: hazard names, or the status.</summary>
    public static string Verdict(HandlerVerdict v) => v.Status == VerdictStatus.Hazardous
        ? string.Join(",", v.Hazards.Select(h => h.Kind).Distinct().Select(k => k.Name()))
        : Status(v.Status);
}
