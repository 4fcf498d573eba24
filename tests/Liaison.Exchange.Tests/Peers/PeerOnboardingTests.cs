using Liaison.Exchange.Descriptors;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;
using Liaison.Exchange.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Exchange.Tests.Peers;

public sealed class PeerOnboardingTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TestNode _gb;
    private readonly TestNode _us;

    public PeerOnboardingTests()
    {
        _gb = TestNode.Create("gb-nca", _time);
        _us = TestNode.Create("us-fbi", _time);
    }

    public void Dispose()
    {
        _gb.Dispose();
        _us.Dispose();
    }

    private PeerOnboarding Onboarding => new(_us.Peers, _us.Id, _time);

    [Fact]
    public async Task Descriptor_survives_export_to_json_and_is_added_as_a_peer()
    {
        var json = _gb.Identity.ExportDescriptor().ToJson();

        var change = await Onboarding.AddAsync(SignedNodeDescriptor.Parse(json));
        var peer = await _us.Peers.FindAsync("gb-nca");

        Assert.Equal(PeerChange.Added, change);
        Assert.Equal(_gb.Identity.Fingerprint, peer!.Signed.Fingerprint);
        Assert.Equal("GB", peer.Descriptor.Jurisdiction);
    }

    [Fact]
    public void Edited_readable_copy_is_refused()
    {
        var json = _gb.Identity.ExportDescriptor().ToJson().Replace("https://gb-nca.example/", "https://attacker.example/", StringComparison.Ordinal);

        var e = Assert.Throws<DescriptorRejectedException>(() => SignedNodeDescriptor.Parse(json));

        Assert.Equal(DescriptorRejection.Malformed, e.Reason);
    }

    [Fact]
    public async Task Descriptor_signed_by_a_key_it_does_not_list_is_refused()
    {
        var genuine = _gb.Identity.ExportDescriptor();
        var resigned = SignedNodeDescriptor.Sign(genuine.Descriptor, _us.Identity.SigningKey, []);

        var e = await Assert.ThrowsAsync<DescriptorRejectedException>(() => Onboarding.AddAsync(resigned));

        Assert.Equal(DescriptorRejection.BadSignature, e.Reason);
    }

    [Fact]
    public async Task Expired_descriptor_is_refused()
    {
        var signed = _gb.Identity.ExportDescriptor(TimeSpan.FromDays(1));
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(6));

        var e = await Assert.ThrowsAsync<DescriptorRejectedException>(() => Onboarding.AddAsync(signed));

        Assert.Equal(DescriptorRejection.Expired, e.Reason);
    }

    [Fact]
    public async Task Own_descriptor_is_not_a_peer()
    {
        var e = await Assert.ThrowsAsync<DescriptorRejectedException>(() => Onboarding.AddAsync(_us.Identity.ExportDescriptor()));

        Assert.Equal(DescriptorRejection.OwnNode, e.Reason);
    }

    [Fact]
    public async Task Rotated_descriptor_endorsed_by_the_known_key_replaces_it()
    {
        await Onboarding.AddAsync(_gb.Identity.ExportDescriptor());
        _time.Advance(TimeSpan.FromHours(1));
        var rotation = _gb.Identity.Rotate(TimeSpan.FromDays(7));

        var change = await Onboarding.AddAsync(_gb.Identity.ExportDescriptor());

        Assert.Equal(PeerChange.Updated, change);
        Assert.Equal(rotation.NewSigningKid, (await _us.Peers.FindAsync("gb-nca"))!.Descriptor.CurrentSigningKey.Kid);
    }

    [Fact]
    public async Task Key_change_without_endorsement_by_the_known_key_is_refused()
    {
        await Onboarding.AddAsync(_gb.Identity.ExportDescriptor());
        // Someone else claims the node id gb-nca with keys of their own.
        using var impostor = NodeIdentity.CreateEphemeral(_gb.Identity.Profile, _time);
        _time.Advance(TimeSpan.FromHours(1));

        var e = await Assert.ThrowsAsync<DescriptorRejectedException>(() => Onboarding.AddAsync(impostor.ExportDescriptor()));

        Assert.Equal(DescriptorRejection.UnendorsedKeyChange, e.Reason);
        Assert.Equal(_gb.Identity.SigningKey.Kid, (await _us.Peers.FindAsync("gb-nca"))!.Descriptor.CurrentSigningKey.Kid);
    }

    [Fact]
    public async Task Rotation_whose_overlap_has_ended_can_no_longer_be_endorsed()
    {
        await Onboarding.AddAsync(_gb.Identity.ExportDescriptor());
        _gb.Identity.Rotate(TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromHours(2));

        var e = await Assert.ThrowsAsync<DescriptorRejectedException>(() => Onboarding.AddAsync(_gb.Identity.ExportDescriptor()));

        Assert.Equal(DescriptorRejection.UnendorsedKeyChange, e.Reason);
    }

    [Fact]
    public async Task Older_descriptor_does_not_replace_a_newer_one()
    {
        var older = _gb.Identity.ExportDescriptor();
        _time.Advance(TimeSpan.FromMinutes(1));
        await Onboarding.AddAsync(_gb.Identity.ExportDescriptor());

        var e = await Assert.ThrowsAsync<DescriptorRejectedException>(() => Onboarding.AddAsync(older));

        Assert.Equal(DescriptorRejection.Stale, e.Reason);
    }

    [Fact]
    public async Task Removed_peer_can_be_added_again_with_new_keys_after_out_of_band_confirmation()
    {
        await Onboarding.AddAsync(_gb.Identity.ExportDescriptor());
        using var rebuilt = NodeIdentity.CreateEphemeral(_gb.Identity.Profile, _time);

        Assert.True(await _us.Peers.RemoveAsync("gb-nca"));
        var change = await Onboarding.AddAsync(rebuilt.ExportDescriptor());

        Assert.Equal(PeerChange.Added, change);
    }

    [Fact]
    public async Task File_directory_lists_and_removes_peers()
    {
        using var dir = new TempDirectory();
        var files = new FilePeerDirectory(dir.Path);
        var onboarding = new PeerOnboarding(files, _us.Id, _time);

        await onboarding.AddAsync(_gb.Identity.ExportDescriptor());
        var listed = await files.ListAsync();
        var removed = await files.RemoveAsync("gb-nca");

        Assert.Equal(["gb-nca"], listed.Select(p => p.NodeId));
        Assert.Equal(_gb.Identity.Fingerprint, listed[0].Signed.Fingerprint);
        Assert.True(removed);
        Assert.Empty(await files.ListAsync());
    }
}
