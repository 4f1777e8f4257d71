using Mmap.Scenarios.Syntax;

namespace Mmap.Cli;

/// <summary>Files and folders a command writes (--svg, --out, --corpus): a path that cannot be written is bad input, one line.</summary>
public static class OutputFiles
{
    public static bool TryWrite(string option, string path, Func<string> content, TextWriter errors)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.WriteLine($"{option}: the file name is empty");
            return false;
        }

        var info = InputFiles.Stat(path);
        if (info.Kind is PathKind.Directory or PathKind.Fifo or PathKind.Socket or PathKind.BlockDevice or PathKind.LinkLoop)
        {
            errors.WriteLine($"{option}: {Echo.Escape(path, 300)} is {info.Describe()}; give a file name");
            return false;
        }

        try
        {
            File.WriteAllText(path, content());
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            errors.WriteLine($"{option}: cannot write {Echo.Escape(path, 300)}: {Echo.Escape(e.Message, 200)}");
            return false;
        }
    }

    /// <summary>A folder to write into: created if missing; anything else at that path is bad input.</summary>
    public static bool TryPrepareFolder(string option, string path, TextWriter errors)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.WriteLine($"{option}: the folder name is empty");
            return false;
        }

        var info = InputFiles.Stat(path);
        if (info.Kind == PathKind.Directory) return true;
        if (info.Kind != PathKind.Missing)
        {
            errors.WriteLine($"{option}: {Echo.Escape(path, 300)} is {info.Describe()}; give a folder");
            return false;
        }

        try
        {
            Directory.CreateDirectory(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            errors.WriteLine($"{option}: cannot create the folder {Echo.Escape(path, 300)}: {Echo.Escape(e.Message, 200)}");
            return false;
        }
    }
}
