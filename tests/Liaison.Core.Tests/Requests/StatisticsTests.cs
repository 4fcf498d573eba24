using Liaison.Core.Requests;
using Liaison.Core.Requests.Statistics;

namespace Liaison.Core.Tests.Requests;

public class StatisticsTests
{
    private readonly RequestFixtures _f = new();

    /// <summary>Five CLOUD Act requests fulfilled after 10, 20, 30, 40 and 100 hours, one refused, one withdrawn draft, one MLAT sent.</summary>
    private List<DataAccessRequest> Requests()
    {
        var w = _f.Workflow;
        var list = new List<DataAccessRequest>();
        foreach (var (hours, i) in new[] { 10, 20, 30, 40, 100 }.Select((h, i) => (h, i)))
        {
            var sent = _f.Sent(RequestFixtures.CloudAct($"req-f{i}"));
            _f.Clock.Advance(TimeSpan.FromHours(hours));
            list.Add(w.Fulfil(sent, RequestFixtures.ProviderCompliance).Request);
        }
        list.Add(w.Refuse(_f.Sent(RequestFixtures.CloudAct("req-r")), RequestFixtures.ProviderCompliance, RefusalReason.ProtectedPerson, "holder is a US national, see account 5551234").Request);
        list.Add(w.Withdraw(w.Open(RequestFixtures.CloudAct("req-w"), RequestFixtures.Investigator).Request, RequestFixtures.Investigator, "opened by mistake").Request);
        var mla = w.Open(RequestFixtures.Mlat(), RequestFixtures.Investigator).Request;
        list.Add(w.Send(w.Approve(mla, RequestFixtures.Supervisor).Request, RequestFixtures.LiaisonOfficer).Request);
        return list;
    }

    [Fact]
    public void Counts_by_type_instrument_outcome_and_jurisdiction()
    {
        var s = TransparencyReport.Compile(Requests());
        Assert.Equal(8, s.Row("total", "all").Requests);
        Assert.Equal(7, s.Row("instrument", "CloudActUsUk").Requests);
        Assert.Equal(1, s.Row("instrument", "MutualLegalAssistanceTreaty").Requests);
        Assert.Equal(0, s.Row("instrument", "EEvidenceProductionOrder").Requests);
        Assert.Equal(7, s.Row("type", "TrafficData").Requests);
        Assert.Equal(5, s.Row("outcome", "Fulfilled").Requests);
        Assert.Equal(1, s.Row("outcome", "Refused").Requests);
        Assert.Equal(1, s.Row("outcome", "Withdrawn").Requests);
        Assert.Equal(1, s.Row("outcome", "Sent").Requests);
        Assert.Equal(1, s.Row("refusal_reason", "ProtectedPerson").Requests);
        Assert.Equal(8, s.Row("requester_jurisdiction", "GB").Requests);
        Assert.Equal(7, s.Row("addressee_jurisdiction", "US").Requests);
        Assert.Equal(1, s.Row("addressee_jurisdiction", "ES").Requests);
    }

    [Fact]
    public void Time_to_fulfil_has_median_and_nearest_rank_p90()
    {
        var row = TransparencyReport.Compile(Requests()).Row("instrument", "CloudActUsUk");
        Assert.Equal((5, 30.0, 100.0), (row.Fulfilled, row.MedianHoursToFulfil, row.P90HoursToFulfil));
        Assert.Null(TransparencyReport.Compile(Requests()).Row("instrument", "MutualLegalAssistanceTreaty").MedianHoursToFulfil);
        Assert.Equal(25.0, Percentiles.Median([10, 20, 30, 40]));
        Assert.Equal(40.0, Percentiles.NearestRank([10, 20, 30, 40], 0.9));
    }

    [Fact]
    public void Statistics_contain_no_case_content_targets_or_free_text()
    {
        var requests = Requests();
        var csv = TransparencyReport.Compile(requests).ToCsv();
        var forbidden = requests.SelectMany(r => r.Targets.Select(t => t.Value))
            .Concat(requests.Select(r => r.NecessityStatement))
            .Concat(requests.Select(r => r.CaseId))
            .Concat(requests.Select(r => r.Id))
            .Concat(requests.SelectMany(r => r.History.Select(t => t.Reason)).OfType<string>())
            .Concat(requests.SelectMany(r => new[] { r.Requester.AuthorityId, r.Addressee.Id, r.Issuer!.Name, r.DraftedBy }))
            .Concat(["7911123456", "5551234", "heroin", "courier"])
            .Distinct()
            .ToList();
        Assert.True(forbidden.Count > 20);
        foreach (var text in forbidden)
        {
            Assert.DoesNotContain(text, csv, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Csv_is_rfc_4180_with_a_header_and_crlf()
    {
        var csv = TransparencyReport.Compile(Requests()).ToCsv();
        Assert.StartsWith(TransparencyStatistics.CsvHeader + "\r\n", csv, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\r\ninstrument,CloudActUsUk,7,5,30.00,100.00\r\n", csv, StringComparison.Ordinal);
        var records = Rfc4180.Read(new StringReader(csv)).ToList();
        Assert.All(records, r => Assert.Equal(6, r.Fields.Count));
    }

    [Fact]
    public void Csv_fields_with_commas_or_quotes_are_quoted()
    {
        Assert.Equal("plain", Rfc4180.Field("plain"));
        Assert.Equal("\"a,b\"", Rfc4180.Field("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", Rfc4180.Field("say \"hi\""));
        Assert.Equal("\"two\r\nlines\"", Rfc4180.Field("two\r\nlines"));
    }

    [Fact]
    public void Period_selects_requests_opened_in_it()
    {
        var early = Requests();
        _f.Clock.Advance(TimeSpan.FromDays(40));
        var late = _f.Workflow.Open(RequestFixtures.CloudAct("req-late"), RequestFixtures.Investigator).Request;
        var s = TransparencyReport.Compile([.. early, late], RequestFixtures.Start.AddDays(40), RequestFixtures.Start.AddDays(80));
        Assert.Equal(1, s.Row("total", "all").Requests);
        Assert.Equal(1, s.Row("outcome", "Draft").Requests);
    }
}
