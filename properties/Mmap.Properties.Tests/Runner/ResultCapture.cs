using System.Text;
using FsCheck;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace Mmap.Properties.Tests.Runner;

/// <summary>An FsCheck runner that keeps the final <see cref="TestResult"/> (and, when verbose, every case) instead of printing.</summary>
public sealed class ResultCapture(bool verbose) : IRunner
{
    private readonly StringBuilder _log = new();

    public TestResult? Result { get; private set; }

    public string Log => _log.ToString();

    public void OnStartFixture(Type t)
    {
    }

    public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every)
    {
        if (verbose) _log.Append(ntest).Append(": ").AppendLine(string.Join(", ", args.Select(CounterexampleText.Inline)));
    }

    public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink)
    {
        if (verbose) _log.Append("shrink: ").AppendLine(string.Join(", ", args.Select(CounterexampleText.Inline)));
    }

    public void OnFinished(string name, TestResult testResult) => Result = testResult;
}
