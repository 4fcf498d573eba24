using Liaison.Exchange.Identity;
using Liaison.Exchange.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Exchange.Tests.Identity;

public sealed class NodeIdentityTests : IDisposable
{
    // Few PBKDF2 iterations keep the suite fast; one test below uses the production default.
    private static readonly KeyProtection Fast = new(1_000);
    private static readonly KeyPassphrase Passphrase = new("correct horse battery staple");
    private static readonly NodeProfile Profile = new("gb-nca", "National Crime Agency", "GB", new Uri("https://gb.example/"));

    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Created_keys_are_written_encrypted_and_load_back_with_the_passphrase()
    {
        using var created = NodeIdentity.Create(_dir.Path, Profile, Passphrase, _time, Fast);

        using var loaded = NodeIdentity.Load(_dir.Path, Passphrase, _time);

        Assert.Equal(created.SigningKey.Kid, loaded.SigningKey.Kid);
        Assert.Equal(created.EncryptionKey.Kid, loaded.EncryptionKey.Kid);
        Assert.Equal(Profile, loaded.Profile);
        foreach (var file in Directory.GetFiles(Path.Combine(_dir.Path, "keys"), "*.key.pem"))
        {
            var pem = File.ReadAllText(file);
            Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", pem, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public void Key_files_are_pbes2_with_pbkdf2_sha256_and_aes256_cbc_at_the_configured_iterations()
    {
        NodeIdentity.Create(_dir.Path, Profile, Passphrase, _time, new KeyProtection(1_234)).Dispose();

        var files = Directory.GetFiles(Path.Combine(_dir.Path, "keys"), "*.key.pem");

        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.Equal(
            new Pkcs8Parameters(Pkcs8Parameters.Pbes2, Pkcs8Parameters.Pbkdf2, 1_234, Pkcs8Parameters.HmacSha256, Pkcs8Parameters.Aes256Cbc),
            Pkcs8Parameters.Read(File.ReadAllText(f))));
    }

    [Fact]
    public void Default_protection_uses_600000_pbkdf2_iterations()
    {
        // One derivation only (about a second on a busy machine): the rest of the suite uses fewer iterations.
        using var key = NodeKey.Generate(KeyUse.Signing, _time.GetUtcNow());

        var pem = key.ExportEncryptedPem(Passphrase, KeyProtection.Default);

        Assert.Equal(600_000, Pkcs8Parameters.Read(pem).Iterations);
    }

    [Fact]
    public void Wrong_passphrase_is_refused_without_revealing_it()
    {
        NodeIdentity.Create(_dir.Path, Profile, Passphrase, _time, Fast).Dispose();

        var e = Assert.Throws<KeyStoreException>(() => NodeIdentity.Load(_dir.Path, new KeyPassphrase("not the right one at all"), _time));

        Assert.Contains("wrong passphrase", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not the right one", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Existing_keys_are_never_overwritten_by_create()
    {
        NodeIdentity.Create(_dir.Path, Profile, Passphrase, _time, Fast).Dispose();

        Assert.Throws<KeyStoreException>(() => NodeIdentity.Create(_dir.Path, Profile, Passphrase, _time, Fast));
    }

    [Fact]
    public void Short_passphrase_is_refused_at_creation()
    {
        Assert.Throws<KeyStoreException>(() => NodeIdentity.Create(_dir.Path, Profile, new KeyPassphrase("short"), _time, Fast));
    }

    [Fact]
    public void Passphrase_comes_from_the_secret_file_before_the_variable()
    {
        var file = Path.Combine(_dir.Path, "secret");
        File.WriteAllText(file, "from the secret file\n");
        var env = new Dictionary<string, string?> { ["LIAISON_KEY_PASSPHRASE"] = "from the variable", ["LIAISON_KEY_PASSPHRASE_FILE"] = file };

        var passphrase = KeyPassphrase.FromEnvironment(n => env.GetValueOrDefault(n));

        Assert.Equal("from the secret file", passphrase.Value);
        Assert.Equal("***", passphrase.ToString());
    }

    [Fact]
    public void Missing_passphrase_says_which_variables_to_set()
    {
        var e = Assert.Throws<KeyStoreException>(() => KeyPassphrase.FromEnvironment(_ => null));

        Assert.Contains("LIAISON_KEY_PASSPHRASE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotation_keeps_the_old_keys_usable_until_the_overlap_ends_and_survives_a_reload()
    {
        using (var identity = NodeIdentity.Create(_dir.Path, Profile, Passphrase, _time, Fast))
        {
            var rotation = identity.Rotate(TimeSpan.FromDays(2));
            Assert.NotEqual(rotation.OldSigningKid, rotation.NewSigningKid);
        }

        using var loaded = NodeIdentity.Load(_dir.Path, Passphrase, _time);
        var previous = loaded.Keys.Single(k => k.Use == KeyUse.Signing && k.Status == KeyStatus.Previous);

        Assert.True(previous.IsUsableAt(_time.GetUtcNow() + TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1)));
        Assert.False(previous.IsUsableAt(_time.GetUtcNow() + TimeSpan.FromDays(2)));
        Assert.Equal(2, loaded.UsableKeys(KeyUse.Encryption, _time.GetUtcNow()).Count());
    }

    [Fact]
    public void Current_key_cannot_be_revoked_before_rotation()
    {
        using var identity = NodeIdentity.Create(_dir.Path, Profile, Passphrase, _time, Fast);

        var e = Assert.Throws<KeyStoreException>(() => identity.Revoke(identity.SigningKey.Kid));

        Assert.Contains("rotate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoked_key_is_listed_in_the_descriptor_and_no_longer_published()
    {
        using var identity = NodeIdentity.Create(_dir.Path, Profile, Passphrase, _time, Fast);
        var rotation = identity.Rotate(TimeSpan.FromDays(7));

        identity.Revoke(rotation.OldSigningKid);
        using var loaded = NodeIdentity.Load(_dir.Path, Passphrase, _time);
        var descriptor = loaded.ExportDescriptor().Descriptor;

        Assert.Contains(rotation.OldSigningKid, descriptor.Revoked);
        Assert.DoesNotContain(descriptor.Keys, k => k.Jwk.Kid == rotation.OldSigningKid);
        Assert.Contains(descriptor.Keys, k => k.Jwk.Kid == rotation.OldEncryptionKid);
    }

    [Fact]
    public void Invalid_profile_is_refused()
    {
        var bad = Profile with { Jurisdiction = "Britain" };

        Assert.Throws<ArgumentException>(() => NodeIdentity.CreateEphemeral(bad, _time));
    }
}
