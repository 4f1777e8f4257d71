using Mmap.Model.Kernel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mmap.Audit.Verdicts;

namespace Mmap.Audit.Reports;

/// <summary>The --json document: the source, the grid, a summary with the verdict, and one object per handler.</summary>
public static class JsonReport
{
    public static JsonObject Build(AuditResult result)
    {
        var handlers = new JsonArray();
        foreach (var v in result.Verdicts) handlers.Add(Handler(v));
        return new JsonObject
        {
            ["source"] = result.Source,
            ["root"] = result.Root,
            ["model"] = result.ModelVersion.ToDisplay(),
            ["grid"] = new JsonObject
            {
                ["buffer_pages"] = ModelMapping.BufferPages,
                ["page_counts"] = new JsonArray(HazardEvaluator.PageCounts.Select(p => (JsonNode)p).ToArray()),
                ["offset_pages"] = new JsonArray(HazardEvaluator.OffsetPages.Select(p => (JsonNode)p).ToArray()),
                ["open"] = "O_RDONLY, O_RDWR", ["map"] = "MAP_SHARED, MAP_PRIVATE", ["prot"] = "PROT_READ, PROT_READ|PROT_WRITE",
                ["actions"] = "read every page; write page 0; mprotect(PROT_READ|PROT_WRITE) then write page 0",
            },
            ["summary"] = new JsonObject
            {
                ["files"] = result.Files.Count,
                ["helper_files"] = result.HelperFiles.Count,
                ["facts"] = result.FactCount,
                ["handlers"] = result.Verdicts.Count,
                ["hazardous"] = result.Count(VerdictStatus.Hazardous),
                ["clean"] = result.Count(VerdictStatus.Clean),
                ["unsupported"] = result.Count(VerdictStatus.Unsupported),
                ["unknown"] = result.Count(VerdictStatus.Unknown),
                ["hazards"] = new JsonObject(Enum.GetValues<HazardKind>().Select(k => KeyValuePair.Create(k.Name(), (JsonNode?)result.Count(k)))),
                ["extraction_seconds"] = Math.Round(result.Extraction.TotalSeconds, 1),
                ["total_seconds"] = Math.Round(result.Total.TotalSeconds, 1),
                ["verdict"] = result.Count(VerdictStatus.Hazardous) > 0 ? "hazards found" : "no hazards found",
            },
            ["failed_files"] = new JsonArray(result.FailedFiles.Select(f => (JsonNode)f).ToArray()),
            ["unresolved_registrations"] = new JsonArray(result.Unresolved.Select(u => (JsonNode)new JsonObject { ["function"] = u.Function, ["file"] = u.File, ["line"] = u.Line, ["via"] = u.Via }).ToArray()),
            ["handlers"] = handlers,
        };
    }

    public static JsonObject Handler(HandlerVerdict v)
    {
        var r = v.Record;
        return new JsonObject
        {
            ["handler"] = r.Handler,
            ["file"] = r.File,
            ["line"] = r.Line,
            ["subsystem"] = r.Subsystem,
            ["via"] = r.Via,
            ["status"] = RecordText.Status(v.Status),
            ["reason"] = v.Reason,
            ["record"] = new JsonObject
            {
                ["apis"] = new JsonArray(r.Apis.Select(a => (JsonNode)a).ToArray()),
                ["fault_handler"] = r.FaultHandler,
                ["fault_apis"] = new JsonArray(r.FaultApis.Select(a => (JsonNode)a).ToArray()),
                ["shape"] = RecordText.Shape(r.Shape),
                ["prot"] = RecordText.Prot(r.Prot),
                ["return"] = RecordText.Return(r.ChecksReturn),
                ["cow_guard"] = RecordText.Guard(r.Guard),
                ["rejects_write"] = r.RejectsWrite,
                ["pgoff"] = r.UsesPgoff ? "used" : "ignored",
                ["length_check"] = r.ChecksLength ? r.LengthErrno : null,
                ["sets_pfnmap"] = r.SetsPfnMap,
                ["fault_checks_offset"] = r.FaultChecksOffset,
                ["evidence"] = new JsonArray(r.Evidence.Select(e => (JsonNode)e.ToString()).ToArray()),
            },
            ["model_strategy"] = v.Strategy is { } s ? $"{s.Method} buffer={s.Buffer}x{s.Pages} prot={s.Prot} checks-errors={s.ChecksErrors} pgoff={s.Pgoff} clear-maywrite={s.ClearsMayWrite} limit={(s.Limit is { } l ? $"{l.MaxPages}:{l.Error}" : "none")}" : null,
            ["hazards"] = new JsonArray(v.Hazards.Select(h => (JsonNode)new JsonObject
            {
                ["kind"] = h.Kind.Name(), ["detail"] = h.Detail, ["calls"] = new JsonArray(h.Calls.Select(c => (JsonNode)c).ToArray()),
            }).ToArray()),
        };
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
