namespace Liaison.Matching.Clk;

/// <summary>
/// One encoded record: the caller's record id (opaque to the hub), the filter as 64-bit words
/// (bit i is bit i%64 of word i/64) and its keyed blocking keys.
/// </summary>
public sealed record ClkRecord(string Id, ulong[] Bits, ulong[] BlockKeys);
