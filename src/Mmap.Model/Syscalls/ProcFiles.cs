using Mmap.Model.Proc;
using Mmap.Model.Tracing;

namespace Mmap.Model.Syscalls;

/// <summary>Reading /proc/self/maps and the lab's /proc/my-proc-entry.</summary>
public static class ProcFiles
{
    /// <summary>Traces one maps line per VMA and returns the exact text of each line.</summary>
    public static IReadOnlyList<string> Maps(Machine machine)
    {
        var lines = new List<string>();
        foreach (var vma in machine.Mm.Vmas)
        {
            machine.Trace.Maps(vma, ProcMaps.PathOf(vma, machine.Node));
            lines.Add(ProcMaps.Line(vma, machine.Node));
        }

        return lines;
    }

    /// <summary>
    /// Lab exercise 4: the driver's proc entry prints the sum of vm_end - vm_start over the process's VMAs.
    /// </summary>
    public static ulong ProcTotal(Machine machine)
    {
        var total = machine.Mm.TotalVm;
        machine.Trace.ProcTotal(total, machine.PreviousProcTotal);
        machine.PreviousProcTotal = total;
        return total;
    }
}
