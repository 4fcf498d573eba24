using Liaison.Core.Requests.Evidence;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;
using Liaison.Exchange.Delivery;
using Liaison.Node.Api;
using Liaison.Node.Federation;
using Liaison.Storage.Requests;

namespace Liaison.Node.Requests;

/// <summary>Maps the request workflow's exceptions to RFC 9457 problems with stable types (docs/requests.md, "Wiring in the node").</summary>
internal static class RequestResults
{
    public static async Task<IResult> Guard(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (InvalidRequestException e)
        {
            return TypedResults.Problem(type: Problems.Base + "invalid-request", title: "Invalid request", detail: e.Message, statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = e.Errors.Select(x => new { requestId = x.RequestId, field = x.Field, reason = x.Reason, ground = x.Ground.ToString() }).ToList(),
                });
        }
        catch (RequestActionDeniedException e)
        {
            var type = e is SeparationOfDutiesException ? "separation-of-duties" : "request-action-denied";
            return TypedResults.Problem(type: Problems.Base + type, title: "Not allowed on this request", detail: e.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (IllegalTransitionException e)
        {
            return Conflict("illegal-transition", e.Message);
        }
        catch (RequestChangedException e)
        {
            return Conflict("request-changed", e.Message);
        }
        catch (ScreeningObjectionException e)
        {
            return Conflict("screening-objection", e.Message);
        }
        catch (RequestNotFoundException e)
        {
            return Problems.NotFound($"request '{e.RequestId}'");
        }
        catch (MessageTransportException e)
        {
            return TypedResults.Problem(type: Problems.Base + "peer-unknown", title: "The message cannot be sent; nothing was changed",
                detail: e.Message, statusCode: StatusCodes.Status409Conflict);
        }
        catch (FederationUnavailableException e)
        {
            return TypedResults.Problem(type: Problems.Base + "federation-unavailable", title: "This node cannot send to peers; nothing was changed",
                detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (InvalidManifestException e)
        {
            return TypedResults.Problem(type: Problems.Base + "invalid-evidence", title: "Invalid evidence package", detail: e.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    /// <summary>JSON with enums by name, as requests are stored and carried between nodes.</summary>
    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) => TypedResults.Json(value, RequestDocument.Options, statusCode: status);

    private static IResult Conflict(string type, string detail) =>
        TypedResults.Problem(type: Problems.Base + type, title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
