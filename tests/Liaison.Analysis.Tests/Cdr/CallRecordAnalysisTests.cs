using Liaison.Analysis.Cdr;
using Liaison.Analysis.Graphs.Import;
using static Liaison.Analysis.Tests.Cdr.PlantedCalls;

namespace Liaison.Analysis.Tests.Cdr;

public class CallRecordAnalysisTests
{
    [Fact]
    public void The_handler_three_targets_all_call_is_their_only_common_contact()
    {
        var builder = Background();
        var targets = new[] { "T1", "T2", "T3" };
        for (var t = 0; t < targets.Length; t++)
        {
            for (var i = 0; i < 5 + t; i++)
            {
                builder.Add(targets[t], "HANDLER", Day0.AddHours(10 + i * 7 + t), TimeSpan.FromMinutes(2));
            }
            // Each target also calls a few background numbers of its own.
            builder.Add(targets[t], Bg(10 * t), Day0.AddDays(3), TimeSpan.FromMinutes(1));
            builder.Add(Bg(10 * t + 1), targets[t], Day0.AddDays(4), TimeSpan.FromMinutes(1));
        }
        var cdr = builder.Build();

        var common = Contacts.Common(cdr, targets);

        var handler = Assert.Single(common.Contacts);
        Assert.Equal("HANDLER", handler.Number);
        Assert.Equal([5, 6, 7], handler.CallsPerTarget);
        // With one target enough: the handler first, then each target's two own contacts.
        var any = Contacts.Common(cdr, targets, minTargets: 1).Contacts;
        Assert.Equal(1 + 3 * 2, any.Count);
        Assert.Equal("HANDLER", any[0].Number);
    }

    [Fact]
    public void Top_contacts_rank_by_calls_then_duration()
    {
        var builder = new CallRecordsBuilder();
        for (var i = 0; i < 4; i++)
        {
            builder.Add("A", "often", Day0.AddHours(i), TimeSpan.FromSeconds(30));
        }
        builder.Add("long", "A", Day0.AddHours(5), TimeSpan.FromHours(1));
        builder.Add("A", "short", Day0.AddHours(6), TimeSpan.FromSeconds(5));
        var top = Contacts.Top(builder.Build(), "A", 2);
        Assert.Equal(["often", "long"], top.Contacts.Select(c => c.Number).ToArray());
        Assert.Equal(4, top.Contacts[0].Calls);
        Assert.Equal(TimeSpan.FromMinutes(2), top.Contacts[0].TotalDuration);
        Assert.Equal(Day0.AddHours(3), top.Contacts[0].Last);
    }

