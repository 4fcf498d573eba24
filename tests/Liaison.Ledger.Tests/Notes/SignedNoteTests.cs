using System.Text.Json;
using Liaison.Ledger.Notes;

namespace Liaison.Ledger.Tests.Notes;

/// <summary>Checked against the published examples of golang.org/x/mod/sumdb/note (TestData/signed-note).</summary>
public sealed class SignedNoteTests
{
    private static readonly JsonElement Vector = TestDataFiles.Load("signed-note/golang-sumdb-note.json");

    private static string V(string name) => Vector.GetProperty(name).GetString()!;

    [Fact]
    public void Signing_reproduces_the_published_signed_note()
    {
        using var key = NoteSigningKey.Parse(V("signerKey"));

        var note = new SignedNote(V("text"), [key.Sign(V("text"))]).Format();

        Assert.Equal(V("signedNote"), note);
        Assert.Equal(V("verifierKey"), key.VerifierKey.ToString());
    }

    [Fact]
    public void Published_note_opens_with_the_published_key_and_ignores_unknown_signers()
    {
        var trusted = NoteVerifierKey.Parse(V("verifierKey"));

        var (note, verified) = NoteVerification.Open(V("signedNote") + V("otherSignatureLine"), [trusted]);

        Assert.Equal(V("text"), note.Text);
        Assert.Single(verified);
        Assert.Equal(2, note.Signatures.Count);
    }

    [Fact]
    public void Both_published_signatures_verify_with_both_keys()
    {
        var keys = new[] { NoteVerifierKey.Parse(V("verifierKey")), NoteVerifierKey.Parse(V("otherVerifierKey")) };

        var (_, verified) = NoteVerification.Open(V("signedNote") + V("otherSignatureLine"), keys);

        Assert.Equal(2, verified.Count);
    }

    [Fact]
    public void Note_without_a_trusted_signature_is_rejected()
    {
        var other = NoteVerifierKey.Parse(V("otherVerifierKey"));

        Assert.Throws<NoteVerificationException>(() => NoteVerification.Open(V("signedNote"), [other]));
    }

    [Fact]
    public void Edited_text_under_a_trusted_signature_is_rejected()
    {
        var trusted = NoteVerifierKey.Parse(V("verifierKey"));
        var forged = V("signedNote").Replace("cryptography", "cryptographY", StringComparison.Ordinal);

        Assert.Throws<NoteVerificationException>(() => NoteVerification.Open(forged, [trusted]));
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void Mangled_verifier_keys_are_rejected(string key)
    {
        Assert.Throws<NoteFormatException>(() => NoteVerifierKey.Parse(key));
    }

    public static TheoryData<string> BadKeys()
    {
        var data = new TheoryData<string>();
        foreach (var k in Vector.GetProperty("badVerifierKeys").EnumerateArray())
        {
            data.Add(k.GetString()!);
        }
        var good = V("verifierKey");
        data.Add(good[..^1]);
        data.Add(good.Replace("c74f20a3", "c74f20a4", StringComparison.Ordinal));
        data.Add("Peter Neumann" + good["PeterNeumann".Length..]);
        return data;
    }

    [Theory]
    [InlineData("no blank line\n\u2014 a AAAAAAAA\n")]
    [InlineData("text\n\n")]
    [InlineData("text\n\n\u2014 a AAAAAAAA")]
    [InlineData("te\u0001xt\n\n\u2014 a AAAAAAAA\n")]
    [InlineData("text\n\n\u2014 a+b AAAAAAAA\n")]
    [InlineData("text\n\nnot a signature\n")]
    public void Malformed_notes_are_rejected(string note)
    {
        Assert.Throws<NoteFormatException>(() => SignedNote.Parse(note));
    }

    [Fact]
    public void Generated_keys_round_trip_through_their_text_forms()
    {
        using var key = NoteSigningKey.Generate("liaison.test/x");
        using var again = NoteSigningKey.Parse(key.ToPrivateString());

        Assert.Equal(key.VerifierKey.ToString(), again.VerifierKey.ToString());
        Assert.Equal(key.VerifierKey.ToString(), NoteVerifierKey.Parse(key.VerifierKey.ToString()).ToString());
    }
}
