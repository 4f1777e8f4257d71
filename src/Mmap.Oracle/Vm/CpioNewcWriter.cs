using System.Globalization;
using System.Text;

namespace Mmap.Oracle.Vm;

/// <summary>
/// Writes a cpio archive in the "newc" format the kernel unpacks as an initramfs
/// (Documentation/driver-api/early-userspace/buffer-format.rst): ASCII header "070701", 13 hex fields,
/// name and data each padded to 4 bytes, ending with "TRAILER!!!". Owner is root, mtime 0 (reproducible).
/// </summary>
public sealed class CpioNewcWriter : IDisposable
{
    private const int ModeDirectory = 0x4000;
    private const int ModeRegular = 0x8000;
    private const int ModeSymlink = 0xA000;
    private const int ModeCharDevice = 0x2000;

    private readonly Stream output;
    private int nextInode = 1;
    private bool finished;

    public CpioNewcWriter(Stream output) => this.output = output;

    public void AddDirectory(string path, int permissions = 0x1ED /* 0755 */) =>
        WriteEntry(path, ModeDirectory | permissions, [], 0, 0, 2);

    public void AddFile(string path, ReadOnlySpan<byte> content, int permissions = 0x1ED) =>
        WriteEntry(path, ModeRegular | permissions, content, 0, 0, 1);

    public void AddSymlink(string path, string target) =>
        WriteEntry(path, ModeSymlink | 0x1FF, Encoding.UTF8.GetBytes(target), 0, 0, 1);

    public void AddCharDevice(string path, int major, int minor, int permissions = 0x180 /* 0600 */) =>
        WriteEntry(path, ModeCharDevice | permissions, [], major, minor, 1);

    public void Finish()
    {
        if (finished) return;
        WriteEntry("TRAILER!!!", 0, [], 0, 0, 1, inode: 0);
        output.Flush();
        finished = true;
    }

    public void Dispose() => Finish();

    private void WriteEntry(string path, int mode, ReadOnlySpan<byte> data, int rdevMajor, int rdevMinor, int links, int? inode = null)
    {
        if (path.Length == 0 || path.StartsWith('/') || path.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException($"cpio paths are relative and plain: '{path}'", nameof(path));
        var name = Encoding.UTF8.GetBytes(path + "\0");
        var header = new StringBuilder("070701");
        foreach (var field in new long[]
                 {
                     inode ?? nextInode++, mode, 0, 0, links, 0, data.Length,
                     0, 0, rdevMajor, rdevMinor, name.Length, 0,
                 })
            header.Append(field.ToString("X8", CultureInfo.InvariantCulture));
        var headerBytes = Encoding.ASCII.GetBytes(header.ToString());
        output.Write(headerBytes);
        output.Write(name);
        Pad(headerBytes.Length + name.Length);
        output.Write(data);
        Pad(data.Length);
    }

    private void Pad(int length)
    {
        var extra = (4 - (length % 4)) % 4;
        for (var i = 0; i < extra; i++) output.WriteByte(0);
    }
}
