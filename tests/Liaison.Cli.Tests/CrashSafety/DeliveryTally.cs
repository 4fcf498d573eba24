using Microsoft.Data.Sqlite;

namespace Liaison.Cli.Tests.CrashSafety;

/// <summary>
/// The count after a drill, read from both nodes' databases. Each message text carries a tag
/// (<c>{run}#{n}</c>) the client chose before posting, so a message is followed from the client's
/// answer to the sender's committed case message, its outbox row and receipt, and the receiver's
/// inbox row and received case message — and a duplicate shows as a tag counted twice, whatever
/// message ids it travelled under.
/// </summary>
public sealed record DeliveryTally
{
    /// <summary>A node's id and SQLite file.</summary>
    public sealed record NodeDatabase(string NodeId, string Path);

    /// <summary>POSTs the client made.</summary>
    public required int Sent { get; init; }

    /// <summary>POSTs answered 2xx.</summary>
    public required int Accepted { get; init; }

    /// <summary>POSTs cut by a sender kill (no answer or 5xx).</summary>
    public required int Cut { get; init; }

    /// <summary>Tags committed at the sender (its own case messages).</summary>
    public required int Committed { get; init; }

    /// <summary>Cut POSTs whose message had committed before the kill (so must arrive all the same).</summary>
    public required int CutButCommitted { get; init; }

    /// <summary>Sender outbox rows of type case.message (whole database).</summary>
    public required int OutboxRows { get; init; }

    /// <summary>Outbox rows delivered with the receiver's signed receipt kept.</summary>
    public required int DeliveredWithReceipt { get; init; }

    /// <summary>Outbox rows still pending or dead-lettered.</summary>
    public required int Undelivered { get; init; }

    /// <summary>The most attempts any outbox row took.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>Receiver inbox rows from the sender (whole database).</summary>
    public required int InboxRows { get; init; }

    /// <summary>Received case messages carrying this run's tags.</summary>
    public required int Received { get; init; }

    /// <summary>Distinct tags among them.</summary>
    public required int Distinct { get; init; }

    /// <summary>Received − Distinct.</summary>
    public int Duplicates => Received - Distinct;

    /// <summary>Tags committed at the sender (including every accepted one) that never arrived.</summary>
    public required int Lost { get; init; }

    /// <summary>
    /// Committed messages with no <c>case.message</c> entry (the one naming the message and thread id)
    /// in the sender's journal: that entry is written after the commit, so a kill between the two
    /// leaves it out. The share decision itself is journalled before the commit (checked: see
    /// <see cref="SharePermits"/>). Reported, not a delivery violation.
    /// </summary>
    public required int WithoutMessageEntry { get; init; }

    /// <summary>Journalled share permits for a message to the receiver (whole database): at least one per message the sender committed.</summary>
    public required int SharePermits { get; init; }

    /// <summary>
    /// Deliveries the receiver answered as duplicates (from its journal's <c>receipt</c> entries,
    /// whole database): retries of messages whose effect had committed before a kill cut the receipt
    /// — the case exactly-once exists for.
    /// </summary>
    public required int DuplicatesEliminated { get; init; }

    /// <summary>
    /// Inbox rows with no <c>receipt</c> entry naming them accepted: the receiver journals an envelope
    /// after its messages commit, so a kill in between leaves that entry out. Reported, not a delivery violation.
    /// </summary>
    public required int WithoutReceiptEntry { get; init; }

    /// <summary>Everything that breaks exactly-once, in words; empty when the drill passed.</summary>
    public required IReadOnlyList<string> Violations { get; init; }

    public override string ToString() =>
        $"sent {Sent}, accepted {Accepted}, cut {Cut} (of which committed {CutButCommitted}), committed {Committed}, "
        + $"outbox {OutboxRows} (delivered with receipt {DeliveredWithReceipt}, undelivered {Undelivered}, max attempts {MaxAttempts}), "
        + $"inbox {InboxRows}, received {Received}, distinct {Distinct}, duplicates {Duplicates}, lost {Lost}, without their case.message journal entry {WithoutMessageEntry} (share permits journalled {SharePermits}); "
        + $"duplicates eliminated by the receiver {DuplicatesEliminated}, inbox rows without their receipt entry {WithoutReceiptEntry}";

