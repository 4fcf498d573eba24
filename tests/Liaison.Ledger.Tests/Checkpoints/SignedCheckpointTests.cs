using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Merkle;
using Liaison.Ledger.Notes;

namespace Liaison.Ledger.Tests.Checkpoints;

public sealed class SignedCheckpointTests
{
    private static Checkpoint Sample(string origin) => new(origin, 1042, MerkleHash.Leaf("x"u8), DateTimeOffset.FromUnixTimeSeconds(1767225600));

    [Fact]
    public void Checkpoint_note_has_origin_size_root_and_time_lines()
    {
        var c = Sample("liaison.test/be");

        Assert.Equal($"liaison.test/be\n1042\n{Convert.ToBase64String(c.RootHash)}\ntime 1767225600\n", c.ToText());
        Assert.True(Checkpoint.Parse(c.ToText()).SameTreeHead(c));
        Assert.Equal(c.Time, Checkpoint.Parse(c.ToText()).Time);
    }

    [Fact]
    public void Signed_checkpoint_opens_with_the_log_key()
    {
        using var key = NoteSigningKey.Generate("liaison.test/be");
        var signed = SignedCheckpoint.Sign(Sample(key.Name), key);

        var opened = SignedCheckpoint.Open(signed.Format(), key.VerifierKey);

        Assert.True(opened.Checkpoint.SameTreeHead(signed.Checkpoint));
    }

    [Fact]
    public void Forged_root_under_a_genuine_signature_is_refused()
    {
        using var key = NoteSigningKey.Generate("liaison.test/be");
        var signed = SignedCheckpoint.Sign(Sample(key.Name), key);
        var forgedText = (Sample(key.Name) with { RootHash = MerkleHash.Leaf("y"u8) }).ToText();
        var forged = new SignedNote(forgedText, signed.Note.Signatures).Format();

        Assert.Throws<NoteVerificationException>(() => SignedCheckpoint.Open(forged, key.VerifierKey));
    }

    [Fact]
    public void Checkpoint_signed_by_an_impostor_key_with_the_same_name_is_refused()
    {
        using var key = NoteSigningKey.Generate("liaison.test/be");
        using var impostor = NoteSigningKey.Generate("liaison.test/be");
        var forged = SignedCheckpoint.Sign(Sample(key.Name), impostor);

        Assert.Throws<NoteVerificationException>(() => SignedCheckpoint.Open(forged.Format(), key.VerifierKey));
    }

    [Fact]
    public void Checkpoint_for_another_origin_is_refused_even_if_signed_by_the_key()
    {
        using var key = NoteSigningKey.Generate("liaison.test/be");
        var signed = SignedCheckpoint.Sign(Sample("liaison.test/nl"), key);

        Assert.Throws<NoteVerificationException>(() => SignedCheckpoint.Open(signed.Format(), key.VerifierKey));
    }

    [Theory]
    [InlineData("o\n01\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    [InlineData("o\n1\nAAAA\n")]
    [InlineData("o\n1\n")]
    [InlineData("o\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    [InlineData("o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n")]
    public void Malformed_checkpoint_text_is_rejected(string text)
    {
        Assert.Throws<NoteFormatException>(() => Checkpoint.Parse(text));
    }
}
