namespace Mmap.Model.Faults;

public enum AccessKind
{
    Read,
    Write,
}
