using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Scenarios.Syntax;

/// <summary>The keywords of the scenario language and what they mean, shared by the parser and the writer.</summary>
public static class Vocabulary
{
    /// <summary>The kernel series by the name KernelVersion.ToDisplay gives them ("6.1", "6.12", "7.3").</summary>
    public static readonly IReadOnlyDictionary<string, KernelVersion> Kernels =
        Enum.GetValues<KernelVersion>().ToDictionary(v => v.ToDisplay());

    public static readonly IReadOnlyDictionary<string, BufferKind> Buffers = new Dictionary<string, BufferKind>
    {
        ["kmalloc"] = BufferKind.Kmalloc,
        ["vmalloc"] = BufferKind.Vmalloc,
    };

    public static readonly IReadOnlyDictionary<string, MappingMethod> Methods = new Dictionary<string, MappingMethod>
    {
        ["remap-whole"] = MappingMethod.RemapWhole,
        ["remap-per-page"] = MappingMethod.RemapPerPage,
        ["insert-page"] = MappingMethod.InsertPage,
        ["map-pages"] = MappingMethod.MapPages,
        ["fault"] = MappingMethod.Fault,
        ["fault-pfn"] = MappingMethod.FaultPfn,
        ["none"] = MappingMethod.None,
    };

    public static readonly IReadOnlyDictionary<string, RemapProt> RemapProts = new Dictionary<string, RemapProt>
    {
        ["vm_page_prot"] = RemapProt.VmPageProt,
        ["PAGE_SHARED"] = RemapProt.PageShared,
    };

    public static readonly IReadOnlyDictionary<string, PgoffPolicy> Pgoffs = new Dictionary<string, PgoffPolicy>
    {
        ["ignore"] = PgoffPolicy.Ignore,
        ["honour"] = PgoffPolicy.Honour,
    };

    public static readonly IReadOnlyDictionary<string, FileOperationsKind> Fops = new Dictionary<string, FileOperationsKind>
    {
        ["none"] = FileOperationsKind.None,
        ["lab"] = FileOperationsKind.Lab,
    };

    public static readonly IReadOnlyDictionary<string, bool> YesNo = new Dictionary<string, bool>
    {
        ["yes"] = true,
        ["no"] = false,
    };

    public static readonly IReadOnlyDictionary<string, OpenFlags> OpenModes = new Dictionary<string, OpenFlags>
    {
        ["O_RDONLY"] = OpenFlags.ReadOnly,
        ["O_WRONLY"] = OpenFlags.WriteOnly,
        ["O_RDWR"] = OpenFlags.ReadWrite,
    };

    public static readonly IReadOnlyDictionary<string, Prot> ProtBits = new Dictionary<string, Prot>
    {
        ["PROT_READ"] = Prot.Read,
        ["PROT_WRITE"] = Prot.Write,
        ["PROT_EXEC"] = Prot.Exec,
        ["PROT_SEM"] = Prot.Sem,
        ["PROT_GROWSDOWN"] = Prot.GrowsDown,
        ["PROT_GROWSUP"] = Prot.GrowsUp,
    };

    public static readonly IReadOnlyDictionary<string, MapFlags> MapFlagBits = BuildMapFlags();

    public static readonly IReadOnlyDictionary<string, ValueType> ReadTypes = new Dictionary<string, ValueType>
    {
        ["char"] = ValueType.Char,
        ["uchar"] = ValueType.UChar,
        ["u32"] = ValueType.U32,
    };

    public static readonly IReadOnlyDictionary<string, ValueType> WriteTypes = new Dictionary<string, ValueType>
    {
        ["u8"] = ValueType.U8,
        ["u32"] = ValueType.U32,
    };

    /// <summary>The signal outcomes of a read, write or check, as the trace spells them (declared in the model: AccessOutcome.Signals).</summary>
    public static readonly IReadOnlyDictionary<string, Model.Faults.OutcomeKind> Signals =
        Model.Faults.AccessOutcome.Signals.ToDictionary(s => s.Spelling, s => s.Kind);

    public static string KeyOf<T>(IReadOnlyDictionary<string, T> table, T value) =>
        table.First(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Key;

    public static string Allowed<T>(IReadOnlyDictionary<string, T> table) => string.Join(", ", table.Keys);

    private static Dictionary<string, MapFlags> BuildMapFlags()
    {
        var table = new Dictionary<string, MapFlags>();
        foreach (var (type, name) in Model.Tracing.KernelNames.MapTypeSpellings) table[name] = type;
        foreach (var (flag, name) in Model.Tracing.KernelNames.MapFlagSpellings) table[name] = flag;
        return table;
    }
}
