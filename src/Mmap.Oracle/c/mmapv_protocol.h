/* mmapv_protocol.h: generated from the C# declarations by Mmap.Oracle.Codegen.ProtocolHeader; do not edit. */
#ifndef MMAPV_PROTOCOL_H
#define MMAPV_PROTOCOL_H

#define MMAPV_MAJOR 240
#define NSLOTS 32
#define PATTERN_DRIVER_FILL 0xffffffffffffffffUL
#define FILL_PAGE_INDEX (-1)

/* Mapping methods (Mmap.Model.Driver.MappingMethod) */
#define M_REMAP_WHOLE 0
#define M_REMAP_PER_PAGE 1
#define M_INSERT_PAGE 2
#define M_MAP_PAGES 3
#define M_FAULT 4
#define M_FAULT_PFN 5
#define M_NONE 6
#define NMETHODS 7

/* The helper ->mmap calls (Mmap.Model.Driver.MmapCall) */
#define CALL_NONE 0
#define CALL_REMAP_PFN_RANGE 1
#define CALL_VM_INSERT_PAGE 2
#define CALL_VM_MAP_PAGES 3

/* How much of the VMA one call covers (Mmap.Model.Driver.CallSpan) */
#define SPAN_NONE 0
#define SPAN_WHOLE_VMA 1
#define SPAN_PER_PAGE 2
#define SPAN_WHOLE_BUFFER 3

/* The vm_ops->fault handler ->mmap installs (Mmap.Model.Driver.FaultHandlerKind) */
#define FAULT_HANDLER_NONE 0
#define FAULT_HANDLER_RETURN_PAGE 1
#define FAULT_HANDLER_INSERT_PFN 2

/* Buffer kinds (Mmap.Model.Memory.BufferKind) */
#define BUF_KMALLOC 0
#define BUF_VMALLOC 1

/* The prot a driver passes to remap_pfn_range (Mmap.Model.Driver.RemapProt) */
#define REMAP_PROT_VM_PAGE_PROT 0
#define REMAP_PROT_PAGE_SHARED 1

/* Whether the driver maps from buffer page vm_pgoff (Mmap.Model.Driver.PgoffPolicy) */
#define PGOFF_IGNORE 0
#define PGOFF_HONOUR 1

/* The read/write file operations (Mmap.Model.Driver.FileOperationsKind) */
#define FOPS_NONE 0
#define FOPS_LAB 1

/* Program steps (Mmap.Oracle.Cases.StepOp) */
#define OP_OPEN 1
#define OP_CLOSE 2
#define OP_MMAP 3
#define OP_READ 4
#define OP_WRITE 5
#define OP_MPROTECT 6
#define OP_MUNMAP 7
#define OP_CHECK 8
#define OP_FD_WRITE 9
#define OP_FD_READ 10
#define OP_CHECK_BUFFER 11
#define OP_MAPS 12
#define OP_PROC_TOTAL 13

/* Value types of reads and writes (Mmap.Model.Faults.ValueType) */
#define VT_CHAR 0
#define VT_UCHAR 1
#define VT_U8 2
#define VT_U32 3

/* The driver table the program writes to /proc/mmapv-cases (Mmap.Oracle.Codegen.DriverTable) */
#define MMAPV_MAX_CASES 4096
#define TABLE_BUF_INTS 2
#define TABLE_BUF_KIND 0
#define TABLE_BUF_PAGES 1
#define TABLE_CASE_INTS 26
#define TABLE_CASE_BUF 0
#define TABLE_CASE_METHOD 1
#define TABLE_CASE_PROT 2
#define TABLE_CASE_CHECK_ERRORS 3
#define TABLE_CASE_PGOFF 4
#define TABLE_CASE_CLEAR_MAYWRITE 5
#define TABLE_CASE_FOPS 6
#define TABLE_CASE_LIMIT_PAGES 7
#define TABLE_CASE_LIMIT_ERR 8
#define TABLE_CASE_FILL_LEN 9
#define TABLE_CASE_FILL 10

/* The fault handler's answer in REC_FAULT (Mmap.Oracle.Logs.LogProtocol.FaultResults) */
#define FAULT_PAGE 'P'
#define FAULT_SIGBUS 'S'
#define FAULT_NOPAGE 'N'
#define FAULT_OOM 'O'

/* How a case's child ended, in REC_CASE_ENDED (Mmap.Oracle.Logs.CaseEnd) */
#define END_EXIT "exit"
#define END_SIGNAL "signal"
#define END_BUG "bug"
#define END_TIMEOUT "timeout"
#define END_ERROR "error"

