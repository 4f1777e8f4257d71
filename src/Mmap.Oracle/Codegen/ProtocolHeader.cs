using System.Text;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Model.Tracing;
using Mmap.Oracle.Cases;
using Mmap.Oracle.Logs;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Oracle.Codegen;

/// <summary>
/// Generates <c>mmapv_protocol.h</c>, the one header the fixed C files share: every number and record format the
/// C uses, emitted from the C# declarations the model and the log parser read (mapping methods and the strategy
/// table, buffer kinds, step operations and the step struct, value types, record layouts, fault-handler letters,
/// case-end words), plus compile-time checks of the C# errno, vm_flags, prot, map-flag, open-flag and signal values
/// against the headers the C is compiled with. The same for every batch and kernel; a copy is kept in
/// src/Mmap.Oracle/c/ for readers and a test keeps it current.
/// </summary>
public static class ProtocolHeader
{
    public const string FileName = "mmapv_protocol.h";

    public const int Major = 240;

    /// <summary>The vm_flags the module's C names (VM_MAYWRITE) or gets as numbers (the strategy table's flags), checked against the kernel.</summary>
    private static IEnumerable<(VmFlags Flag, string Name)> CheckedVmFlags() =>
        KernelNames.VmFlagSpellings.Where(s =>
            s.Flag == VmFlags.MayWrite || MappingMethods.All.Any(m => (m.SetsFlags & s.Flag) != 0)
            || (s.Flag & (VmFlags.Read | VmFlags.Write | VmFlags.Exec | VmFlags.Shared | VmFlags.MayRead | VmFlags.MayExec
                          | VmFlags.MayShare | VmFlags.Account | VmFlags.Pat | VmFlags.MixedMap)) != 0);

