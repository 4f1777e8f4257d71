using Mmap.Model.Kernel;
using Mmap.Scenarios;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Exploration.Generators;

/// <summary>One user syscall or access of a generated sequence, on mapping VA or VB. Pages are page numbers.</summary>
public abstract record UserCall
{
    public abstract Step ToStep();

    protected static AddressRef At(string name, int page) => new(name, (ulong)page << PageGeometry.PageShift);

    protected static ulong Bytes(int pages) => (ulong)pages << PageGeometry.PageShift;
}

public sealed record MapCall(string Name, MapFlags Type, Prot Prot, int Pages, int OffsetPages) : UserCall
{
    public override Step ToStep() => new MmapStep(Name, Bytes(Pages), Prot, Type, Bytes(OffsetPages), null);
}

public sealed record AccessCall(string Name, int Page, bool Write, byte Value) : UserCall
{
    public override Step ToStep() => Write
        ? new WriteStep(At(Name, Page), ValueType.U8, Value)
        : new ReadStep(At(Name, Page), ValueType.UChar);
}

public sealed record ProtectCall(string Name, int Page, int Pages, Prot Prot) : UserCall
{
    public override Step ToStep() => new MprotectStep(At(Name, Page), Bytes(Pages), Prot);
}

public sealed record UnmapCall(string Name, int Page, int Pages) : UserCall
{
    public override Step ToStep() => new MunmapStep(At(Name, Page), Bytes(Pages));
}

public sealed record FdWriteCall(int Pages, byte Value) : UserCall
{
    public override Step ToStep() => new FdWriteStep(Bytes(Pages), [Value]);
}

public sealed record FdReadCall(int Pages) : UserCall
{
    public override Step ToStep() => new FdReadStep(Bytes(Pages));
}
