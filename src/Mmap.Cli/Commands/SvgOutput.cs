using Mmap.Pictures;
using Mmap.Scenarios.Running;

namespace Mmap.Cli.Commands;

/// <summary><c>run --svg FILE</c>: writes the picture of one run; a path that cannot be written is bad input.</summary>
public static class SvgOutput
{
    public static bool TryWrite(string path, RunResult result, TextWriter errors)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.WriteLine("--svg: the file name is empty");
            return false;
        }

        if (Directory.Exists(path))
        {
            errors.WriteLine($"--svg: {path} is a directory");
            return false;
        }

        try
        {
            File.WriteAllText(path, AddressSpacePicture.Render(result));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            errors.WriteLine($"--svg: cannot write {path}: {e.Message}");
            return false;
        }
    }
}
