using Mmap.Model.Kernel;

namespace Mmap.Exploration.Scope;

/// <summary>
/// What the user program asks for: how it opens the device and how it maps it
/// (map type, prot, length in pages, offset in pages).
/// </summary>
public sealed record UserMapping(OpenFlags Open, MapFlags Type, Prot Prot, int Pages, int OffsetPages)
{
    public ulong Length => (ulong)Pages << PageGeometry.PageShift;

    public ulong Offset => (ulong)OffsetPages << PageGeometry.PageShift;

    public bool IsShared => Type is MapFlags.Shared or MapFlags.SharedValidate;

    public override string ToString() =>
        $"{Model.Tracing.KernelNames.Spell(Open)} {Model.Tracing.KernelNames.Spell(Type)} {Model.Tracing.KernelNames.Spell(Prot)} {Pages}p @{OffsetPages}p";
}
