namespace Mmap.Properties.Tests.Runner;

/// <summary>A falsified property: the message holds the counterexample scenario and how to replay it.</summary>
public sealed class PropertyFailedException(string message) : Exception(message)
{
    public override string? StackTrace => null;
}
