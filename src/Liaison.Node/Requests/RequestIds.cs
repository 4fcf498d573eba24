using System.Security.Cryptography;

namespace Liaison.Node.Requests;

/// <summary>Request ids: the node id and 64 random bits, so that ids from different nodes never clash.</summary>
internal static class RequestIds
{
    public static string New(string nodeId) => $"{nodeId}-r-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";

    /// <summary>The local case an incoming request is filed under: its own, so need-to-know at the addressee never follows the requester's case ids.</summary>
    public static string InboxCase(string requestId)
    {
        var safe = new string(requestId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return ("inbox-" + safe)[..Math.Min(100, 6 + safe.Length)];
    }
}
