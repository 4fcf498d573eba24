using Liaison.Core.Requests;
using Liaison.Core.Requests.FollowUp;
using Liaison.Core.Requests.Validation;

namespace Liaison.Core.Tests.Requests;

public sealed class FollowUpDraftTests
{
    private static readonly Guid Session = Guid.Parse("0b6f5c1e-2a44-4f3e-9d1c-7a2b9e3f4c55");

    [Fact]
    public void A_follow_up_after_a_hit_names_the_matched_identifiers_and_nothing_else()
    {
        var draft = FollowUpDraft.From("gb-1", "GB-OP-1", Session, new("gb-nca", "GB", "gb-nca"), new(AddresseeKind.ServiceProvider, "nl-politie", "NL"),
            [new(TargetKind.Phone, "+31612345678"), new(TargetKind.Email, "ana.pop@example.com"), new(TargetKind.Phone, "+31612345678")],
            "drug-trafficking", 99, RequestFixtures.Statement);

        Assert.Equal([new RequestTarget(TargetKind.Phone, "+31612345678"), new RequestTarget(TargetKind.Email, "ana.pop@example.com")], draft.Targets);
        Assert.Equal((RequestType.FollowUpAfterHit, LegalInstrument.PrumFollowUp, DataCategory.DataBehindHit), (draft.Type, draft.Instrument, draft.Categories));
        Assert.Equal("hit:0b6f5c1e-2a44-4f3e-9d1c-7a2b9e3f4c55", draft.HitReference);
        Assert.Equal(AddresseeKind.Agency, draft.Addressee.Kind);
    }

    [Fact]
    public void A_follow_up_without_a_matched_identifier_is_refused()
    {
        Assert.Throws<ArgumentException>(() => FollowUpDraft.From("gb-1", "GB-OP-1", Session, new("gb-nca", "GB", "gb-nca"),
            new(AddresseeKind.Agency, "nl-politie", "NL"), [], "drug-trafficking", 99, RequestFixtures.Statement));
    }

    [Fact]
    public void A_follow_up_with_a_period_passes_the_validator()
    {
        var draft = FollowUpDraft.From("gb-1", "GB-OP-1", Session, new("gb-nca", "GB", "gb-nca"), new(AddresseeKind.Agency, "nl-politie", "NL"),
            [new(TargetKind.Phone, "+31612345678")], "drug-trafficking", 99, RequestFixtures.Statement) with
        {
            Period = new(RequestFixtures.Start.AddDays(-30), RequestFixtures.Start),
            Issuer = new("National Crime Agency", AuthorityCapacity.InvestigatingAuthority),
        };

        Assert.Empty(new DataAccessRequestValidator(RequestRules.Default).Validate(draft));
    }
}
