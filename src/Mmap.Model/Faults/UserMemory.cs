using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;

namespace Mmap.Model.Faults;

/// <summary>
/// A user-mode load or store: the MMU first (a present PTE that permits the access means no fault,
/// whatever the VMA says: R5.6), then the fault path, then the retry.
/// </summary>
public static class UserMemory
{
    public static AccessOutcome Read(Machine machine, ulong address, ValueType type, bool trace = true)
    {
        var (outcome, why) = Access(machine, address, type, write: false, value: 0);
        if (trace) machine.Trace.Access(AccessKind.Read, type, address, 0, outcome, why);
        return outcome;
    }

    public static AccessOutcome Write(Machine machine, ulong address, ValueType type, uint value, bool trace = true)
    {
        var (outcome, why) = Access(machine, address, type, write: true, value);
        if (trace) machine.Trace.Access(AccessKind.Write, type, address, value, outcome, why);
        return outcome;
    }

    private static (AccessOutcome, string?) Access(Machine machine, ulong address, ValueType type, bool write, uint value)
    {
        try
        {
            return AccessBytes(machine, address, type, write, value);
        }
        catch (KernelBugException bug)
        {
            machine.RecordBug(bug);
            return (AccessOutcome.Bug, null);
        }
    }

    private static (AccessOutcome, string?) AccessBytes(Machine machine, ulong address, ValueType type, bool write, uint value)
    {
        string? why = null;
        uint result = 0;
        var known = true;
        for (var i = 0; i < type.Size(); i++)
        {
            var byteAddress = address + (ulong)i;
            var (kind, note) = Translate(machine, byteAddress, write);
            why ??= note;
            if (kind != OutcomeKind.Done) return (new AccessOutcome(kind), why);

            var pte = machine.Mm.PteAt(byteAddress)!.Value;
            var offset = (int)(byteAddress & ~PageGeometry.PageMask);
            if (write)
            {
                machine.Memory[pte.Pfn].Write(offset, (byte)(value >> (8 * i)));
                why ??= pte.Kind == Mm.PteKind.Anonymous ? null : "stored in the device buffer";
            }
            else if (machine.Memory.Read(pte.Pfn, offset) is { } b)
            {
                result |= (uint)b << (8 * i);
            }
            else
            {
                known = false;
            }
        }

        if (write) return (AccessOutcome.Written, why);
        return (known ? AccessOutcome.Read(result) : AccessOutcome.Unknown, why ?? (known ? null : "a page outside the buffer"));
    }

    /// <summary>Makes the MMU accept the access, faulting at most twice (e.g. read fault, then write-protect fault).</summary>
    private static (OutcomeKind, string?) Translate(Machine machine, ulong address, bool write)
    {
        string? why = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var pte = machine.Mm.PteAt(address);
            if (pte is { } p && (write ? p.Prot.UserWritable : p.Prot.UserReadable)) return (OutcomeKind.Done, why);
            var (kind, note) = PageFaultHandler.Handle(machine, address, write);
            why ??= note;
            if (kind != OutcomeKind.Done) return (kind, why);
        }

        throw new InvalidOperationException("the fault path did not make progress at " + address.ToString("x"));
    }
}