/* Log records (Mmap.Oracle.Logs.LogProtocol): printf formats; a record with _ITEM repeats it, then "\n" */

/* The transport (Mmap.Oracle.Logs.RecordTransport): each record line is sealed with its sequence number and CRC-32 */
#define TRANSPORT_SEAL " ~%lu %08x\n"
#define TRANSPORT_BATCH_END "@B Y %lu"
#define TRANSPORT_SEQ_ADDRESS 0x100000000000UL
#define TRANSPORT_TORN "@B T %lu"
#define TRANSPORT_OVERFLOW "@B O"
#define TRANSPORT_CRC32_POLY 0xedb88320UL
#define TRANSPORT_RECORD_PORT 0x402UL
#define TRANSPORT_RECORD_PORT_OPTION "--records-port"
#define REC_DRIVER_LINE "@K %s\n"
#define REC_LOADED "L %d %d %lu\n"
#define REC_PFNS "Q %d %lu"
#define REC_PFNS_ITEM " %lx"
#define REC_MMAP_ENTERED "E %d %lx %lx %lx %lx\n"
#define REC_FLAGS_CLEARED "C %d %lx\n"
#define REC_REMAP "R %d %lx %lx %lx %d\n"
#define REC_INSERT_PAGE "I %d %lx %lu %d\n"
#define REC_MAP_PAGES "M %d %d %lu %d\n"
#define REC_MMAP_RETURNED "X %d %d %lx %lx\n"
#define REC_FAULT "F %d %lx %lx %c %lu\n"
#define REC_DRIVER_LOST "O %d %lu\n"
#define REC_OPEN "@U %d %d O %d\n"
#define REC_CLOSE "@U %d %d C %ld\n"
#define REC_MMAP_OK "@U %d %d M a %lx %lx\n"
#define REC_MMAP_FAILED "@U %d %d M e %d %lx\n"
#define REC_READ_VALUE "@U %d %d R v %x\n"
#define REC_READ_SIGNAL "@U %d %d R s %d %d %lx\n"
#define REC_WRITE_DONE "@U %d %d W v %x\n"
#define REC_WRITE_SIGNAL "@U %d %d W s %d %d %lx\n"
#define REC_MPROTECT "@U %d %d P %ld\n"
#define REC_MUNMAP "@U %d %d U %ld\n"
#define REC_CHECK_PAGE "@U %d %d K %lx"
#define REC_CHECK_PAGE_ITEM " %x"
#define REC_CHECK_PAGE_SIGNAL "@U %d %d K %lx s %d %d %lx\n"
#define REC_FD_WRITE "@U %d %d FW %ld\n"
#define REC_FD_READ "@U %d %d FR %ld\n"
#define REC_CHECK_BUFFER "@U %d %d B %lx"
#define REC_CHECK_BUFFER_ITEM " %x"
#define REC_MAPS_LINE "@U %d %d L %s\n"
#define REC_PROC_TOTAL "@U %d %d T %lx\n"
#define REC_PROC_TOTAL_FAILED "@U %d %d T error\n"
#define REC_NOT_RUN "@U %d %d N\n"
#define REC_WARNING "@U %d %d G %s\n"
#define REC_CASE_STARTED "@U %d A\n"
#define REC_CASE_ENDED "@U %d Z %s %d %ld\n"
#define REC_CASE_FAILED "@U %d Z error %d\n"
#define REC_KERNEL_MESSAGE "@D %d %s\n"

/* errno values of Mmap.Model.Kernel.Errno, checked against the headers */
_Static_assert(EPERM == 1, "C# Errno.EPERM differs from the C headers");
_Static_assert(EINTR == 4, "C# Errno.EINTR differs from the C headers");
_Static_assert(EIO == 5, "C# Errno.EIO differs from the C headers");
_Static_assert(ENXIO == 6, "C# Errno.ENXIO differs from the C headers");
_Static_assert(EBADF == 9, "C# Errno.EBADF differs from the C headers");
_Static_assert(EAGAIN == 11, "C# Errno.EAGAIN differs from the C headers");
_Static_assert(ENOMEM == 12, "C# Errno.ENOMEM differs from the C headers");
_Static_assert(EACCES == 13, "C# Errno.EACCES differs from the C headers");
_Static_assert(EFAULT == 14, "C# Errno.EFAULT differs from the C headers");
_Static_assert(EBUSY == 16, "C# Errno.EBUSY differs from the C headers");
_Static_assert(EEXIST == 17, "C# Errno.EEXIST differs from the C headers");
_Static_assert(ENODEV == 19, "C# Errno.ENODEV differs from the C headers");
_Static_assert(EINVAL == 22, "C# Errno.EINVAL differs from the C headers");
_Static_assert(EOVERFLOW == 75, "C# Errno.EOVERFLOW differs from the C headers");
_Static_assert(EOPNOTSUPP == 95, "C# Errno.EOPNOTSUPP differs from the C headers");

