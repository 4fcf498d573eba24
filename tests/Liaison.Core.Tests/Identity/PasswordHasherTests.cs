using Liaison.Core.Identity;

namespace Liaison.Core.Tests.Identity;

public class PasswordHasherTests
{
    // A low work factor keeps these tests fast; the default's own test below uses the real one once.
    private static readonly PasswordHasher Fast = new(iterations: 1_000);

    [Fact]
    public void The_default_hasher_uses_at_least_600000_iterations_and_says_so_in_the_string()
    {
        var hasher = new PasswordHasher();

        var stored = hasher.Hash("correct horse battery staple");

        Assert.True(hasher.Iterations >= 600_000);
        Assert.StartsWith("$pbkdf2-sha256$i=600000,l=32$", stored, StringComparison.Ordinal);
        Assert.Equal(PasswordVerification.Succeeded, hasher.Verify("correct horse battery staple", stored));
    }

    [Fact]
    public void A_wrong_password_fails()
    {
        var stored = Fast.Hash("s3cret");

        Assert.Equal(PasswordVerification.Failed, Fast.Verify("s3cret ", stored));
        Assert.Equal(PasswordVerification.Failed, Fast.Verify("", stored));
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time()
    {
        Assert.NotEqual(Fast.Hash("same"), Fast.Hash("same"));
    }

    [Fact]
    public void A_hash_stored_with_fewer_iterations_verifies_and_asks_to_be_upgraded()
    {
        var old = new PasswordHasher(iterations: 500).Hash("s3cret");

        Assert.Equal(PasswordVerification.SucceededRehashNeeded, Fast.Verify("s3cret", old));
    }

    [Fact]
    public void Verification_uses_the_parameters_in_the_stored_string_not_the_current_ones()
    {
        var stored = Fast.Hash("s3cret");

        Assert.Equal(PasswordVerification.Succeeded, new PasswordHasher(iterations: 10).Verify("s3cret", stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plaintext")]
    [InlineData("$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$pbkdf2-sha256$i=abc$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$pbkdf2-sha256$i=99999999$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$pbkdf2-sha256$i=1000,x=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$pbkdf2-sha256$i=1000$!!!$aGFzaGhhc2hoYXNoaGFzaA")]
    public void A_corrupt_or_foreign_stored_string_is_refused_with_a_precise_exception(string stored)
    {
        Assert.Throws<InvalidPasswordHashException>(() => Fast.Verify("s3cret", stored));
    }

    [Fact]
    public void A_tampered_hash_fails()
    {
        var stored = Fast.Hash("s3cret");
        var tampered = stored[..^2] + (stored[^2] == 'A' ? "B" : "A") + stored[^1];

        Assert.Equal(PasswordVerification.Failed, Fast.Verify("s3cret", tampered));
    }

    [Fact]
    public void An_unknown_user_fails_after_spending_a_real_hash()
    {
        Assert.Equal(PasswordVerification.Failed, Fast.VerifyUnknownUser("anything"));
    }
}
