using Microsoft.Data.Sqlite;

namespace Liaison.Cli.Tests.CrashSafety;

/// <summary>
/// The crash drill's count must be able to fail: on two hand-made databases holding exactly the
/// faults a crash could cause, it names each one.
/// </summary>
public sealed class DeliveryTallyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "liaison-tally-" + Guid.NewGuid().ToString("N")[..12]);

    public DeliveryTallyTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_message_received_twice_and_one_never_received_are_both_named()
    {
        var (gb, nl) = Databases(
            sender: """
                INSERT INTO case_messages VALUES ('m0', 'gb', 'crash drill t#0'), ('m1', 'gb', 'crash drill t#1'), ('m2', 'gb', 'crash drill t#2');
                INSERT INTO exchange_outbox VALUES ('o0', 'case.message', 'delivered', x'01', 1), ('o1', 'case.message', 'delivered', x'01', 1),
                  ('o2', 'case.message', 'pending', NULL, 7);
                """,
            receiver: """
                INSERT INTO exchange_inbox VALUES ('gb', 'o0', 'case.message'), ('gb', 'o1', 'case.message');
                INSERT INTO case_messages VALUES ('o0', 'gb', 'crash drill t#0'), ('o1', 'gb', 'crash drill t#0');
                """);

        var tally = await DeliveryTally.CountAsync(gb, nl, "t", [0, 1, 2], [], 3);

        Assert.Equal(2, tally.Received);
        Assert.Equal(1, tally.Distinct);
        Assert.Equal(1, tally.Duplicates);
        Assert.Equal(2, tally.Lost);
        Assert.Equal(1, tally.Undelivered);
        Assert.Contains(tally.Violations, v => v.StartsWith("lost", StringComparison.Ordinal) && v.Contains("#1, #2", StringComparison.Ordinal));
        Assert.Contains(tally.Violations, v => v.Contains("received more than once: #0×2", StringComparison.Ordinal));
        Assert.Contains(tally.Violations, v => v.Contains("not delivered with a receipt: o2 pending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_2xx_for_a_message_the_sender_never_committed_is_named()
    {
        var (gb, nl) = Databases(
            sender: """
                INSERT INTO case_messages VALUES ('m0', 'gb', 'crash drill t#0'); INSERT INTO exchange_outbox VALUES ('o0', 'case.message', 'delivered', x'01', 1);
                INSERT INTO audit VALUES ('share', 'permit', 'message to nl {}');
                """,
            receiver: "INSERT INTO exchange_inbox VALUES ('gb', 'o0', 'case.message'); INSERT INTO case_messages VALUES ('o0', 'gb', 'crash drill t#0');");

        var tally = await DeliveryTally.CountAsync(gb, nl, "t", [0, 1], [], 2);

        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.Duplicates);
        Assert.Equal(["answered 2xx but not committed at the sender: #1"], tally.Violations);
    }

    [Fact]
    public async Task Messages_each_committed_delivered_and_received_once_pass()
    {
        var (gb, nl) = Databases(
            sender: """
                INSERT INTO case_messages VALUES ('m0', 'gb', 'crash drill t#0'), ('m1', 'gb', 'crash drill t#1');
                INSERT INTO exchange_outbox VALUES ('o0', 'case.message', 'delivered', x'01', 1), ('o1', 'case.message', 'delivered', x'01', 3);
                INSERT INTO audit VALUES ('share', 'permit', 'message to nl {}'), ('share', 'permit', 'message to nl {}');
                """,
            receiver: """
                INSERT INTO exchange_inbox VALUES ('gb', 'o0', 'case.message'), ('gb', 'o1', 'case.message');
                INSERT INTO case_messages VALUES ('o0', 'gb', 'crash drill t#0'), ('o1', 'gb', 'crash drill t#1');
                INSERT INTO audit VALUES ('exchange.receive', 'received', 'accepted=2 messages=o0:Accepted,o1:Accepted'),
                  ('exchange.receive', 'received', 'duplicate=1 messages=o1:Duplicate');
                """);

        // #1's POST was cut by a kill after its commit: it must arrive all the same.
        var tally = await DeliveryTally.CountAsync(gb, nl, "t", [0], [1], 2);

        Assert.Empty(tally.Violations);
        Assert.Equal(1, tally.CutButCommitted);
        Assert.Equal(1, tally.DuplicatesEliminated);
        Assert.Equal(0, tally.WithoutReceiptEntry);
        Assert.Equal(3, tally.MaxAttempts);
    }

    /// <summary>Two SQLite files with the columns the tally reads, and the rows given.</summary>
    private (DeliveryTally.NodeDatabase Sender, DeliveryTally.NodeDatabase Receiver) Databases(string sender, string receiver)
    {
        const string Schema = """
            CREATE TABLE case_messages (message_id TEXT PRIMARY KEY, author TEXT, text TEXT);
            CREATE TABLE exchange_outbox (id TEXT PRIMARY KEY, type TEXT, state TEXT, receipt BLOB, attempts INTEGER);
            CREATE TABLE exchange_inbox (sender TEXT, message_id TEXT, type TEXT, PRIMARY KEY (sender, message_id));
            CREATE TABLE audit (Action TEXT, Decision TEXT, Detail TEXT);
            """;
        var gb = new DeliveryTally.NodeDatabase("gb", Path.Combine(_dir, "gb.db"));
        var nl = new DeliveryTally.NodeDatabase("nl", Path.Combine(_dir, "nl.db"));
        foreach (var (db, rows) in new[] { (gb, sender), (nl, receiver) })
        {
            using var connection = new SqliteConnection($"Data Source={db.Path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            // The rows are written as before receipts had their own table; the node's current columns come after.
            command.CommandText = Schema + rows + """
                ALTER TABLE exchange_outbox ADD COLUMN receipt_id TEXT;
                CREATE TABLE exchange_receipts (id TEXT PRIMARY KEY, receipt BLOB);
                """;
            command.ExecuteNonQuery();
        }
        return (gb, nl);
    }
}
