namespace Liaison.Cli.Tests.NetworkX;

/// <summary>
/// A theory that compares with NetworkX. Under the test command (LIAISON_TEST_NETWORKX=1) it always
/// runs, so a missing python3-networkx fails loudly; elsewhere it is skipped, with the reason shown,
/// only when Debian's Python has no NetworkX.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NetworkXTheoryAttribute : TheoryAttribute
{
    public NetworkXTheoryAttribute()
    {
        if (!PythonNetworkX.Required && !PythonNetworkX.Available)
        {
            Skip = $"{PythonNetworkX.Python} with NetworkX is not installed (apt-get install python3-networkx python3-scipy); "
                + "./test.sh installs it and sets LIAISON_TEST_NETWORKX=1, which makes this comparison mandatory";
        }
    }
}
