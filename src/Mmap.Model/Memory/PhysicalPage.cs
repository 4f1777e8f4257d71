using Mmap.Model.Kernel;

namespace Mmap.Model.Memory;

/// <summary>
/// The contents of one 4 KiB physical page. Kept sparse: a page is a short prefix (the driver's fill
/// pattern, and bytes written near the start) over zeroes until something writes further in. A page outside
/// what the model allocated has unknown contents (<see cref="IsKnown"/> false): reads from it yield no value.
/// </summary>
public sealed class PhysicalPage
{
    /// <summary>Writes below this offset grow the prefix instead of making the page 4 KiB of bytes.</summary>
    private const int SparseLimit = 64;

    private byte[] _prefix;

    /// <summary>Whether <see cref="_prefix"/> is this page's own (a fill pattern or a copied page's prefix is shared).</summary>
    private bool _ownsPrefix;
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
        if (_bytes is null && offset < SparseLimit)
        {
            if (!_ownsPrefix || offset >= _prefix.Length)
            {
                var grown = new byte[Math.Max(_prefix.Length, offset + 1)];
                _prefix.CopyTo(grown, 0);
                (_prefix, _ownsPrefix) = (grown, true);
            }

            _prefix[offset] = value;
            return;
        }

        Materialize()[offset] = value;
    }

    /// <summary>Writes a short run of bytes at the start of the page without materializing it.</summary>
    public void WritePrefix(ReadOnlySpan<byte> bytes)
    {
        if (_bytes is null && _prefix.Length <= bytes.Length)
        {
            (_prefix, _ownsPrefix) = (bytes.ToArray(), true);
            return;
        }

        var page = Materialize();
        bytes.CopyTo(page);
    }

    /// <summary>memset(page, 0, PAGE_SIZE).</summary>
    public void Clear()
    {
        (_prefix, _ownsPrefix) = ([], false);
        _bytes = null;
    }

    public void CopyFrom(PhysicalPage source)
    {
        if (source._bytes is null)
        {
            // The prefix is shared from now on: neither page writes into it again.
            (_prefix, _ownsPrefix, source._ownsPrefix) = (source._prefix, false, false);
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
