using Mmap.Model.Kernel;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Scenarios;

/// <summary>One step of the user program, with the outcome it must have (if the file says).</summary>
public abstract record Step
{
    public ExpectedOutcome? Expected { get; init; }

    /// <summary>The line of the scenario file it came from (0 when built in memory).</summary>
    public int Line { get; init; }

    /// <summary>Equality ignores the source line, so a written-and-reparsed scenario equals the original.</summary>
    public virtual bool Equals(Step? other) => other is not null && other.GetType() == GetType() && Expected == other.Expected;

    public override int GetHashCode() => HashCode.Combine(GetType(), Expected);
}

public sealed record OpenStep(OpenFlags Flags) : Step;

public sealed record CloseStep : Step;

public sealed record MmapStep(string Name, ulong Length, Prot Prot, MapFlags Flags, ulong Offset, AddressRef? Address) : Step;

public sealed record ReadStep(AddressRef Address, ValueType Type) : Step;

public sealed record WriteStep(AddressRef Address, ValueType Type, uint Value) : Step;

public sealed record MprotectStep(AddressRef Address, ulong Length, Prot Prot) : Step;

public sealed record MunmapStep(AddressRef Address, ulong Length) : Step;

/// <summary>The lab test's check: every page of the mapping starts with the pattern (null: the driver's fill).</summary>
public sealed record CheckStep(string Mapping, IReadOnlyList<byte>? Pattern) : Step
{
    public bool Equals(CheckStep? other) =>
        base.Equals(other) && Mapping == other.Mapping
        && (Pattern is null ? other.Pattern is null : other.Pattern is not null && Pattern.SequenceEqual(other.Pattern));

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Mapping);
}

public sealed record FdWriteStep(ulong Length, IReadOnlyList<byte> Pattern) : Step
{
    public bool Equals(FdWriteStep? other) =>
        base.Equals(other) && Length == other.Length && Pattern.SequenceEqual(other.Pattern);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Length);
}

public sealed record FdReadStep(ulong Length) : Step;

public sealed record CheckBufferStep(IReadOnlyList<byte> Pattern) : Step
{
    public bool Equals(CheckBufferStep? other) => base.Equals(other) && Pattern.SequenceEqual(other.Pattern);

    public override int GetHashCode() => base.GetHashCode();
}

public sealed record MapsStep : Step;

public sealed record ProcTotalStep : Step;
