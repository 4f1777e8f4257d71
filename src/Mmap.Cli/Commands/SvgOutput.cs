using Mmap.Pictures;
using Mmap.Scenarios.Running;

namespace Mmap.Cli.Commands;

/// <summary><c>run --svg FILE</c>: writes the picture of one run; a path that cannot be written is bad input.</summary>
public static class SvgOutput
{
    public static bool TryWrite(string path, RunResult result, TextWriter errors) =>
        OutputFiles.TryWrite("--svg", path, () => AddressSpacePicture.Render(result), errors);
}
