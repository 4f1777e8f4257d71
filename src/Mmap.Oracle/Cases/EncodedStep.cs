namespace Mmap.Oracle.Cases;

/// <summary>
/// One program step as integers only: the operation and the named values it uses (see <see cref="StepEncoder"/>);
/// the rest stay 0. This is all of a step that reaches generated C: <see cref="Fields"/> declares the C struct's
/// members once, and the generator writes both the struct and each row from it.
/// </summary>
public sealed record EncodedStep(StepOp Op)
{
    /// <summary>The mapping slot the step uses (mmap: the slot it fills).</summary>
    public int Slot { get; init; }

    /// <summary>mmap: 1 + the slot the address hint is relative to; 0 for a NULL hint.</summary>
    public int HintSlot { get; init; }

    /// <summary>read/write: the <see cref="Mmap.Model.Faults.ValueType"/> accessed.</summary>
    public int Type { get; init; }

    /// <summary>check, fd-write, check-buffer: index of the case's pattern; check: <see cref="StepEncoder.DriverFill"/> for the driver's fill.</summary>
    public ulong Pattern { get; init; }

    /// <summary>read/write/mprotect/munmap: offset in the slot's mapping; mmap: offset added to the hint slot's base.</summary>
    public ulong Offset { get; init; }

    /// <summary>mmap/mprotect/munmap/fd-read/fd-write: length in bytes.</summary>
    public ulong Length { get; init; }

    /// <summary>mmap/mprotect: the prot bits.</summary>
    public ulong Prot { get; init; }

    /// <summary>open: the open flags; mmap: the map flags.</summary>
    public ulong Flags { get; init; }

    /// <summary>write: the value stored.</summary>
    public ulong Value { get; init; }

    /// <summary>mmap: the file offset.</summary>
    public ulong FileOffset { get; init; }

    /// <summary>The C struct step's members in order: name, C type, value.</summary>
    public static IReadOnlyList<(string Name, string CType, Func<EncodedStep, ulong> Value)> Fields { get; } =
    [
        ("op", "int", s => (ulong)s.Op),
        ("slot", "int", s => (ulong)s.Slot),
        ("hint_slot", "int", s => (ulong)s.HintSlot),
        ("type", "int", s => (ulong)s.Type),
        ("pattern", "unsigned long", s => s.Pattern),
        ("offset", "unsigned long", s => s.Offset),
        ("length", "unsigned long", s => s.Length),
        ("prot", "unsigned long", s => s.Prot),
        ("flags", "unsigned long", s => s.Flags),
        ("value", "unsigned long", s => s.Value),
        ("file_offset", "unsigned long", s => s.FileOffset),
    ];
}
