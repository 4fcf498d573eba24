namespace Liaison.Core.Requests;

/// <summary>What someone does to a request. Each action is allowed from some states, by some roles.</summary>
public enum RequestAction
{
    Open,
    Revise,
    Approve,
    Validate,
    SendBack,
    Send,
    Acknowledge,
    AskClarification,
    AnswerClarification,
    Fulfil,
    FulfilPartly,
    Refuse,
    Withdraw,
    Expire,
}