    /// <summary>Counts the run tagged <paramref name="run"/> between the two nodes.</summary>
    public static Task<DeliveryTally> CountAsync(NodePair pair, string run, IReadOnlyCollection<int> accepted, IReadOnlyCollection<int> cut, int sent)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return CountAsync(new(pair.Sender.NodeId, pair.Sender.DatabasePath), new(pair.Receiver.NodeId, pair.Receiver.DatabasePath), run, accepted, cut, sent);
    }

    /// <summary>Counts the run tagged <paramref name="run"/> from the two databases.</summary>
    public static async Task<DeliveryTally> CountAsync(NodeDatabase from, NodeDatabase to, string run, IReadOnlyCollection<int> accepted,
        IReadOnlyCollection<int> cut, int sent)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(cut);
        var sender = from.NodeId;
        var own = await MessagesAsync(from.Path, sender, run);
        var committed = own.Select(m => m.Tag).ToList();
        var received = (await MessagesAsync(to.Path, sender, run)).Select(m => m.Tag).ToList();
        var journalled = (await RowsAsync(from.Path, "SELECT Detail FROM audit WHERE Action = 'case.message' AND Detail LIKE 'message %'",
                r => r.GetString(0).Split(' ')[1])).ToHashSet(StringComparer.Ordinal);
        var outbox = await RowsAsync(from.Path,
            // A receipt is kept once per envelope in exchange_receipts (rows delivered before that table hold their own).
            "SELECT o.id, o.state, coalesce(length(r.receipt), length(o.receipt), 0) > 0, o.attempts FROM exchange_outbox o "
            + "LEFT JOIN exchange_receipts r ON r.id = o.receipt_id WHERE o.type = 'case.message'",
            r => (Id: r.GetString(0), State: r.GetString(1), Receipt: r.GetBoolean(2), Attempts: r.GetInt32(3)));
        var inbox = await RowsAsync(to.Path,
            $"SELECT message_id FROM exchange_inbox WHERE sender = '{sender}' AND type = 'case.message'", r => r.GetString(0));
        var receivedIds = await RowsAsync(to.Path, $"SELECT message_id FROM case_messages WHERE author = '{sender}'", r => r.GetString(0));

        var permits = (await RowsAsync(from.Path,
            $"SELECT count(*) FROM audit WHERE Action = 'share' AND Decision = 'permit' AND Detail LIKE 'message to {to.NodeId} %'", r => r.GetInt32(0)))[0];
        var allOwn = (await RowsAsync(from.Path, $"SELECT count(*) FROM case_messages WHERE author = '{sender}'", r => r.GetInt32(0)))[0];
        var receipts = (await RowsAsync(to.Path, "SELECT Detail FROM audit WHERE Action = 'exchange.receive'", r => r.GetString(0)))
            .SelectMany(d => d.Split(' ').Where(f => f.StartsWith("messages=", StringComparison.Ordinal)))
            .SelectMany(f => f["messages=".Length..].Split(','))
            .Select(m => m.Split(':'))
            .Where(m => m.Length >= 2)
            .Select(m => (Id: m[0], Status: m[1].Split('/')[0]))
            .ToList();
        var acceptedIds = receipts.Where(r => r.Status == "Accepted").Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var committedSet = committed.ToHashSet();
        var receivedCounts = received.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var violations = new List<string>();
        var lost = committedSet.Where(t => !receivedCounts.ContainsKey(t)).Order().ToList();
        if (lost.Count > 0)
        {
            violations.Add($"lost (committed at the sender, never received): {string.Join(", ", lost.Take(20).Select(n => "#" + n))}");
        }
        var duplicated = receivedCounts.Where(kv => kv.Value > 1).Select(kv => $"#{kv.Key}×{kv.Value}").ToList();
        if (duplicated.Count > 0)
        {
            violations.Add($"received more than once: {string.Join(", ", duplicated.Take(20))}");
        }
        if (permits < allOwn)
        {
            violations.Add($"{allOwn} messages committed at the sender but only {permits} share permits journalled");
        }
        var notCommitted = accepted.Where(n => !committedSet.Contains(n)).ToList();
        if (notCommitted.Count > 0)
        {
            violations.Add($"answered 2xx but not committed at the sender: {string.Join(", ", notCommitted.Take(20).Select(n => "#" + n))}");
        }
        var doubleCommitted = committed.Count - committedSet.Count;
        if (doubleCommitted > 0)
        {
            violations.Add($"{doubleCommitted} tag(s) committed more than once at the sender");
        }
        var fromNowhere = receivedCounts.Keys.Where(t => !committedSet.Contains(t)).ToList();
        if (fromNowhere.Count > 0)
        {
            violations.Add($"received but never committed at the sender: {string.Join(", ", fromNowhere.Take(20).Select(n => "#" + n))}");
        }
        var undelivered = outbox.Where(o => o.State != "delivered" || !o.Receipt).ToList();
        if (undelivered.Count > 0)
        {
            violations.Add($"{undelivered.Count} outbox row(s) not delivered with a receipt: {string.Join(", ", undelivered.Take(5).Select(o => $"{o.Id} {o.State}"))}");
        }
        var outboxIds = outbox.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        if (!outboxIds.SetEquals(inbox))
        {
            violations.Add($"sender outbox ids and receiver inbox ids differ: {outboxIds.Except(inbox).Count()} sent not in the inbox, "
                + $"{inbox.Except(outboxIds).Count()} in the inbox never sent");
        }
        if (!receivedIds.ToHashSet(StringComparer.Ordinal).SetEquals(inbox))
        {
            violations.Add($"receiver inbox rows ({inbox.Count}) and received case messages ({receivedIds.Count}) are not the same messages");
        }
        return new DeliveryTally
        {
            Sent = sent,
            Accepted = accepted.Count,
            Cut = cut.Count,
            Committed = committedSet.Count,
            CutButCommitted = cut.Count(committedSet.Contains),
            OutboxRows = outbox.Count,
            DeliveredWithReceipt = outbox.Count - undelivered.Count,
            Undelivered = undelivered.Count,
            MaxAttempts = outbox.Count == 0 ? 0 : outbox.Max(o => o.Attempts),
            InboxRows = inbox.Count,
            Received = received.Count,
            Distinct = receivedCounts.Count,
            Lost = lost.Count,
            WithoutMessageEntry = own.Count(m => !journalled.Contains(m.Id)),
            SharePermits = permits,
            DuplicatesEliminated = receipts.Count(r => r.Status == "Duplicate"),
            WithoutReceiptEntry = inbox.Count(id => !acceptedIds.Contains(id)),
            Violations = violations,
        };
    }

    /// <summary>The text a message of run <paramref name="run"/> number <paramref name="n"/> carries.</summary>
    public static string Text(string run, int n) => $"crash drill {run}#{n}";

    /// <summary>The ids and tag numbers of <paramref name="author"/>'s case messages of this run in a database.</summary>
    private static async Task<List<(string Id, int Tag)>> MessagesAsync(string database, string author, string run)
    {
        var prefix = Text(run, 0)[..^1];
        var rows = await RowsAsync(database, $"SELECT message_id, text FROM case_messages WHERE author = '{author}'", r => (Id: r.GetString(0), Text: r.GetString(1)));
        return rows.Where(r => r.Text.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => (r.Id, int.Parse(r.Text.AsSpan(prefix.Length), System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>Counts this sender's messages in the receiver's inbox (the drill's progress while it runs).</summary>
    public static async Task<int> InboxCountAsync(NodePair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return (await RowsAsync(pair.Receiver.DatabasePath, $"SELECT count(*) FROM exchange_inbox WHERE sender = '{pair.Sender.NodeId}'", r => r.GetInt32(0)))[0];
    }

    /// <summary>Outbox rows still pending at the sender.</summary>
    public static async Task<int> PendingAsync(NodePair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return (await RowsAsync(pair.Sender.DatabasePath, "SELECT count(*) FROM exchange_outbox WHERE state = 'pending'", r => r.GetInt32(0)))[0];
    }

    /// <summary>
    /// Reads a node's SQLite file beside its running (or killed) server: no pooling, so no handle is
    /// kept between reads; WAL lets the read run while the server writes.
    /// </summary>
    private static async Task<List<T>> RowsAsync<T>(string database, string sql, Func<SqliteDataReader, T> read)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, DefaultTimeout = 30 }.ToString();
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000;";
        await command.ExecuteNonQueryAsync();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
