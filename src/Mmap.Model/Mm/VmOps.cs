namespace Mmap.Model.Mm;

/// <summary>
/// What <c>vma->vm_ops</c> provides. A file VMA always has ops (vma_init installs the empty
/// dummy_vm_ops, include/linux/mm.h), so it is never anonymous; only a driver's ops have <c>.fault</c>.
/// </summary>
public enum VmOps
{
    /// <summary>vm_ops == NULL: an anonymous VMA (vma_is_anonymous).</summary>
    Anonymous,

    /// <summary>The empty dummy_vm_ops: no .fault, so a fault on a missing PTE is SIGBUS.</summary>
    Dummy,

    /// <summary>The driver's vm_operations_struct with a .fault handler.</summary>
    DriverFault,

    /// <summary>
    /// A shared anonymous mapping: shmem_zero_setup gave it a shmem file ("dev/zero") and the shmem vm_ops
    /// (shmem_vm_ops in 6.1, shmem_anon_vm_ops in 6.12 and 7.3), whose .fault (shmem_fault) allocates a zeroed page
    /// shared by every mapping of that file. Not anonymous to vma_is_anonymous.
    /// </summary>
    Shmem,
}
