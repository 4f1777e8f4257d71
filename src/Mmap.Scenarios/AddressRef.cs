namespace Mmap.Scenarios;

/// <summary>An address in the user program: a mapping's start plus an offset (<c>VA+0x1000</c>).</summary>
public sealed record AddressRef(string Mapping, ulong Offset)
{
    public override string ToString() => Offset == 0 ? Mapping : $"{Mapping}+0x{Offset:x}";
}
