using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Requests;
using Liaison.Exchange.Identity;
using Liaison.Node.Exchange;
using Liaison.Node.Requests;
using Liaison.Node.Tests.Federation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Liaison.Storage;
using Liaison.Storage.Requests;
using static Liaison.Node.Tests.Requests.RequestNodesFixture;

namespace Liaison.Node.Tests.Requests;

/// <summary>
/// The provider screens the requesting authority's signature with the key that signed the request (the
/// envelope's verifying key), not the authority's current key: a request signed just before the Met rotated
/// its keys passes during the overlap, and one whose key's overlap has ended does not, although the Met's
/// current key is still good. GB's delivery worker is off, so the request reaches the provider's inbox
/// handler only as each test hands it over, with the signing key the exchange would report.
/// </summary>
public sealed class SignerKeyScreeningTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private FederatedNode _gb = null!;
    private FederatedNode _us = null!;

    public async Task InitializeAsync()
    {
        _gb = await FederatedNode.CreateAsync("gb-met", "Metropolitan Police Service", "GB", _clock);
        _us = await FederatedNode.CreateAsync("us-telco", "Example Telco Inc. compliance", "US", _clock);
        await _gb.ImportAsync(Case, "suspects.jsonl", """{"id":"p1","schema":"Person","properties":{"name":["Courier"],"phone":["07911 123456"]}}""");
        await _gb.AddUserAsync("ivy", "investigator", Case);
        await _gb.AddUserAsync("sam", "supervisor", Case);
        await _gb.AddUserAsync("dana", "designated-authority", "none");
        await _gb.AddUserAsync("leo", "liaison-officer", "none");
        await _gb.TrustAsync(_us);
        await _us.TrustAsync(_gb);
        RequestsSettings.Write(_gb.Config, new RequestsSettings { DeadlinePoll = TimeSpan.Zero });
        RequestsSettings.Write(_us.Config, new RequestsSettings
        {
            DeadlinePoll = TimeSpan.Zero,
            Provider = new ProviderSettings { AcceptedInstruments = [LegalInstrument.CloudActUsUk], Authorities = ["gb-met"] },
        });
        await _gb.StartAsync(s => s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DeliveryService))));
        await _us.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _gb.DisposeAsync();
        await _us.DisposeAsync();
    }

    [Fact]
    public async Task A_request_signed_with_the_previous_key_during_the_rotation_overlap_passes_the_providers_screening()
    {
        var request = await SentRequestAsync();
        var signedWith = RotateGb(TimeSpan.FromDays(7));
        await _us.TrustAsync(_gb);

        var screening = await ReceiveAtProviderAsync(request, signedWith);

        Assert.Null(screening);
    }

    [Fact]
    public async Task A_request_signed_with_a_key_whose_overlap_has_ended_is_objected_to_though_the_authoritys_current_key_is_good()
    {
        var request = await SentRequestAsync();
        var signedWith = RotateGb(TimeSpan.FromHours(1));
        await _us.TrustAsync(_gb);
        _clock.Advance(TimeSpan.FromHours(2));

        var screening = await ReceiveAtProviderAsync(request, signedWith);

        Assert.NotNull(screening);
        Assert.Contains("AuthorityNotRecognised", screening, StringComparison.Ordinal);
        Assert.Contains(signedWith, screening, StringComparison.Ordinal);
    }

    /// <summary>Rotates GB's keys with the given overlap and returns the kid of the signing key it replaced.</summary>
    private string RotateGb(TimeSpan overlap)
    {
        using var identity = NodeIdentity.Load(_gb.Config.Directory, new KeyPassphrase(FederatedNode.Passphrase), _clock);
        return identity.Rotate(overlap).OldSigningKid;
    }

    /// <summary>Drafted, approved, validated and sent at GB; the request as it left (what the submission carries).</summary>
    private async Task<DataAccessRequest> SentRequestAsync()
    {
        var draft = await ReadAsync(await (await _gb.SignInAsync("ivy")).PostAsJsonAsync("/api/requests", CloudActDraft()));
        Ok(await ActAsync(await _gb.SignInAsync("sam"), draft.Id, "approve"));
        Ok(await ActAsync(await _gb.SignInAsync("dana"), draft.Id, "approve"));
        var sent = await ReadAsync(await ActAsync(await _gb.SignInAsync("leo"), draft.Id, "send"));
        Assert.Equal(RequestState.Sent, sent.State);
        return sent;
    }

    /// <summary>Hands the submission to the provider's inbox handler as the exchange would, inside one transaction; returns the stored screening.</summary>
    private async Task<string?> ReceiveAtProviderAsync(DataAccessRequest request, string signerKid)
    {
        using var scope = _us.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();
        var handler = scope.ServiceProvider.GetServices<IInboundMessageHandler>().OfType<RequestInboxHandler>().Single();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new RequestSubmission(request), RequestMessages.Json);
        var now = _clock.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await handler.HandleAsync(new InboundMessage("gb-met", Guid.NewGuid().ToString("N"), RequestMessages.SubmitType, request.Id, HandlingCodes.H2, Tlp.Amber,
                now, now.AddDays(1), payload, signerKid), CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        await using var read = _us.Db();
        return (await read.Set<RequestRow>().AsNoTracking().SingleAsync(r => r.Id == request.Id)).Screening;
    }
}
