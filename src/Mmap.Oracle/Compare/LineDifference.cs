namespace Mmap.Oracle.Compare;

/// <summary>One line only the model has (<c>-</c>) or only the kernel has (<c>+</c>), at its position in that trace.</summary>
public sealed record LineDifference(char Side, int LineNumber, string Text)
{
    public override string ToString() => $"{Side} {Text}";
}
