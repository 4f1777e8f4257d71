using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>
/// A process's page table: one <see cref="Pte"/> per mapped virtual page, keyed by the page's address.
/// Like the kernel's last level, entries live in fixed blocks of consecutive pages (here 64 pages, 256 KiB),
/// made on first use and kept in address order, each with a bitmap of present entries. Enumeration is in
/// ascending address order.
/// </summary>
public sealed class PageTable : IReadOnlyDictionary<ulong, Pte>
{
    private const int BlockShift = 6;
    private const int BlockPages = 1 << BlockShift;
    private const int AddressToBlock = PageGeometry.PageShift + BlockShift;

    /// <summary>The blocks, sorted by key (address &gt;&gt; 18).</summary>
    private readonly List<Block> _blocks = new();

    /// <summary>Emptied blocks kept for reuse.</summary>
    private readonly Stack<Block> _free = new();
    private Block? _last;

    public int Count { get; private set; }

    public Pte this[ulong page] => TryGetValue(page, out var pte) ? pte : throw new KeyNotFoundException($"no PTE at 0x{page:x}");

    /// <summary>The addresses of the present PTEs, ascending.</summary>
    public IEnumerable<ulong> Keys => KeysIn(0, ulong.MaxValue);

    public IEnumerable<Pte> Values
    {
        get
        {
            foreach (var (_, pte) in this) yield return pte;
        }
    }

    public bool ContainsKey(ulong page) => TryGetValue(page, out _);

    public bool TryGetValue(ulong page, [MaybeNullWhen(false)] out Pte pte)
    {
        var block = Find(page >> AddressToBlock);
        var index = Index(page);
        if (block is not null && (block.Present & (1UL << index)) != 0)
        {
            pte = block.Entries[index];
            return true;
        }

        pte = default;
        return false;
    }

    /// <summary>Sets the PTE of the page holding <paramref name="page"/> (a page-aligned address).</summary>
    public void Set(ulong page, Pte pte)
    {
        var key = page >> AddressToBlock;
        var block = Find(key);
        if (block is null)
        {
            block = _free.TryPop(out var reused) ? reused.Reuse(key) : new Block(key);
            _blocks.Insert(~Search(key), block);
            _last = block;
        }

        var bit = 1UL << Index(page);
        if ((block.Present & bit) == 0) Count++;
        block.Present |= bit;
        block.Entries[Index(page)] = pte;
    }

    /// <summary>Clears the PTE of <paramref name="page"/>; false if there was none.</summary>
    public bool Remove(ulong page)
    {
        var block = Find(page >> AddressToBlock);
        var bit = 1UL << Index(page);
        if (block is null || (block.Present & bit) == 0) return false;
        block.Present &= ~bit;
        Count--;
        if (block.Present == 0) Drop(block);
        return true;
    }

    /// <summary>
    /// Clears the PTEs of every page in [start, end) (<paramref name="start"/> page-aligned; a page is in the range
    /// when it starts below <paramref name="end"/>); returns how many were present.
    /// </summary>
    public int RemoveRange(ulong start, ulong end)
    {
        if (Count == 0 || end <= start) return 0;
        var removed = 0;
        var last = (end - 1) >> AddressToBlock;
        var i = FirstAtOrAfter(start >> AddressToBlock);
        while (i < _blocks.Count && _blocks[i].Key <= last)
        {
            var block = _blocks[i];
            var hit = block.Present & MaskIn(block.Key, start, end);
            block.Present &= ~hit;
            removed += BitOperations.PopCount(hit);
            if (block.Present == 0) Drop(block);
            else i++;
        }

        Count -= removed;
        return removed;
    }

    /// <summary>How many PTEs are present for the pages in [start, end) (<paramref name="start"/> page-aligned).</summary>
    public int CountIn(ulong start, ulong end)
    {
        if (Count == 0 || end <= start) return 0;
        var count = 0;
        var last = (end - 1) >> AddressToBlock;
        for (var i = FirstAtOrAfter(start >> AddressToBlock); i < _blocks.Count && _blocks[i].Key <= last; i++)
        {
            count += BitOperations.PopCount(_blocks[i].Present & MaskIn(_blocks[i].Key, start, end));
        }

        return count;
    }

    /// <summary>The addresses of the present PTEs in [start, end) (start page-aligned), in ascending order.</summary>
    public IEnumerable<ulong> KeysIn(ulong start, ulong end)
    {
        if (Count == 0 || end <= start) yield break;
        var last = (end - 1) >> AddressToBlock;
        for (var i = FirstAtOrAfter(start >> AddressToBlock); i < _blocks.Count && _blocks[i].Key <= last; i++)
        {
            var block = _blocks[i];
            var present = block.Present & MaskIn(block.Key, start, end);
            while (present != 0)
            {
                var index = BitOperations.TrailingZeroCount(present);
                present &= present - 1;
                yield return block.Address(index);
            }
        }
    }

    /// <summary>The present PTEs in ascending address order.</summary>
    public IEnumerator<KeyValuePair<ulong, Pte>> GetEnumerator()
    {
        foreach (var block in _blocks)
        {
            for (var present = block.Present; present != 0; present &= present - 1)
            {
                var index = BitOperations.TrailingZeroCount(present);
                yield return new(block.Address(index), block.Entries[index]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int Index(ulong page) => (int)(page >> PageGeometry.PageShift) & (BlockPages - 1);

    /// <summary>The bits of a block's pages that start in [start, end).</summary>
    private static ulong MaskIn(ulong key, ulong start, ulong end)
    {
        var blockStart = key << AddressToBlock;
        var low = start <= blockStart ? 0 : (int)((start - blockStart) >> PageGeometry.PageShift);
        var span = end - blockStart;
        var high = span >= (ulong)BlockPages << PageGeometry.PageShift ? BlockPages : (int)((span + PageGeometry.PageSize - 1) >> PageGeometry.PageShift);
        var below = high == BlockPages ? ulong.MaxValue : (1UL << high) - 1;
        return below & ~((1UL << low) - 1);
    }

    private Block? Find(ulong key)
    {
        if (_last is { } last && last.Key == key) return last;
        var i = Search(key);
        if (i < 0) return null;
        return _last = _blocks[i];
    }

    private void Drop(Block block)
    {
        _blocks.RemoveAt(Search(block.Key));
        if (_last == block) _last = null;
        _free.Push(block);
    }

    /// <summary>Removes every PTE.</summary>
    public void Clear()
    {
        foreach (var block in _blocks) _free.Push(block);
        _blocks.Clear();
        _last = null;
        Count = 0;
    }

    /// <summary>The index of the block with <paramref name="key"/>, or the complement of where it would go.</summary>
    private int Search(ulong key)
    {
        int low = 0, high = _blocks.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var k = _blocks[mid].Key;
            if (k == key) return mid;
            if (k < key) low = mid + 1;
            else high = mid - 1;
        }

        return ~low;
    }

    private int FirstAtOrAfter(ulong key)
    {
        var i = Search(key);
        return i >= 0 ? i : ~i;
    }

    /// <summary>64 entries; an entry means something only while its bit in <see cref="Present"/> is set.</summary>
    private sealed class Block(ulong key)
    {
        public readonly Pte[] Entries = new Pte[BlockPages];
        public ulong Key = key;
        public ulong Present;

        public Block Reuse(ulong key)
        {
            (Key, Present) = (key, 0);
            return this;
        }

        public ulong Address(int index) => (Key << AddressToBlock) | ((ulong)index << PageGeometry.PageShift);
    }
}