    public static string Generate()
    {
        var h = new StringBuilder();
        h.Append("/* ").Append(FileName).Append(": generated from the C# declarations by Mmap.Oracle.Codegen.ProtocolHeader; do not edit. */\n");
        h.Append("#ifndef MMAPV_PROTOCOL_H\n#define MMAPV_PROTOCOL_H\n\n");
        Define(h, "MMAPV_MAJOR", CLiteral.Int(Major));
        Define(h, "NSLOTS", CLiteral.Int(StepEncoder.MaxSlots));
        Define(h, "PATTERN_DRIVER_FILL", CLiteral.Unsigned(StepEncoder.DriverFill));
        Define(h, "FILL_PAGE_INDEX", "(" + CLiteral.Int(EncodedDriver.FillPageIndex) + ")");

        Enum<MappingMethod>(h, "M_", "Mapping methods (Mmap.Model.Driver.MappingMethod)");
        Define(h, "NMETHODS", CLiteral.Int(MappingMethods.All.Count));
        Enum<MmapCall>(h, "CALL_", "The helper ->mmap calls (Mmap.Model.Driver.MmapCall)");
        Enum<CallSpan>(h, "SPAN_", "How much of the VMA one call covers (Mmap.Model.Driver.CallSpan)");
        Enum<FaultHandlerKind>(h, "FAULT_HANDLER_", "The vm_ops->fault handler ->mmap installs (Mmap.Model.Driver.FaultHandlerKind)");
        Enum<BufferKind>(h, "BUF_", "Buffer kinds (Mmap.Model.Memory.BufferKind)");
        Enum<RemapProt>(h, "REMAP_PROT_", "The prot a driver passes to remap_pfn_range (Mmap.Model.Driver.RemapProt)");
        Enum<PgoffPolicy>(h, "PGOFF_", "Whether the driver maps from buffer page vm_pgoff (Mmap.Model.Driver.PgoffPolicy)");
        Enum<FileOperationsKind>(h, "FOPS_", "The read/write file operations (Mmap.Model.Driver.FileOperationsKind)");
        Enum<StepOp>(h, "OP_", "Program steps (Mmap.Oracle.Cases.StepOp)");
        Enum<ValueType>(h, "VT_", "Value types of reads and writes (Mmap.Model.Faults.ValueType)");

        DriverTable.Define(h);
        h.Append("\n/* The fault handler's answer in REC_FAULT (Mmap.Oracle.Logs.LogProtocol.FaultResults) */\n");
        foreach (var (name, letter) in LogProtocol.FaultResults) Define(h, name, CNames.CharLiteral(letter));
        h.Append("\n/* How a case's child ended, in REC_CASE_ENDED (Mmap.Oracle.Logs.CaseEnd) */\n");
        foreach (var word in CaseEnd.Words) Define(h, "END_" + word.ToUpperInvariant(), CNames.StringLiteral(word));

        h.Append("\n/* Log records (Mmap.Oracle.Logs.LogProtocol): printf formats; a record with _ITEM repeats it, then \"\\n\" */\n");
        h.Append("\n/* The transport (Mmap.Oracle.Logs.RecordTransport): each record line is sealed with its sequence number and CRC-32 */\n");
        Define(h, "TRANSPORT_SEAL", CNames.StringLiteral(RecordTransport.SealFormat));
        Define(h, "TRANSPORT_BATCH_END", CNames.StringLiteral(RecordTransport.BatchEndFormat));
        Define(h, "TRANSPORT_SEQ_ADDRESS", CLiteral.Unsigned(RecordTransport.SequenceCounterAddress));
        Define(h, "TRANSPORT_TORN", CNames.StringLiteral(RecordTransport.TornFormat));
        Define(h, "TRANSPORT_OVERFLOW", CNames.StringLiteral(RecordTransport.OverflowRecord));
        Define(h, "TRANSPORT_CRC32_POLY", CLiteral.Unsigned(RecordTransport.Polynomial));
        Define(h, "TRANSPORT_RECORD_PORT", CLiteral.Unsigned((ulong)RecordTransport.RecordPort));
        Define(h, "TRANSPORT_RECORD_PORT_OPTION", CNames.StringLiteral(RecordTransport.RecordPortOption));
        Define(h, "REC_DRIVER_LINE", CNames.StringLiteral(LogProtocol.DriverLinePrefix + "%s\n"));
        foreach (var layout in LogProtocol.All)
        {
            Define(h, layout.CName, CNames.StringLiteral(layout.CFormat));
            if (layout.CItemFormat is { } item) Define(h, layout.CItemName, CNames.StringLiteral(item));
        }

        h.Append("\n/* errno values of Mmap.Model.Kernel.Errno, checked against the headers */\n");
        foreach (var errno in System.Enum.GetValues<Errno>())
            StaticAssert(h, $"{errno} == {(int)errno}", $"Errno.{errno}");

        h.Append("\n#ifdef __KERNEL__\n");
        h.Append("/* vm_flags of Mmap.Model.Kernel.VmFlags the module uses, checked against <linux/mm.h> */\n");
        foreach (var (flag, name) in CheckedVmFlags())
        {
            // VM_PAT is gone from 7.3's headers: PAT tracking moved to vma->pfnmap_track_ctx (KernelDeltas.PfnmapTrackContext).
            var gone = flag == VmFlags.Pat;
            if (gone) h.Append("#ifdef ").Append(name).Append('\n');
            StaticAssert(h, $"{name} == {CLiteral.Unsigned((ulong)flag)}", $"VmFlags.{flag}");
            if (gone) h.Append("#endif\n");
        }
        MethodTable(h);
        h.Append("#else\n");
        UserChecks(h);
        StepStruct(h);
        h.Append("#endif /* __KERNEL__ */\n\n#endif /* MMAPV_PROTOCOL_H */\n");
        return h.ToString();
    }

    /// <summary>The strategy table (Mmap.Model.Driver.MappingMethods) as a C array indexed by M_*.</summary>
    private static void MethodTable(StringBuilder h)
    {
        h.Append("""

            /* Each mapping method's behaviour (Mmap.Model.Driver.MappingMethodBehaviour), indexed by M_*. */
            struct mmapv_method {
            	int has_mmap;			/* file_operations have .mmap */
            	int call;			/* CALL_*: the helper ->mmap calls */
            	int span;			/* SPAN_*: how much one call covers */
            	int rejects_range_past_buffer;	/* honouring vm_pgoff, ->mmap returns -EINVAL past the buffer */
            	int fault;			/* FAULT_HANDLER_*: the vm_ops->fault installed */
            	unsigned long sets_flags;	/* vm_flags ->mmap sets */
            };

            static const struct mmapv_method methods[NMETHODS] = {

            """);
        foreach (var m in MappingMethods.All)
        {
            h.Append("\t[M_").Append(CNames.UpperSnake(m.Method.ToString())).Append("] = { ")
                .Append(".has_mmap = ").Append(m.HasMmap ? 1 : 0)
                .Append(", .call = CALL_").Append(CNames.UpperSnake(m.Call.ToString()))
                .Append(", .span = SPAN_").Append(CNames.UpperSnake(m.Span.ToString()))
                .Append(", .rejects_range_past_buffer = ").Append(m.RejectsRangePastBuffer ? 1 : 0)
                .Append(", .fault = FAULT_HANDLER_").Append(CNames.UpperSnake(m.Fault.ToString()))
                .Append(", .sets_flags = ").Append(CLiteral.Unsigned((ulong)m.SetsFlags)).Append(" },");
            if (m.SetsFlags != VmFlags.None) h.Append(" /* ").Append(KernelNames.SpellVmFlags(m.SetsFlags)).Append(" */");
            h.Append('\n');
        }
        h.Append("};\n");
    }