    [Fact]
    public void A_chain_follows_calls_forward_in_time_within_the_gap()
    {
        var builder = Background(seed: 2);
        builder.Add("D", "C", Day0.AddDays(2), TimeSpan.FromMinutes(1));            // before the chain: must not be used backwards
        builder.Add("A", "B", Day0.AddDays(5), TimeSpan.FromMinutes(1));
        builder.Add("C", "B", Day0.AddDays(5).AddHours(1), TimeSpan.FromMinutes(1)); // B passes it to C (C called)
        builder.Add("C", "D", Day0.AddDays(5).AddHours(2), TimeSpan.FromMinutes(1));
        var cdr = builder.Build();

        var chain = ContactChain.Earliest(cdr, "A", "D", Day0, TimeSpan.FromHours(3));

        Assert.NotNull(chain);
        Assert.Equal(3, chain.Hops);
        Assert.Equal(Day0.AddDays(5).AddHours(2), chain.Arrival);
        Assert.Null(ContactChain.Earliest(cdr, "A", "D", Day0, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Two_numbers_at_the_same_cell_within_the_window_are_co_located()
    {
        var builder = Background(seed: 3);
        for (var day = 1; day <= 3; day++)
        {
            builder.Add("X", Bg(1), Day0.AddDays(day).AddHours(22), TimeSpan.FromMinutes(1), "cell-77");
            builder.Add("Y", Bg(2), Day0.AddDays(day).AddHours(22).AddMinutes(8), TimeSpan.FromMinutes(1), "cell-77");
        }
        builder.Add("Y", Bg(2), Day0.AddDays(9), TimeSpan.FromMinutes(1), "cell-77");           // same cell, other day
        builder.Add("X", Bg(3), Day0.AddDays(9).AddMinutes(1), TimeSpan.FromMinutes(1), "cell-12"); // same time, other cell
        var cdr = builder.Build();

        var events = CoLocation.Between(cdr, "X", "Y", TimeSpan.FromMinutes(10));

        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal("cell cell-77", e.Location));
        var nearX = CoLocation.With(cdr, "X", TimeSpan.FromMinutes(10));
        Assert.Equal("Y", nearX[0].Number);
        Assert.Equal(3, nearX[0].Events);
    }

    [Fact]
    public void Coordinates_without_a_cell_place_calls_in_squares_of_about_200_metres()
    {
        var builder = new CallRecordsBuilder();
        builder.Add("X", "Z", Day0, TimeSpan.FromMinutes(1), null, 51.50101, -0.14189);
        builder.Add("Y", "Z", Day0.AddMinutes(3), TimeSpan.FromMinutes(1), null, 51.50111, -0.14179);
        builder.Add("W", "Z", Day0.AddMinutes(3), TimeSpan.FromMinutes(1), null, 51.52, -0.10);
        var cdr = builder.Build();
        Assert.Single(CoLocation.Between(cdr, "X", "Y", TimeSpan.FromMinutes(5)));
        Assert.Empty(CoLocation.Between(cdr, "X", "W", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_sudden_hour_of_calls_is_a_burst_against_the_weekly_baseline()
    {
        var builder = new CallRecordsBuilder();
        var random = new Random(4);
        for (var hour = 0; hour < 240; hour++)
        {
            for (var c = 0; c < random.Next(0, 3); c++)
            {
                builder.Add("Z", Bg(random.Next(50)), Day0.AddHours(hour).AddMinutes(random.Next(60)), TimeSpan.FromMinutes(1));
            }
        }
        var burstHour = Day0.AddHours(200);
        for (var c = 0; c < 30; c++)
        {
            builder.Add("Z", Bg(c), burstHour.AddMinutes(c), TimeSpan.FromMinutes(1));
        }
        var bursts = ActivityBursts.Find(builder.Build(), "Z");
        var burst = Assert.Single(bursts);
        Assert.Equal(burstHour, burst.Start);
        Assert.True(burst.ZScore > 10);
        Assert.InRange(burst.BaselineMean, 0.5, 1.5);
    }

    [Fact]
    public void A_new_number_taking_over_a_silent_numbers_contacts_is_a_swap()
    {
        var builder = Background(seed: 5);
        var contacts = Enumerable.Range(100, 8).Select(Bg).ToArray();
        for (var day = 0; day < 15; day++)
        {
            foreach (var c in contacts)
            {
                builder.Add("OLD", c, Day0.AddDays(day).AddHours(9), TimeSpan.FromMinutes(3));
            }
        }
        for (var day = 16; day < 30; day++)
        {
            foreach (var c in contacts.Take(7))
            {
                builder.Add(c, "NEW", Day0.AddDays(day).AddHours(11), TimeSpan.FromMinutes(3));
            }
            builder.Add("NEW", Bg(5), Day0.AddDays(day).AddHours(12), TimeSpan.FromMinutes(1));
        }
        var swaps = NumberSwaps.Find(builder.Build());
        var swap = Assert.Single(swaps);
        Assert.Equal(("OLD", "NEW"), (swap.OldNumber, swap.NewNumber));
        Assert.Equal(7, swap.SharedContacts);
        Assert.Contains("shares 7 of 8 contacts", swap.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_handset_with_a_new_sim_is_a_swap_even_with_new_contacts()
    {
        var builder = new CallRecordsBuilder();
        for (var day = 0; day < 10; day++)
        {
            builder.Add("SIM1", "friend" + day, Day0.AddDays(day), TimeSpan.FromMinutes(1), imei: "356938035643809");
        }
        for (var day = 11; day < 30; day++)
        {
            builder.Add("SIM2", "stranger" + day, Day0.AddDays(day), TimeSpan.FromMinutes(1), imei: "356938035643809");
        }
        var swap = Assert.Single(NumberSwaps.Find(builder.Build()));
        Assert.Equal(("SIM1", "SIM2"), (swap.OldNumber, swap.NewNumber));
        Assert.Equal("356938035643809", swap.SharedHandset);
    }

    [Fact]
    public void A_timeline_lists_calls_in_order_with_direction_and_place()
    {
        var builder = new CallRecordsBuilder();
        builder.Add("B", "A", Day0.AddHours(2), TimeSpan.FromMinutes(1), "cell-9");
        builder.Add("A", "C", Day0.AddHours(1), TimeSpan.FromMinutes(4), "cell-1");
        builder.Add("A", "B", Day0.AddHours(3), TimeSpan.FromMinutes(2));
        var timeline = Timeline.Of(builder.Build(), "A", to: Day0.AddHours(2));
        Assert.Equal(2, timeline.Entries.Count);
        Assert.Equal(new TimelineEntry(Day0.AddHours(1), CallDirection.Outgoing, "C", TimeSpan.FromMinutes(4), "cell cell-1"), timeline.Entries[0]);
        Assert.Equal(new TimelineEntry(Day0.AddHours(2), CallDirection.Incoming, "B", TimeSpan.FromMinutes(1), null), timeline.Entries[1]);
    }

    [Fact]
    public void Call_records_csv_is_read_by_column_name()
    {
        const string csv = "A_Number,B_Number,Timestamp,Duration,Cell_ID,IMEI\n+447911123456,+447911654321,2024-03-01T10:00:00Z,0:01:30,C1,356938035643809\n+447911654321,+447911123456,2024-03-01 11:00:00,45,,\n";
        var cdr = CallRecordsReader.Read(new StringReader(csv), "cdr.csv");
        Assert.Equal(2, cdr.Count);
        Assert.Equal(new CallRecord("+447911123456", "+447911654321", new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(90), "cell C1", null, null, "356938035643809"), cdr[0]);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 11, 0, 0, TimeSpan.Zero), cdr[1].Start);
    }

    [Theory]
    [InlineData("caller,callee,start\n", 1, "no 'duration' column (the header names caller, callee, start, duration[, cell, lat, lon, imei])")]
    [InlineData("caller,callee,start,duration\na,b,yesterday,10\n", 2, "the start is not an ISO 8601 date and time")]
    [InlineData("caller,callee,start,duration\na,b,2024-03-01T10:00:00Z,long\n", 2, "the duration is not a number of seconds or h:mm:ss")]
    [InlineData("caller,callee,start,duration,lat,lon\na,b,2024-03-01T10:00:00Z,5,95,0\n", 2, "the coordinates are not a latitude and longitude in degrees")]
    [InlineData("caller,callee,start,duration\n,b,2024-03-01T10:00:00Z,5\n", 2, "the caller or callee number is empty")]
    public void Bad_call_record_files_name_the_line_and_the_reason(string csv, int line, string reason)
    {
        var e = Assert.Throws<NetworkFileException>(() => CallRecordsReader.Read(new StringReader(csv), "cdr.csv"));
        Assert.Equal((line, reason), (e.Line, e.Reason));
    }

    [Fact]
    public void The_contact_network_weights_pairs_by_their_number_of_calls()
    {
        var builder = new CallRecordsBuilder();
        builder.Add("A", "B", Day0, TimeSpan.Zero);
        builder.Add("B", "A", Day0.AddHours(1), TimeSpan.Zero);
        builder.Add("A", "C", Day0, TimeSpan.Zero);
        var graph = Contacts.Network(builder.Build());
        Assert.Equal(2, graph.EdgeWeight(graph.FindEdge(graph.IndexOf("A"), graph.IndexOf("B"))));
        Assert.Equal("Phone", graph.NodeType(graph.IndexOf("C")));
    }
}
