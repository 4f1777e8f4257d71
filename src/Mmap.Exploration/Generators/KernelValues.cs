using FsCheck;
using FsCheck.Fluent;
using Mmap.Model.Kernel;

namespace Mmap.Exploration.Generators;

/// <summary>Generators and shrinkers for the kernel's small enumerations: vm_flags, prot, map type, open mode.</summary>
public static class KernelValues
{
    public static readonly VmFlags[] VmFlagBits = Enum.GetValues<VmFlags>().Where(f => f != VmFlags.None).ToArray();

    /// <summary>Any combination of vm_flags bits, weighted toward the bits that decide CoW; shrinks by clearing bits.</summary>
    public static Arbitrary<VmFlags> VmFlagsArbitrary() => Arb.From(
        from decisive in Gen.Elements(VmFlags.None, VmFlags.Shared, VmFlags.MayWrite, VmFlags.Shared | VmFlags.MayWrite)
        from others in Gen.SubListOf(VmFlagBits)
        select others.Aggregate(decisive, (a, b) => a | b),
        ShrinkVmFlags);

    public static IEnumerable<VmFlags> ShrinkVmFlags(VmFlags flags) =>
        VmFlagBits.Where(bit => (flags & bit) != 0).Reverse().Select(bit => flags & ~bit);

    public static readonly Prot[] Prots = [Prot.Read, Prot.None, Prot.Write, Prot.Read | Prot.Write, Prot.Exec, Prot.Read | Prot.Exec, Prot.Read | Prot.Write | Prot.Exec];

    public static Gen<Prot> ProtGen => Gen.Elements(Prots);

    /// <summary>Toward PROT_READ: drop exec, then write; PROT_NONE shrinks to PROT_READ.</summary>
    public static IEnumerable<Prot> ShrinkProt(Prot prot)
    {
        if (prot == Prot.Read) yield break;
        if (prot == Prot.None) { yield return Prot.Read; yield break; }
        if ((prot & Prot.Exec) != 0 && prot != Prot.Exec) yield return prot & ~Prot.Exec;
        if ((prot & Prot.Write) != 0 && prot != Prot.Write) yield return prot & ~Prot.Write;
        if ((prot & Prot.Read) == 0) yield return Prot.Read;
    }

    public static readonly MapFlags[] MapTypes = [MapFlags.Private, MapFlags.Shared, MapFlags.SharedValidate];

    public static Gen<MapFlags> MapTypeGen => Gen.Elements(MapTypes);

    /// <summary>MAP_SHARED_VALIDATE → MAP_SHARED → MAP_PRIVATE.</summary>
    public static IEnumerable<MapFlags> ShrinkMapType(MapFlags type) => MapTypes.TakeWhile(t => t != type).Reverse();

    public static readonly OpenFlags[] OpenModes = [OpenFlags.ReadOnly, OpenFlags.ReadWrite, OpenFlags.WriteOnly];

    public static Gen<OpenFlags> OpenGen => Gen.Elements(OpenModes);

    /// <summary>Toward O_RDONLY (the question's open mode), then O_RDWR.</summary>
    public static IEnumerable<OpenFlags> ShrinkOpen(OpenFlags open) => OpenModes.TakeWhile(o => o != open);
}
