using Liaison.Core.Requests;

namespace Liaison.Core.Tests.Requests;

public class TargetNormaliserTests
{
    [Theory]
    [InlineData(TargetKind.Phone, "07911 123456", "+447911123456")]
    [InlineData(TargetKind.Email, "John.Smith+x@GoogleMail.com", "johnsmith@gmail.com")]
    [InlineData(TargetKind.Domain, "Bücher.Example.", "xn--bcher-kva.example")]
    [InlineData(TargetKind.IpAddress, " 2001:DB8:0:0::1 ", "2001:db8::1")]
    [InlineData(TargetKind.IpAddress, "192.0.2.7", "192.0.2.7")]
    [InlineData(TargetKind.Imei, "49-015420-323751-8", "490154203237518")]
    [InlineData(TargetKind.Account, "Telegram:@Courier_77", "telegram:courier_77")]
    [InlineData(TargetKind.Iban, "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432")]
    public void Targets_are_normalised_like_case_data(TargetKind kind, string raw, string expected) =>
        Assert.Equal(expected, RequestFixtures.Targets.TryNormalise(kind, raw, out _));

    [Theory]
    [InlineData(TargetKind.Imei, "490154203237517")]
    [InlineData(TargetKind.IpAddress, "10.1")]
    [InlineData(TargetKind.Domain, "localhost")]
    [InlineData(TargetKind.Account, "courier77")]
    [InlineData(TargetKind.Phone, "12")]
    public void Invalid_targets_have_a_reason(TargetKind kind, string raw)
    {
        Assert.Null(RequestFixtures.Targets.TryNormalise(kind, raw, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }
}