#ifdef __KERNEL__
/* vm_flags of Mmap.Model.Kernel.VmFlags the module uses, checked against <linux/mm.h> */
_Static_assert(VM_READ == 0x1UL, "C# VmFlags.Read differs from the C headers");
_Static_assert(VM_WRITE == 0x2UL, "C# VmFlags.Write differs from the C headers");
_Static_assert(VM_EXEC == 0x4UL, "C# VmFlags.Exec differs from the C headers");
_Static_assert(VM_SHARED == 0x8UL, "C# VmFlags.Shared differs from the C headers");
_Static_assert(VM_MAYREAD == 0x10UL, "C# VmFlags.MayRead differs from the C headers");
_Static_assert(VM_MAYWRITE == 0x20UL, "C# VmFlags.MayWrite differs from the C headers");
_Static_assert(VM_MAYEXEC == 0x40UL, "C# VmFlags.MayExec differs from the C headers");
_Static_assert(VM_MAYSHARE == 0x80UL, "C# VmFlags.MayShare differs from the C headers");
_Static_assert(VM_IO == 0x4000UL, "C# VmFlags.Io differs from the C headers");
_Static_assert(VM_PFNMAP == 0x400UL, "C# VmFlags.PfnMap differs from the C headers");
_Static_assert(VM_DONTEXPAND == 0x40000UL, "C# VmFlags.DontExpand differs from the C headers");
_Static_assert(VM_DONTDUMP == 0x4000000UL, "C# VmFlags.DontDump differs from the C headers");
_Static_assert(VM_ACCOUNT == 0x100000UL, "C# VmFlags.Account differs from the C headers");
#ifdef VM_PAT
_Static_assert(VM_PAT == 0x1000000UL, "C# VmFlags.Pat differs from the C headers");
#endif
_Static_assert(VM_MIXEDMAP == 0x10000000UL, "C# VmFlags.MixedMap differs from the C headers");

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
	[M_REMAP_WHOLE] = { .has_mmap = 1, .call = CALL_REMAP_PFN_RANGE, .span = SPAN_WHOLE_VMA, .rejects_range_past_buffer = 1, .fault = FAULT_HANDLER_NONE, .sets_flags = 0x0UL },
	[M_REMAP_PER_PAGE] = { .has_mmap = 1, .call = CALL_REMAP_PFN_RANGE, .span = SPAN_PER_PAGE, .rejects_range_past_buffer = 1, .fault = FAULT_HANDLER_NONE, .sets_flags = 0x0UL },
	[M_INSERT_PAGE] = { .has_mmap = 1, .call = CALL_VM_INSERT_PAGE, .span = SPAN_PER_PAGE, .rejects_range_past_buffer = 1, .fault = FAULT_HANDLER_NONE, .sets_flags = 0x0UL },
	[M_MAP_PAGES] = { .has_mmap = 1, .call = CALL_VM_MAP_PAGES, .span = SPAN_WHOLE_BUFFER, .rejects_range_past_buffer = 0, .fault = FAULT_HANDLER_NONE, .sets_flags = 0x0UL },
	[M_FAULT] = { .has_mmap = 1, .call = CALL_NONE, .span = SPAN_NONE, .rejects_range_past_buffer = 0, .fault = FAULT_HANDLER_RETURN_PAGE, .sets_flags = 0x0UL },
	[M_FAULT_PFN] = { .has_mmap = 1, .call = CALL_NONE, .span = SPAN_NONE, .rejects_range_past_buffer = 0, .fault = FAULT_HANDLER_INSERT_PFN, .sets_flags = 0x4044400UL }, /* VM_IO|VM_PFNMAP|VM_DONTEXPAND|VM_DONTDUMP */
	[M_NONE] = { .has_mmap = 0, .call = CALL_NONE, .span = SPAN_NONE, .rejects_range_past_buffer = 0, .fault = FAULT_HANDLER_NONE, .sets_flags = 0x0UL },
};
#else
/* prot, map flags and open flags of Mmap.Model.Kernel, checked against <sys/mman.h> and <fcntl.h> */
_Static_assert(PROT_READ == 0x1UL, "C# Prot.Read differs from the C headers");
_Static_assert(PROT_WRITE == 0x2UL, "C# Prot.Write differs from the C headers");
_Static_assert(PROT_EXEC == 0x4UL, "C# Prot.Exec differs from the C headers");
_Static_assert(PROT_GROWSDOWN == 0x1000000UL, "C# Prot.GrowsDown differs from the C headers");
_Static_assert(PROT_GROWSUP == 0x2000000UL, "C# Prot.GrowsUp differs from the C headers");
_Static_assert(PROT_NONE == 0x0UL, "C# Prot.None differs from the C headers");
_Static_assert(MAP_SHARED == 0x1UL, "C# MapFlags.Shared differs from the C headers");
_Static_assert(MAP_PRIVATE == 0x2UL, "C# MapFlags.Private differs from the C headers");
_Static_assert(MAP_SHARED_VALIDATE == 0x3UL, "C# MapFlags.SharedValidate differs from the C headers");
_Static_assert(MAP_TYPE == 0xfUL, "C# MapFlags.TypeMask differs from the C headers");
_Static_assert(MAP_FIXED == 0x10UL, "C# MapFlags.Fixed differs from the C headers");
_Static_assert(MAP_ANONYMOUS == 0x20UL, "C# MapFlags.Anonymous differs from the C headers");
_Static_assert(MAP_32BIT == 0x40UL, "C# MapFlags.Map32Bit differs from the C headers");
_Static_assert(MAP_GROWSDOWN == 0x100UL, "C# MapFlags.GrowsDown differs from the C headers");
_Static_assert(MAP_DENYWRITE == 0x800UL, "C# MapFlags.DenyWrite differs from the C headers");
_Static_assert(MAP_EXECUTABLE == 0x1000UL, "C# MapFlags.Executable differs from the C headers");
_Static_assert(MAP_LOCKED == 0x2000UL, "C# MapFlags.Locked differs from the C headers");
_Static_assert(MAP_NORESERVE == 0x4000UL, "C# MapFlags.NoReserve differs from the C headers");
_Static_assert(MAP_POPULATE == 0x8000UL, "C# MapFlags.Populate differs from the C headers");
_Static_assert(MAP_NONBLOCK == 0x10000UL, "C# MapFlags.NonBlock differs from the C headers");
_Static_assert(MAP_STACK == 0x20000UL, "C# MapFlags.Stack differs from the C headers");
_Static_assert(MAP_HUGETLB == 0x40000UL, "C# MapFlags.HugeTlb differs from the C headers");
_Static_assert(MAP_SYNC == 0x80000UL, "C# MapFlags.Sync differs from the C headers");
_Static_assert(MAP_FIXED_NOREPLACE == 0x100000UL, "C# MapFlags.FixedNoReplace differs from the C headers");
_Static_assert(O_RDONLY == 0x0UL, "C# OpenFlags.ReadOnly differs from the C headers");
_Static_assert(O_WRONLY == 0x1UL, "C# OpenFlags.WriteOnly differs from the C headers");
_Static_assert(O_RDWR == 0x2UL, "C# OpenFlags.ReadWrite differs from the C headers");
_Static_assert(O_ACCMODE == 0x3UL, "C# OpenFlags.AccessModeMask differs from the C headers");
_Static_assert(O_SYNC == 0x101000UL, "C# OpenFlags.Sync differs from the C headers");
/* signals and si_codes the log parser reads (Mmap.Oracle.Logs.KernelTraceBuilder) */
_Static_assert(SIGBUS == 7, "C# SigBus differs from the C headers");
_Static_assert(SIGSEGV == 11, "C# SigSegv differs from the C headers");
_Static_assert(BUS_ADRERR == 2, "C# BusAdrErr differs from the C headers");
_Static_assert(SEGV_MAPERR == 1, "C# SegvMapErr differs from the C headers");
_Static_assert(SEGV_ACCERR == 2, "C# SegvAccErr differs from the C headers");
_Static_assert(SEGV_PKUERR == 4, "C# SegvPkuErr differs from the C headers");

/* One program step (Mmap.Oracle.Cases.EncodedStep); an op uses some members, the rest are 0. */
struct step {
	int op;
	int slot;
	int hint_slot;
	int type;
	unsigned long pattern;
	unsigned long offset;
	unsigned long length;
	unsigned long prot;
	unsigned long flags;
	unsigned long value;
	unsigned long file_offset;
};
#endif /* __KERNEL__ */

#endif /* MMAPV_PROTOCOL_H */
