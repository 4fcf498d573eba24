using Liaison.Core.Validation;
using Liaison.Interchange.Text;
using Liaison.Node.Accounts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Node.Api;

/// <summary>RFC 9457 problem details with stable type URIs; messages name records and fields, never personal data.</summary>
internal static class Problems
{
    public const string Base = "https://liaison.dev/problems/";

    public static IResult NotFound(string what) =>
        TypedResults.Problem(type: Base + "not-found", title: "Not found", detail: what, statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(type: Base + "bad-request", title: "Bad request", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Turns the domain's exceptions into problem responses instead of 500s.</summary>
    public static void UseLiaisonProblems(this WebApplication app) =>
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, type, title) = error switch
            {
                InvalidRecordException => (StatusCodes.Status422UnprocessableEntity, "invalid-record", "Invalid record"),
                InputFormatException => (StatusCodes.Status422UnprocessableEntity, "invalid-input", "Invalid input file"),
                Storage.Evidence.CustodyRefusedException { IsUnknownItem: true } => (StatusCodes.Status404NotFound, "not-found", "Not found"),
                Storage.Evidence.CustodyRefusedException => (StatusCodes.Status409Conflict, "custody-refused", "Custody step refused"),
                AccountLockedException => (StatusCodes.Status423Locked, "account-locked", "Account locked"),
                ArgumentException or FormatException => (StatusCodes.Status400BadRequest, "bad-request", "Bad request"),
                InvalidOperationException => (StatusCodes.Status409Conflict, "conflict", "Conflict"),
                _ => (StatusCodes.Status500InternalServerError, "internal", "Internal error"),
            };
            var problem = new ProblemDetails
            {
                Type = Base + type,
                Title = title,
                Status = status,
                Detail = status == StatusCodes.Status500InternalServerError ? "see the node's log" : error?.Message,
            };
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }));
}
