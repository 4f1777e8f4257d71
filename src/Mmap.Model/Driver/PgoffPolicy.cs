namespace Mmap.Model.Driver;

/// <summary>Whether the driver maps from buffer page <c>vma->vm_pgoff</c> or always from page 0.</summary>
public enum PgoffPolicy
{
    Ignore,
    Honour,
}
