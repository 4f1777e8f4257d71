using System.Globalization;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;

namespace Mmap.Oracle.Logs;

/// <summary>
/// Reads one /proc/self/maps line ("start-end perms offset maj:min inode   path") into the model's
/// <see cref="MapsLine"/>. The permission letters become the VM_READ/WRITE/EXEC/MAYSHARE bits they are
/// printed from; the oracle's device node (/dev/mmapvN) is reported under the scenario's device path.
/// </summary>
public static class MapsLineParser
{
    public static MapsLine Parse(string line, string devicePath)
    {
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5) throw new OracleException(OracleFailure.LogMalformed, $"maps line '{line}'");
        var range = fields[0].Split('-');
        var start = ulong.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var end = ulong.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var perms = fields[1];
        var flags = VmFlags.None;
        if (perms[0] == 'r') flags |= VmFlags.Read;
        if (perms[1] == 'w') flags |= VmFlags.Write;
        if (perms[2] == 'x') flags |= VmFlags.Exec;
        if (perms[3] == 's') flags |= VmFlags.MayShare;
        var offset = ulong.Parse(fields[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var inode = fields[4];
        var path = fields.Length > 5 ? fields[5].Trim() : "";
        var hasFile = inode != "0";
        if (path.StartsWith("/dev/mmapv", StringComparison.Ordinal)) path = devicePath;
        return new MapsLine(start, end, flags, offset >> PageGeometry.PageShift, hasFile, path);
    }
}
