using System.Net;
using System.Net.Sockets;

namespace Liaison.Cli.Tests.CrashSafety;

/// <summary>
/// Two nodes made with the real CLI as an operator would: <c>liaison init</c>, <c>keys init</c>,
/// <c>peer export</c> / <c>peer add --yes</c> both ways, a supervisor with need-to-know of the
/// case and an API token at the sender. Each is served by its own <c>liaison serve</c> process.
/// </summary>
public sealed class NodePair : IAsyncDisposable
{
    public const string Case = "GB-OP-CRASH";
    public const string Purpose = "criminal-investigation";
    private const string Passphrase = "crash drill key passphrase";
    private const string Password = "crash drill supervisor password";

    private readonly string _root;

    private NodePair(string root, LiaisonBinary liaison, ServedNode sender, ServedNode receiver, string token)
    {
        _root = root;
        Cli = liaison;
        Sender = sender;
        Receiver = receiver;
        SupervisorToken = token;
    }

    /// <summary>The CLI both nodes were made with.</summary>
    public LiaisonBinary Cli { get; }

    /// <summary>GB's node, whose supervisor writes to the receiver.</summary>
    public ServedNode Sender { get; }

    /// <summary>NL's node, which receives.</summary>
    public ServedNode Receiver { get; }

    /// <summary>The API token of GB's supervisor.</summary>
    public string SupervisorToken { get; }

    /// <summary>
    /// The environment of every process: the key passphrase, and delivery retries tuned for a drill
    /// (configuration, not code): short backoff so a restarted peer is tried again within a second or
    /// two, a 5 s lease so messages claimed by a killed sender are due again soon, and enough
    /// attempts that twenty outages cannot dead-letter a message.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["LIAISON_KEY_PASSPHRASE"] = Passphrase,
        ["LIAISON_PASSWORD"] = Password,
        ["Exchange__Delivery__BaseDelay"] = "00:00:00.100",
        ["Exchange__Delivery__MaxDelay"] = "00:00:01",
        ["Exchange__Delivery__PollInterval"] = "00:00:00.050",
        ["Exchange__Delivery__Lease"] = "00:00:05",
        ["Exchange__Delivery__MaxAttempts"] = "1000",
    };

    public static async Task<NodePair> CreateAsync(string? root = null)
    {
        root ??= Path.Combine(Path.GetTempPath(), "liaison-crash-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(root);
        var liaison = new LiaisonBinary(LiaisonBinary.Locate(), Environment);
        var gb = new ServedNode(liaison, "gb-nca", Path.Combine(root, "gb"), FreePort());
        var nl = new ServedNode(liaison, "nl-politie", Path.Combine(root, "nl"), FreePort());
        var made = await Task.WhenAll(InitAsync(liaison, gb, "National Crime Agency", "GB"), InitAsync(liaison, nl, "Politie", "NL"));
        await File.WriteAllTextAsync(Path.Combine(root, "gb.json"), made[0]);
        await File.WriteAllTextAsync(Path.Combine(root, "nl.json"), made[1]);
        await Task.WhenAll(
            liaison.RunAsync("peer", "add", "--dir", gb.Directory, Path.Combine(root, "nl.json"), "--yes"),
            liaison.RunAsync("peer", "add", "--dir", nl.Directory, Path.Combine(root, "gb.json"), "--yes"));
        var added = await liaison.RunAsync("user", "add", "--dir", gb.Directory, "--name", "sup", "--roles", "supervisor", "--case", Case, "--token");
        var token = added.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        return new NodePair(root, liaison, gb, nl, token);
    }

    /// <summary>init, keys init and peer export of one node; returns its signed descriptor.</summary>
    private static async Task<string> InitAsync(LiaisonBinary liaison, ServedNode node, string agency, string jurisdiction)
    {
        await liaison.RunAsync("init", "--dir", node.Directory, "--name", agency, "--jurisdiction", jurisdiction, "--node-id", node.NodeId,
            "--port", node.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await liaison.RunAsync("keys", "init", "--dir", node.Directory, "--node-id", node.NodeId, "--agency", agency, "--jurisdiction", jurisdiction,
            "--endpoint", node.Endpoint.AbsoluteUri);
        return await liaison.RunAsync("peer", "export", "--dir", node.Directory);
    }

    public Task StartAsync(TimeSpan timeout) => Task.WhenAll(Sender.StartAsync(timeout), Receiver.StartAsync(timeout));

    /// <summary>
    /// A free port below Linux's ephemeral range (32768–60999). A port from that range is free only
    /// until some process's outgoing connection takes it as its local port — which, while a killed
    /// node is down for its restart, happens on a busy machine and makes the restart fail to bind.
    /// </summary>
    private static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_768);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 100)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Sender.DisposeAsync();
        await Receiver.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
