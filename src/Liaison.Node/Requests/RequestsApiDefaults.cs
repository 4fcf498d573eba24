namespace Liaison.Node.Requests;

/// <summary>Defaults the request screens use where a form does not ask.</summary>
public static class RequestsApiDefaults
{
    /// <summary>The purpose every data-access request serves under the default policy.</summary>
    public const string Purpose = RequestsApi.DefaultPurpose;
}
