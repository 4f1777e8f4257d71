using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Mmap.Properties.Tests.Runner;

/// <summary>
/// Runs one [Property] method through xunit and FsCheck.Xunit in-process, exactly as `dotnet test` would, with the
/// given variables standing in for the environment; returns what the test reported. For properties that must
/// fail (refuted conjectures, the runner's own replay tests), kept in non-public classes so that xunit does not
/// discover them as tests.
/// </summary>
public static class PropertyHarness
{
    public sealed record Outcome(bool Passed, string Message, string Output);

    public static Outcome Run(Type type, string methodName, IReadOnlyDictionary<string, string>? environment = null)
    {
        var method = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
            ?? throw new ArgumentException($"{type.FullName} has no method {methodName}");
        var assembly = new TestAssembly(Reflector.Wrap(type.Assembly));
        var testClass = new TestClass(new TestCollection(assembly, null, "property harness"), Reflector.Wrap(type));
        var testMethod = new TestMethod(testClass, Reflector.Wrap(method));
        var bus = new CapturingBus();
        var sink = new NullSink();
        PropertyEnvironment.With(environment ?? new Dictionary<string, string>(), () =>
        {
            var testCase = new PropertyTestCase(sink, TestMethodDisplay.ClassAndMethod, TestMethodDisplayOptions.None, testMethod);
            return testCase.RunAsync(sink, bus, [], new ExceptionAggregator(), new CancellationTokenSource()).GetAwaiter().GetResult();
        });
        return bus.Result ?? throw new InvalidOperationException($"{type.FullName}.{methodName} reported no result");
    }

    private sealed class CapturingBus : IMessageBus
    {
        public Outcome? Result { get; private set; }

        public bool QueueMessage(IMessageSinkMessage message)
        {
            if (message is ITestFailed failed) Result = new Outcome(false, failed.Messages[0], failed.Output);
            else if (message is ITestPassed passed) Result = new Outcome(true, "", passed.Output);
            return true;
        }

        public void Dispose()
        {
        }
    }

    private sealed class NullSink : Xunit.LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message) => true;
    }
}
