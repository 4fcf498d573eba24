namespace Liaison.Core.Requests;

/// <summary>
/// Normal, or an emergency: an imminent threat to the life, physical integrity or safety of a person, or to
/// critical infrastructure (Regulation (EU) 2023/1543 art. 3(18)). Emergencies shorten the deadline.
/// </summary>
public enum Urgency
{
    Normal,
    Emergency,
}
