using Xunit.Abstractions;
using Xunit.Sdk;

namespace Mmap.Properties.Tests.Runner;

/// <summary>Turns each [Property] method into one <see cref="PropertyTestCase"/> (FsCheck.Xunit's, with the reporting added).</summary>
public sealed class PropertyDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo attribute)
    {
        yield return new PropertyTestCase(diagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod);
    }
}
