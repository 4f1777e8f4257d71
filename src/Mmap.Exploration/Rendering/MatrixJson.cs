using System.Text.Json;
using System.Text.Json.Serialization;
using Mmap.Exploration.Matrix;
using Mmap.Exploration.Scope;

namespace Mmap.Exploration.Rendering;

/// <summary>The matrix as JSON: rows, columns and one outcome label per cell (works, EINVAL, SIGBUS, SIGSEGV:ACCERR, BUG, …).</summary>
public static class MatrixJson
{
    public sealed record Panel(string Columns, IReadOnlyList<int> Values, IReadOnlyList<IReadOnlyList<string>> Cells);

    public sealed record Document(string Driver, string Description, string Action, string Kernel, IReadOnlyList<string> Rows, Panel ByPages, int OffsetPanelPages, Panel ByOffset);

    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Document From(OutcomeMatrix m) => new(
        m.Driver.Name, m.Driver.Description, m.Action.Name(), Model.Kernel.KernelVersionExtensions.ToDisplay(m.Kernel), m.Rows,
        new Panel("pages", m.PageCounts, m.ByPages.Select(r => (IReadOnlyList<string>)r.Select(c => c.Label).ToList()).ToList()),
        m.OffsetPanelPages,
        new Panel("offsetPages", m.Offsets, m.ByOffset.Select(r => (IReadOnlyList<string>)r.Select(c => c.Label).ToList()).ToList()));

    public static string Serialize(OutcomeMatrix m) => JsonSerializer.Serialize(From(m), Options);
}
