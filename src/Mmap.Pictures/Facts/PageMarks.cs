using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;
using Mmap.Scenarios;
using Mmap.Scenarios.Running;

namespace Mmap.Pictures.Facts;

/// <summary>
/// Every access of a run with the page it touched: read and write steps (numbered like the program)
/// and each page of a lab <c>check</c>.
/// </summary>
public static class PageMarks
{
    public sealed record Placed(ulong? Page, AccessMark Mark);

    public static IReadOnlyList<Placed> Collect(RunResult result)
    {
        var marks = new List<Placed>();
        for (var i = 0; i < result.Steps.Count; i++)
        {
            var step = result.Steps[i];
            var (address, what) = step.Step switch
            {
                ReadStep r => (r.Address, "read " + r.Type.ToKeyword()),
                WriteStep w => (w.Address, "write " + w.Type.ToKeyword()),
                _ => (null, ""),
            };
            if (address is null) continue;
            ulong? page = result.MappingAddresses.TryGetValue(address.Mapping, out var start)
                ? (start + address.Offset) & PageGeometry.PageMask
                : null;
            marks.Add(new Placed(page, new AccessMark(i + 1, what, address.ToString(), step.Actual)));
        }

        var symbols = new SymbolTable();
        foreach (var (name, start) in result.MappingAddresses.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            symbols.BindMapping(name, start, ulong.MaxValue);
        }

        foreach (var check in result.Trace.Events.OfType<PageChecked>())
        {
            var page = check.Address & PageGeometry.PageMask;
            marks.Add(new Placed(page, new AccessMark(0, "check", symbols.Address(check.Address), check.Outcome)));
        }

        return marks;
    }
}
