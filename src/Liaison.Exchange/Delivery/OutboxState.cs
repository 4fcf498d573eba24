namespace Liaison.Exchange.Delivery;

/// <summary>Where an outgoing message is: waiting (first try or a retry), receipted, or given up on.</summary>
public enum OutboxState
{
    Pending,
    Delivered,
    /// <summary>Dead-lettered: attempts exhausted, expired, or refused for good. Shown to the operator, who may retry it.</summary>
    Dead,
}
