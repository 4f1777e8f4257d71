using Mmap.Model.Kernel;

namespace Mmap.Model.Memory;

/// <summary>
/// The contents of one 4 KiB physical page. Kept sparse: a page is a short prefix (the driver's fill
/// pattern) over zeroes until something writes to it. A page outside what the model allocated has
/// unknown contents (<see cref="IsKnown"/> false): reads from it yield no value.
/// </summary>
public sealed class PhysicalPage
{
    private byte[] _prefix;
    private byte[]? _bytes;

    private PhysicalPage(byte[] prefix, bool known)
    {
        _prefix = prefix;
        IsKnown = known;
    }

    public bool IsKnown { get; }

    public static PhysicalPage Zeroed() => new([], known: true);

    public static PhysicalPage Unknown() => new([], known: false);

    /// <summary>A page holding <paramref name="prefix"/> then zeroes. The array is shared, never written.</summary>
    public static PhysicalPage WithPrefix(byte[] prefix) => new(prefix, known: true);

    public byte? Read(int offset)
    {
        if (!IsKnown) return null;
        if (_bytes is not null) return _bytes[offset];
        return offset < _prefix.Length ? _prefix[offset] : (byte)0;
    }

    public void Write(int offset, byte value)
    {
        Materialize()[offset] = value;
    }

    /// <summary>Writes a short run of bytes at the start of the page without materializing it.</summary>
    public void WritePrefix(ReadOnlySpan<byte> bytes)
    {
        if (_bytes is null && _prefix.Length <= bytes.Length)
        {
            _prefix = bytes.ToArray();
            return;
        }

        var page = Materialize();
        bytes.CopyTo(page);
    }

    /// <summary>memset(page, 0, PAGE_SIZE).</summary>
    public void Clear()
    {
        _prefix = [];
        _bytes = null;
    }

    public void CopyFrom(PhysicalPage source)
    {
        if (source._bytes is null)
        {
            _prefix = source._prefix;
            _bytes = null;
            return;
        }

        _bytes = (byte[])source._bytes.Clone();
    }

    private byte[] Materialize()
    {
        if (_bytes is null)
        {
            _bytes = new byte[PageGeometry.PageSize];
            _prefix.CopyTo(_bytes, 0);
        }

        return _bytes;
    }
}
