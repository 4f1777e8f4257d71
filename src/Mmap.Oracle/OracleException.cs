namespace Mmap.Oracle;

/// <summary>A typed oracle error. <see cref="Exception.Message"/> is always a single line.</summary>
public sealed class OracleException : Exception
{
    public OracleException(OracleFailure failure, string message)
        : base(OneLine(message)) => Failure = failure;

    public OracleException(OracleFailure failure, string message, Exception inner)
        : base(OneLine(message), inner) => Failure = failure;

    public OracleFailure Failure { get; }

    private static string OneLine(string text)
    {
        var flat = string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= 400 ? flat : flat[..397] + "...";
    }
}