    /// <summary>The uapi values the model's enums hold, checked against the C library's headers.</summary>
    private static void UserChecks(StringBuilder h)
    {
        h.Append("/* prot, map flags and open flags of Mmap.Model.Kernel, checked against <sys/mman.h> and <fcntl.h> */\n");
        // PROT_SEM is not defined by the C library.
        foreach (var prot in new[] { Prot.Read, Prot.Write, Prot.Exec, Prot.GrowsDown, Prot.GrowsUp })
            StaticAssert(h, $"{KernelNames.Spell(prot)} == {CLiteral.Unsigned((uint)prot)}", $"Prot.{prot}");
        StaticAssert(h, $"PROT_NONE == {CLiteral.Unsigned((uint)Prot.None)}", "Prot.None");
        foreach (var type in new[] { MapFlags.Shared, MapFlags.Private, MapFlags.SharedValidate })
            StaticAssert(h, $"{KernelNames.Spell(type)} == {CLiteral.Unsigned((uint)type)}", $"MapFlags.{type}");
        StaticAssert(h, $"MAP_TYPE == {CLiteral.Unsigned((uint)MapFlags.TypeMask)}", "MapFlags.TypeMask");
        foreach (var (flag, name) in KernelNames.MapFlagSpellings)
        {
            // MAP_UNINITIALIZED is a kernel-only flag the C library does not define.
            if (flag == MapFlags.Uninitialized) continue;
            StaticAssert(h, $"{name} == {CLiteral.Unsigned((uint)flag)}", $"MapFlags.{flag}");
        }
        foreach (var open in new[] { OpenFlags.ReadOnly, OpenFlags.WriteOnly, OpenFlags.ReadWrite })
            StaticAssert(h, $"{KernelNames.Spell(open)} == {CLiteral.Unsigned((uint)open)}", $"OpenFlags.{open}");
        StaticAssert(h, $"O_ACCMODE == {CLiteral.Unsigned((uint)OpenFlags.AccessModeMask)}", "OpenFlags.AccessModeMask");
        StaticAssert(h, $"O_SYNC == {CLiteral.Unsigned((uint)OpenFlags.Sync)}", "OpenFlags.Sync");
        h.Append("/* signals and si_codes the log parser reads (Mmap.Oracle.Logs.KernelTraceBuilder) */\n");
        StaticAssert(h, $"SIGBUS == {KernelTraceBuilder.SigBus}", "SigBus");
        StaticAssert(h, $"SIGSEGV == {KernelTraceBuilder.SigSegv}", "SigSegv");
        StaticAssert(h, $"BUS_ADRERR == {KernelTraceBuilder.BusAdrErr}", "BusAdrErr");
        StaticAssert(h, $"SEGV_MAPERR == {KernelTraceBuilder.SegvMapErr}", "SegvMapErr");
        StaticAssert(h, $"SEGV_ACCERR == {KernelTraceBuilder.SegvAccErr}", "SegvAccErr");
        StaticAssert(h, $"SEGV_PKUERR == {KernelTraceBuilder.SegvPkuErr}", "SegvPkuErr");
    }

    /// <summary>struct step from <see cref="EncodedStep.Fields"/>.</summary>
    private static void StepStruct(StringBuilder h)
    {
        h.Append("\n/* One program step (Mmap.Oracle.Cases.EncodedStep); an op uses some members, the rest are 0. */\nstruct step {\n");
        foreach (var (name, type, _) in EncodedStep.Fields) h.Append('\t').Append(type).Append(' ').Append(name).Append(";\n");
        h.Append("};\n");
    }

    private static void Enum<T>(StringBuilder h, string prefix, string comment)
        where T : struct, Enum
    {
        h.Append("\n/* ").Append(comment).Append(" */\n");
        foreach (var value in System.Enum.GetValues<T>())
            Define(h, prefix + CNames.UpperSnake(value.ToString()), CLiteral.Int(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static void Define(StringBuilder h, string name, string value) =>
        h.Append("#define ").Append(name).Append(' ').Append(value).Append('\n');

    private static void StaticAssert(StringBuilder h, string condition, string what) =>
        h.Append("_Static_assert(").Append(condition).Append(", ").Append(CNames.StringLiteral("C# " + what + " differs from the C headers")).Append(");\n");
}
